// What only Chromium's own tools can check at the door (the engine-neutral door offline is
// door-offline.test.ts): installability over CDP, and taps on the HTML shell before and while
// the app's module starts, timed by init scripts in a second tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './support/server.ts';
import { closeTablet, openTablet } from './support/tablet.ts';
import { tallyNet, waitForServiceWorker } from './support/door.ts';
import { setUpStaffPins } from './support/staff.ts';

describe('the door shell and installability, in Chromium', () => {
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

  it('with the server stopped, the service worker serves the door', async () => {
    await server.stop();
    await page.reload();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
  });

  it("a tap on the HTML shell's button, before any module ran, is counted once, welcomed by the shell itself; the app's button is where the shell painted it", async () => {
    // The server is stopped: the service worker serves the app, as on a tablet offline.
    const before = await tallyNet(page, 'visit');
    const shellPage = await context.newPage();
    await shellPage.addInitScript(() => {
      // Runs before the page's scripts: as soon as the shell's button exists, note where it
      // is and tap it (a MutationObserver's callback runs before the module script).
      const seen = new MutationObserver(() => {
        const button = document.querySelector<HTMLButtonElement>('.shell .check-in-button');
        if (button === null) return;
        seen.disconnect();
        const box = button.getBoundingClientRect();
        (window as unknown as { shellBox: number[] }).shellBox = [box.x, box.y, box.width];
        button.click();
      });
      seen.observe(document, { childList: true, subtree: true });
      // Whether the first Velkommen was the shell's own (the app renders after it).
      const welcomed = new MutationObserver(() => {
        const statuses = [...document.querySelectorAll('[role="status"]')];
        if (!statuses.some((status) => status.textContent?.includes('Velkommen'))) return;
        welcomed.disconnect();
        (window as unknown as { welcomedOnShell: boolean }).welcomedOnShell =
          document.querySelector('.shell') !== null;
      });
      welcomed.observe(document, { childList: true, subtree: true, characterData: true });
    });
    await shellPage.goto(server.url);
    await shellPage.getByRole('status').filter({ hasText: 'Velkommen!' }).waitFor();
    const shellBox = await shellPage.evaluate(
      () => (window as unknown as { shellBox?: number[] }).shellBox,
    );
    expect(shellBox).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(
      await shellPage.evaluate(
        () => (window as unknown as { welcomedOnShell?: boolean }).welcomedOnShell,
      ),
    ).toBe(true);
    const skip = shellPage.getByRole('button', { name: 'Hopp over' });
    if (await skip.isVisible()) await skip.click();
    // Sjekk inn stays reachable while the questions are asked, above them: the click on "Hopp
    // over" may scroll the page. Its place is compared on the idle door, scrolled to the top.
    await shellPage
      .getByRole('status')
      .filter({ hasText: 'Velkommen!' })
      .waitFor({ state: 'hidden', timeout: 30_000 });
    await shellPage.evaluate(() => window.scrollTo(0, 0));
    const appButton = shellPage.getByRole('button', { name: 'Sjekk inn' });
    await appButton.waitFor({ timeout: 15_000 });
    const appBox = await appButton.boundingBox();
    expect([appBox?.x, appBox?.y, appBox?.width].map((n) => Math.round(n ?? NaN))).toEqual(
      shellBox?.map(Math.round),
    );
    expect(await tallyNet(shellPage, 'visit')).toBe(before + 1);
    await shellPage.close();
  });

  it("a tap on the shell after the app's module ran, before the app replaced the shell, is counted once", async () => {
    const before = await tallyNet(page, 'visit');
    const gapPage = await context.newPage();
    await gapPage.addInitScript(() => {
      // The app's module takes the shell's open connection as it starts (the property goes);
      // the app itself renders a frame later. Tap the shell in that frame.
      const watch = () => {
        const button = document.querySelector<HTMLButtonElement>('.shell .check-in-button');
        const moduleRan = button !== null && !('__terskelOpening' in window);
        if (!moduleRan) {
          requestAnimationFrame(watch);
          return;
        }
        (window as unknown as { tappedInGap: boolean }).tappedInGap = true;
        button.click();
      };
      requestAnimationFrame(watch);
    });
    await gapPage.goto(server.url);
    await gapPage.getByRole('status').filter({ hasText: 'Velkommen!' }).waitFor();
    expect(
      await gapPage.evaluate(() => (window as unknown as { tappedInGap?: boolean }).tappedInGap),
    ).toBe(true);
    expect(await tallyNet(gapPage, 'visit')).toBe(before + 1);
    await gapPage.close();
  });
});
