import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './support/server.ts';
import { closeTablet, openTablet } from './support/tablet.ts';
import { checkInAtDoor, tallyNet, waitForServiceWorker } from './support/door.ts';
import { setUpStaffPins } from './support/staff.ts';

describe('the door offline, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
  });

  afterAll(() => closeTablet({ server, context }));

  it('is installable and controlled by its service worker', async () => {
    await page.goto(server.url);
    await setUpStaffPins(page);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    expect(installabilityErrors).toEqual([]);
  });

  it('with the server stopped: reload, 10 taps, reload again — exactly 10 visits stored', async () => {
    await server.stop();
    await page.reload();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
    for (let tap = 0; tap < 10; tap += 1) await checkInAtDoor(page);
    await page.reload();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
    expect(await tallyNet(page, 'visit')).toBe(10);
  });
});
