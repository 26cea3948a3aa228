// What a visitor does at the door, and reading the tablet's own state, in a real page.
import type { Page } from 'playwright-core';
import { isControlled, readTallyNet } from './engines/in-page.ts';

/** Waits until the page is controlled by the service worker (the first visit installs it). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(isControlled, undefined, {
    timeout: 30_000,
  });
}

/** One visitor: Sjekk inn, Velkommen, skip the question, and the door is ready again. */
export async function checkInAtDoor(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sjekk inn' }).click();
  await page.getByRole('status').filter({ hasText: 'Velkommen!' }).waitFor();
  const skip = page.getByRole('button', { name: 'Hopp over' });
  if (await skip.isVisible()) await skip.click();
  await page.getByRole('button', { name: 'Sjekk inn' }).waitFor({ timeout: 15_000 });
}

/** The net of a counter over every replica and key in this tablet's tally state (0 before any). */
export function tallyNet(page: Page, counter: string): Promise<number> {
  return page.evaluate(readTallyNet, counter);
}
