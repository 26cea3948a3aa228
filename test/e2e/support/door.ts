// What a visitor does at the door, and reading the tablet's own state, in a real page.
import type { Page } from 'playwright-core';
import { isControlled, readTallyNet, untilDoorIdle } from './engines/in-page.ts';

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
  await page.evaluate(untilDoorIdle);
}

/** The net of a counter over every replica and key in this tablet's tally state (0 before any). */
export function tallyNet(page: Page, counter: string): Promise<number> {
  return page.evaluate(readTallyNet, counter);
}
