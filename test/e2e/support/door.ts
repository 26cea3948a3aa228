// What a visitor does at the door, and reading the tablet's own state, in a real page.
import type { Page } from 'playwright-core';

/** Waits until the page is controlled by the service worker (the first visit installs it). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
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
  return page.evaluate(
    (wanted) =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('terskel');
        // No database yet (the app creates it once the door has settled): nothing counted.
        // Creating an empty one here would block the app's own upgrade.
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction?.abort();
        };
        open.onerror = () => (absent ? done(0) : fail(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('tally').objectStore('tally').getAll();
          read.onerror = () => fail(read.error);
          read.onsuccess = () => {
            const rows = read.result as Array<{ counter: string; inc: number; dec: number }>;
            db.close();
            done(
              rows
                .filter((row) => row.counter === wanted)
                .reduce((sum, row) => sum + row.inc - row.dec, 0),
            );
          };
        };
      }),
    counter,
  );
}
