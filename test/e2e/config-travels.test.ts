// Two tablets of one site, each its own Chromium profile against one real endpoint: the lead
// changes a programme item on one, and the other shows it after its next sync; with the endpoint
// stopped, that tablet keeps its programme and counts, and back online the coordinator sees
// both tablets' health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from './support/browser.ts';
import { readSetting } from './support/engines/in-page.ts';
import { openDoor } from './support/killable.ts';
import { endpointVisitsToday, runCli, startServer } from './support/server.ts';
import { acceptProvisioningLink, leaveStaffMode, signInAsStaff } from './support/staff-mode.ts';
import { visitors } from './support/visitors.ts';
import { closeTablet, openTabletWithSite, type TabletWithSite } from './support/tablet.ts';

const SITE = 'alta';
const LEAD_PIN = '222222';

/** The version of the site's configuration a tablet follows (0: none yet). */
async function following(page: Page): Promise<number> {
  const state = (await page.evaluate(readSetting, 'configSync')) as
    { following?: number } | undefined;
  return state?.following ?? 0;
}

/** From the door into the lead's settings. */
async function openSettings(page: Page): Promise<void> {
  await signInAsStaff(page, LEAD_PIN);
  await page.getByRole('navigation').getByRole('button', { name: 'Innstillinger' }).click();
  await page.getByRole('heading', { name: 'Innstillinger', level: 2 }).waitFor();
}

describe('the site configuration travels between two tablets, in Chromium', () => {
  let first: TabletWithSite;
  let second: BrowserContext;
  let secondPage: Page;

  beforeAll(async () => {
    first = await openTabletWithSite(SITE, 'Hjerterom Alta');
    second = await launchPersistent(newProfileDir());
    secondPage = second.pages()[0] ?? (await second.newPage());
  });

  afterAll(async () => {
    await second?.close();
    await closeTablet(first);
  });

  it('the lead changes a programme item on one tablet; the other shows it after its sync', async () => {
    const device = async () =>
      (
        JSON.parse(await runCli(['device', 'add', '--site', SITE, '--json'], first.cli)) as {
          link: string;
        }
      ).link;

    // The first tablet is paired, and its lead saves the settings: version 1 is published.
    await openDoor(first.page, first.server.url);
    await acceptProvisioningLink(first.page, await device(), SITE);
    const firstPage = first.page;
    await openSettings(firstPage);
    const programme = firstPage.getByRole('form', { name: 'Programmet' });
    await programme.waitFor();
    await programme.getByRole('button', { name: 'Lagre – Programmet' }).click();
    await expect.poll(() => following(firstPage), { timeout: 30_000 }).toBe(1);

    // The second tablet, set up with the same preset, follows version 1 (pairing ends at the door).
    await openDoor(secondPage, first.server.url);
    await acceptProvisioningLink(secondPage, await device(), SITE);
    await expect.poll(() => following(secondPage), { timeout: 60_000 }).toBe(1);

    // The lead renames a programme item on the first tablet.
    const item = programme.getByRole('group', { name: 'Hobbykveld' });
    await item.getByRole('textbox', { name: 'Tittel', exact: true }).fill('Hobbykveld med kaffe');
    await programme.getByRole('button', { name: 'Lagre – Programmet' }).click();
    await expect.poll(() => following(firstPage), { timeout: 30_000 }).toBe(2);

    // The second tablet's next sync (it comes online) brings it; the door takes it at once.
    await secondPage.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(() => following(secondPage), { timeout: 60_000 }).toBe(2);
    await openSettings(secondPage);
    const theirs = secondPage
      .getByRole('form', { name: 'Programmet' })
      .getByRole('group', { name: 'Hobbykveld med kaffe' });
    expect(await theirs.getByRole('textbox', { name: 'Tittel', exact: true }).inputValue()).toBe(
      'Hobbykveld med kaffe',
    );
    // Nothing waits to be published on either tablet.
    expect(await secondPage.getByText(/ikke publisert ennå/).count()).toBe(0);
    expect(await firstPage.getByText(/ikke publisert ennå/).count()).toBe(0);
  });

  it('offline, the second tablet keeps its programme and counts; back online the coordinator sees both tablets', async () => {
    await leaveStaffMode(secondPage);
    await first.server.stop();
    // "Offline": the endpoint is gone; the page reloads from its service worker.
    await secondPage.reload();
    await secondPage.getByRole('button', { name: 'Sjekk inn' }).waitFor();
    const config = (await secondPage.evaluate(readSetting, 'config')) as {
      schedule: Array<{ title: { nb: string } }>;
    };
    expect(config.schedule.map((item) => item.title.nb)).toContain('Hobbykveld med kaffe');
    expect(await following(secondPage)).toBe(2);
    expect(await visitors(secondPage, 5)).toBe(0);

    first.server = await startServer({ port: first.server.port, dataDir: first.server.dataDir });
    await secondPage.evaluate(() => dispatchEvent(new Event('online')));
    await expect
      .poll(async () => (await endpointVisitsToday(first.server, SITE, first.admin)) ?? -1, {
        timeout: 60_000,
      })
      .toBe(5);
    // The coordinator's view of the site's tablets: each has told the endpoint how it is.
    const sites = (await (
      await fetch(`${first.server.url}/api/v1/admin/sites`, {
        headers: { Authorization: `Bearer ${first.admin}` },
      })
    ).json()) as {
      sites: Array<{
        slug: string;
        devices: Array<{ health: { appVersion: string; unsavedTaps: number } | null }>;
      }>;
    };
    const devices = sites.sites.find((site) => site.slug === SITE)!.devices;
    expect(devices).toHaveLength(2);
    for (const device of devices) {
      expect(device.health).toMatchObject({ appVersion: expect.any(String), unsavedTaps: 0 });
    }
  });
});
