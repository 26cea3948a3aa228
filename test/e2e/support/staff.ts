// What staff do on a fresh tablet before the door shows: choose the two PINs.
import type { Page } from 'playwright-core';

/** Chooses the PINs if the tablet asks for them and acknowledges the recovery code. */
export async function setUpStaffPins(
  page: Page,
  pins = { volunteer: '1111', lead: '2222' },
): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Velg PIN-koder for personalet' });
  const door = page.getByRole('button', { name: 'Sjekk inn' });
  await setup.or(door).first().waitFor();
  if (!(await setup.isVisible())) return;
  await page.getByLabel('PIN for frivillige', { exact: true }).fill(pins.volunteer);
  await page.getByLabel('Gjenta PIN for frivillige').fill(pins.volunteer);
  await page.getByLabel('PIN for daglig leder', { exact: true }).fill(pins.lead);
  await page.getByLabel('Gjenta PIN for daglig leder').fill(pins.lead);
  await page.getByRole('button', { name: 'Lagre PIN-kodene' }).click();
  await page.getByRole('button', { name: 'Jeg har skrevet ned koden' }).click();
  await door.waitFor();
}
