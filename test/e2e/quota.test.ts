// A full disk: with the origin's quota made small, the door keeps counting every visitor, and
// the lead who opens staff mode reads that the disk is full; once space is back, the banner goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { tallyNet } from './support/door.ts';
import { closeTablet, openTablet } from './support/tablet.ts';
import { openDoor } from './support/killable.ts';
import type { RunningServer } from './support/server.ts';
import { leaveStaffMode, signInAsStaff } from './support/staff-mode.ts';
import { visitors } from './support/visitors.ts';
import { untilDoorIdle } from './support/engines/in-page.ts';

const QUOTA_BYTES = 600 * 1024;
const LEAD_PIN = '222222';
/** The banner staff mode shows on a full disk (nb-staff.ts, `storage.quota`). */
const QUOTA_BANNER =
  'Lagringsplassen på nettbrettet er full. Tellingen fortsetter – summene lagres – men ' +
  'enkeltregistreringene lagres ikke. Synkroniser eller eksporter, så blir det plass igjen.';

/** The full-disk banner, as an alert on whichever staff screen is open. */
function quotaBanner(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Lagringsplassen på nettbrettet er full.' });
}

/** How many raw events this tablet holds. */
function rawEvents(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('terskel');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('events').objectStore('events').count();
          count.onsuccess = () => {
            open.result.close();
            done(count.result);
          };
          count.onerror = () => fail(count.error);
        };
      }),
  );
}

describe('a full disk, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
  });

  afterAll(() => closeTablet({ server, context }));

  it(`with a ${QUOTA_BYTES / 1024} KB quota, 1,000 visitors are all counted and the lead is told`, async () => {
    const started = Date.now();
    // Before the origin stores anything, so every storage backend sees the small quota.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(server.url).origin,
      quotaSize: QUOTA_BYTES,
    });
    await openDoor(page, server.url);
    const thanks = await visitors(page, 1000);
    const storedNet = await tallyNet(page, 'visit');
    const usage = await page.evaluate(() => navigator.storage.estimate());
    console.log(
      `quota ${QUOTA_BYTES} B: usage ${usage.usage} B on disk, ${await rawEvents(page)} raw ` +
        `events, tally ${storedNet} stored, the door answered Takk! ${thanks} times`,
    );
    // The quota was met. Chromium refuses every write once over it (deleting does not give
    // space back until compaction), so what could not be stored waits in memory, and the
    // door said Takk!, not Velkommen. Every visitor is counted: see below, once space is back.
    expect(thanks).toBeGreaterThan(0);
    expect(storedNet).toBeLessThan(1000);

    // What the lead sees on opening staff mode: the full-disk banner, on the first screen and
    // on Settings, where the storage panel is.
    await page.evaluate(untilDoorIdle);
    await signInAsStaff(page, LEAD_PIN);
    await quotaBanner(page).waitFor({ timeout: 10_000 });
    expect(await quotaBanner(page).textContent()).toBe(QUOTA_BANNER);
    await page.getByRole('navigation').getByRole('button', { name: 'Innstillinger' }).click();
    await page.getByRole('heading', { name: 'Lagring og versjon' }).waitFor();
    expect(await quotaBanner(page).isVisible()).toBe(true);
    await leaveStaffMode(page);

    // Space again (the lead synced, or the disk was cleared): the kept taps are written.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin });
    await expect.poll(() => tallyNet(page, 'visit'), { timeout: 30_000 }).toBe(1000);

    // And staff mode no longer says the disk is full.
    await signInAsStaff(page, LEAD_PIN);
    expect(await quotaBanner(page).count()).toBe(0);
    await leaveStaffMode(page);
    // Each kept visitor was written once: none lost, none twice.
    expect(await tallyNet(page, 'visit')).toBe(1000);

    console.log(`The full disk took ${Math.round((Date.now() - started) / 1000)} s`);
    expect(Date.now() - started).toBeLessThan(110_000);
  });
});
