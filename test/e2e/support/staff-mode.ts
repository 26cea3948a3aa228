// Opening and leaving staff mode in a real page, the way staff do it on the tablet.
import type { Page } from 'playwright-core';

/** The hidden gesture: press and hold the top corner for more than two seconds. */
export async function holdStaffCorner(page: Page): Promise<void> {
  const corner = page.getByRole('button', { name: 'Personale (hold inne i to sekunder)' });
  const box = await corner.boundingBox();
  if (box === null) throw new Error('The staff corner is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(2_300);
  await page.mouse.up();
}

/** A PIN on the pad that shows; resolves once the staff shell shows. */
export async function enterPin(page: Page, pin: string): Promise<void> {
  await page.getByRole('heading', { name: 'Skriv inn PIN-koden' }).waitFor();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('navigation').waitFor();
}

/** From the door into staff mode with a PIN; resolves once the staff shell shows. */
export async function signInAsStaff(page: Page, pin: string): Promise<void> {
  await holdStaffCorner(page);
  await enterPin(page, pin);
}

/** Back to the door from any staff screen. */
export async function leaveStaffMode(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Tilbake til inngangen' }).click();
  await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
}

/**
 * Opens a provisioning link on a tablet that has its PINs (as every set-up tablet does): the
 * lead signs in and accepts the endpoint's host; resolves once the tablet says it is paired.
 */
export async function acceptProvisioningLink(
  page: Page,
  link: string,
  site: string,
  leadPin = '222222',
): Promise<void> {
  // A full load of the link (from another page), as opening it on the tablet would be.
  await page.goto('about:blank');
  await page.goto(link);
  await enterPin(page, leadPin);
  await page.getByRole('button', { name: `Koble til ${new URL(link).host}` }).click();
  await page.getByText(`Nettbrettet er koblet til ${site}.`).waitFor();
}
