// Storage wipes against a real endpoint: losing the database (pairing kept) and losing the
// whole origin's storage both leave every synced visit on the endpoint; new visits add. After
// the lost database, the lead who opens staff mode reads that the tablet's data was reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from './support/browser.ts';
import { requireBuild } from './support/dist.ts';
import { openDoor } from './support/killable.ts';
import { runCli, startServer, type RunningServer } from './support/server.ts';
import { leaveStaffMode, signInAsStaff } from './support/staff-mode.ts';
import { visitors } from './support/visitors.ts';

const LEAD_PIN = '2222';
/** What staff mode says after a lost database (nb-staff.ts, `storage.reset`). */
const RESET_NOTICE =
  'Dataene på dette nettbrettet ble nullstilt. Tallene som allerede er sendt til serveren, ' +
  'er i behold; nye registreringer kommer i tillegg.';

interface SiteDays {
  days: Array<{
    date: string;
    totals: Array<{ counter: string; option?: string; hour?: number; net: number }>;
  }>;
}

describe('storage wipes, in Chromium against the endpoint', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let cli: Record<string, string>;
  let admin: string;

  beforeAll(async () => {
    requireBuild();
    server = await startServer();
    cli = { DATA_DIR: server.dataDir, PUBLIC_URL: server.url };
    await runCli(['site', 'add', 'alta', '--name', 'Hjerterom Alta'], cli);
    admin = (JSON.parse(await runCli(['admin', 'add', '--json'], cli)) as { token: string }).token;
    context = await launchPersistent(newProfileDir());
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  /** Pairs the tablet through a new device's provisioning link. */
  async function pair(): Promise<void> {
    const device = JSON.parse(await runCli(['device', 'add', '--site', 'alta', '--json'], cli)) as {
      link: string;
    };
    // A full load of the link (from another page), as opening it on the tablet would be.
    await page.goto('about:blank');
    await page.goto(device.link);
    await page.getByText('Nettbrettet er koblet til alta.').waitFor();
  }

  /** The site's visits today on the endpoint, over every tablet and replica. */
  async function endpointVisits(): Promise<number> {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const answer = await fetch(`${server.url}/api/v1/sites/alta/days?from=${today}&to=${today}`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    const read = (await answer.json()) as SiteDays;
    const totals = read.days.find((day) => day.date === today)?.totals ?? [];
    return totals
      .filter(
        (total) =>
          total.counter === 'visit' && total.option === undefined && total.hour === undefined,
      )
      .reduce((sum, total) => sum + total.net, 0);
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
    const skip = page.getByRole('button', { name: 'Hopp over' });
    if (await skip.isVisible()) await skip.click();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor({ timeout: 15_000 });
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
