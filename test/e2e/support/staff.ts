// What staff do on a fresh tablet before the door shows: the place, the PINs, pairing later.
import type { Page } from 'playwright-core';

/**
 * Sets a fresh tablet up as Hjerterom Alta (the default preset) with these PINs, acknowledges
 * the recovery code and leaves pairing for later; a tablet already set up is left as it is.
 */
export async function setUpStaffPins(
  page: Page,
  pins = { volunteer: '1111', lead: '222222' },
): Promise<void> {
  const place = page.getByRole('heading', { name: 'Sett opp nettbrettet' });
  const setup = page.getByRole('heading', { name: 'Velg PIN-koder for personalet' });
  const door = page.getByRole('button', { name: 'Sjekk inn' });
  await place.or(setup).or(door).first().waitFor();
  if (await place.isVisible()) {
    await page.getByRole('radio', { name: 'Blå Kors Hjerterom Alta' }).check();
    await page.getByRole('button', { name: 'Neste' }).click();
  }
  await setup.or(door).first().waitFor();
  if (!(await setup.isVisible())) return;
  await page.getByLabel('PIN for frivillige', { exact: true }).fill(pins.volunteer);
  await page.getByLabel('Gjenta PIN for frivillige').fill(pins.volunteer);
  await page.getByLabel('PIN for daglig leder', { exact: true }).fill(pins.lead);
  await page.getByLabel('Gjenta PIN for daglig leder').fill(pins.lead);
  await page.getByRole('button', { name: 'Lagre PIN-kodene' }).click();
  await page.getByRole('button', { name: 'Jeg har skrevet ned koden' }).click();
  const later = page.getByRole('button', { name: 'Senere' });
  await later.or(door).first().waitFor();
  if (await later.isVisible()) await later.click();
  await door.waitFor();
}
