// Storage wipes against a real endpoint: losing the database (pairing kept) and losing the
// whole origin's storage both leave every synced visit on the endpoint; new visits add. After
// the lost database, the lead who opens staff mode reads that the tablet's data was reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { closeTablet, openTabletWithSite } from './support/tablet.ts';
import { openDoor } from './support/killable.ts';
import { endpointVisitsToday, runCli, type RunningServer } from './support/server.ts';
import { acceptProvisioningLink, leaveStaffMode, signInAsStaff } from './support/staff-mode.ts';
import { visitors } from './support/visitors.ts';
import { untilDoorIdle } from './support/engines/in-page.ts';

const LEAD_PIN = '222222';
/** What staff mode says after a lost database (nb-staff.ts, `storage.reset`). */
const RESET_NOTICE =
  'Dataene på dette nettbrettet ble nullstilt. Tallene som allerede er sendt til serveren, ' +
  'er i behold; nye registreringer kommer i tillegg.';

describe('storage wipes, in Chromium against the endpoint', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let cli: Record<string, string>;
  let admin: string;
  const endpointVisits = async () => (await endpointVisitsToday(server, 'alta', admin)) ?? -1;

  beforeAll(async () => {
    ({ server, context, page, cli, admin } = await openTabletWithSite('alta', 'Hjerterom Alta'));
  });

  afterAll(() => closeTablet({ server, context }));

  /** Pairs the tablet through a new device's provisioning link. */
  async function pair(): Promise<void> {
    const device = JSON.parse(await runCli(['device', 'add', '--site', 'alta', '--json'], cli)) as {
      link: string;
    };
    await acceptProvisioningLink(page, device.link, 'alta', LEAD_PIN);
  }

  it('40 synced visits survive a lost database (pairing kept) and a wiped origin', async () => {
    const started = Date.now();
    await openDoor(page, server.url);
    await pair();
    expect(await visitors(page, 40)).toBe(0);
    await expect.poll(endpointVisits, { timeout: 30_000 }).toBe(40);

    // Only the Dexie database is lost, while the app runs; the pairing (idb-keyval) stays.
    await page.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const request = indexedDB.deleteDatabase('terskel');
          request.onsuccess = () => done();
          request.onerror = () => fail(request.error);
        }),
    );
    expect(await visitors(page, 10)).toBe(0);
    await expect.poll(endpointVisits, { timeout: 30_000 }).toBe(50);
    // What staff mode's storage status reads: the database was reset, the pairing survived.
    const remembered = await page.evaluate(
      () =>
        new Promise<unknown>((done, fail) => {
          const open = indexedDB.open('terskel-settings');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('settings').objectStore('settings').get('replica');
            read.onsuccess = () => done(read.result);
            read.onerror = () => fail(read.error);
          };
        }),
    );
    expect(remembered).toMatchObject({ resetAt: expect.any(Number) });
    // And what the lead sees on opening staff mode: the reset notice, on the first screen.
    await page.evaluate(untilDoorIdle);
    await signInAsStaff(page, LEAD_PIN);
    const notice = page.getByRole('alert').filter({ hasText: 'ble nullstilt.' });
    await notice.getByText(RESET_NOTICE, { exact: true }).waitFor({ timeout: 10_000 });
    expect(await notice.getByRole('button', { name: 'Jeg har sett dette' }).isVisible()).toBe(true);
    await leaveStaffMode(page);

    // Everything is wiped while the app is closed: it starts over, is paired again, counts on.
    const blank = await context.newPage();
    await page.close();
    page = blank;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(server.url).origin,
      storageTypes: 'all',
    });
    await openDoor(page, server.url);
    await pair();
    expect(await visitors(page, 10)).toBe(0);
    await expect.poll(endpointVisits, { timeout: 30_000 }).toBe(60);

    console.log(`The wipes took ${Math.round((Date.now() - started) / 1000)} s`);
    expect(Date.now() - started).toBeLessThan(110_000);
  });
});
