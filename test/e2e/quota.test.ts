// A full disk: with the origin's quota made small, the door keeps counting every visitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from './support/browser.ts';
import { requireBuild } from './support/dist.ts';
import { tallyNet } from './support/door.ts';
import { openDoor } from './support/killable.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { visitors } from './support/visitors.ts';

const QUOTA_BYTES = 600 * 1024;

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
    requireBuild();
    server = await startServer();
    context = await launchPersistent(newProfileDir());
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it(`with a ${QUOTA_BYTES / 1024} KB quota, 1,000 visitors are all counted`, async () => {
    // Before the origin stores anything, so every storage backend sees the small quota.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(server.url).origin,
      quotaSize: QUOTA_BYTES,
    });
    await openDoor(page, server.url);
    const answered = await visitors(page, 1000);
    const storedNet = await tallyNet(page, 'visit');
    const usage = await page.evaluate(() => navigator.storage.estimate());
    console.log(
      `quota ${QUOTA_BYTES} B: usage ${usage.usage} B on disk, ${await rawEvents(page)} raw ` +
        `events, tally ${storedNet}, ${answered} visitors answered Takk! (kept in memory)`,
    );
    // The quota was met. Chromium refuses every write once over it (deleting does not give
    // space back until compaction), so what could not be stored waits in memory, and the
    // door said Takk!, not Velkommen, for exactly those visitors.
    expect(answered).toBeGreaterThan(0);
    expect(storedNet + answered).toBe(1000);

    // Space again (the lead synced, or the disk was cleared): the kept taps are written.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin });
    await expect.poll(() => tallyNet(page, 'visit'), { timeout: 30_000 }).toBe(1000);
  });
});
