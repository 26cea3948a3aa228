// The endpoint killed in the middle of an upload and started again: the tablet retries and
// the totals come out exact — nothing acknowledged is lost, nothing is counted twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { closeTablet, openTabletWithSite } from './support/tablet.ts';
import { openDoor } from './support/killable.ts';
import { endpointVisitsToday, runCli, startServer, type RunningServer } from './support/server.ts';
import { acceptProvisioningLink } from './support/staff-mode.ts';
import { visitors } from './support/visitors.ts';

describe('the endpoint killed mid-upload, in Chromium', () => {
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

  it('kill during an upload, restart: the totals are exact', async () => {
    await openDoor(page, server.url);
    const device = JSON.parse(await runCli(['device', 'add', '--site', 'alta', '--json'], cli)) as {
      link: string;
    };
    await acceptProvisioningLink(page, device.link, 'alta');
    await expect.poll(endpointVisits, { timeout: 30_000 }).toBe(0);

    // Kill the server the moment the tablet's next upload leaves the page.
    const uploading = new Promise<void>((done) =>
      page.on('request', (request) => {
        if (request.url().endsWith('/api/v1/counts') && request.method() === 'POST') done();
      }),
    );
    expect(await visitors(page, 120)).toBe(0);
    await uploading;
    await server.kill();
    expect(await visitors(page, 30)).toBe(0);

    server = await startServer({ port: server.port, dataDir: server.dataDir });
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(endpointVisits, { timeout: 60_000 }).toBe(150);
  });
});
