// An update deployed mid-shift waits: never a reload while staff mode is open or the door is
// in use; once the door has been idle, the new version takes over.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from './support/browser.ts';
import { requireBuild } from './support/dist.ts';
import { waitForServiceWorker } from './support/door.ts';
import { openDoor } from './support/killable.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** The idle time before an update, shortened for the test (the app's default is 2 min). */
const IDLE_MS = 4000;

/** Deploys "build 2" into a served folder: a marked index.html, and a service worker that precaches it. */
function deploySecondBuild(dir: string): void {
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  writeFileSync(indexPath, html.replace('<head>', '<head><meta name="terskel-build" content="2">'));
  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const updated = sw.replace(
    /"revision":"[0-9a-f]+","url":"index.html"/,
    '"revision":"build-2","url":"index.html"',
  );
  if (updated === sw) throw new Error('index.html is not in the precache manifest of sw.js');
  writeFileSync(swPath, updated);
}

function build(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('meta[name="terskel-build"]')?.getAttribute('content') ?? null,
  );
}

describe('an update during a shift, in Chromium', () => {
  let served: string;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    served = mkdtempSync(join(tmpdir(), 'terskel-dist-'));
    cpSync(requireBuild(), served, { recursive: true });
    server = await startServer({ env: { DIST_DIR: served } });
    context = await launchPersistent(newProfileDir());
    await context.addInitScript(`window.__terskelIdleMs = ${IDLE_MS};`);
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('waits while staff mode is open and while the door is used, then applies when idle', async () => {
    await openDoor(page, server.url);
    await waitForServiceWorker(page);
    expect(await build(page)).toBe(null);
    let loads = 0;
    page.on('load', () => (loads += 1));

    deploySecondBuild(served);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting != null,
      undefined,
      { timeout: 30_000 },
    );

    // A volunteer in staff mode, for three idle periods: no reload.
    await page.evaluate(() => (location.hash = '#/staff'));
    await page.waitForTimeout(3 * IDLE_MS);
    expect(loads).toBe(0);

    // Back at the door, visitors keep touching it for two idle periods: still no reload.
    await page.evaluate(() => (location.hash = '#/'));
    const until = Date.now() + 2 * IDLE_MS;
    while (Date.now() < until) {
      await page.mouse.click(5, 400);
      await page.waitForTimeout(IDLE_MS / 4);
    }
    expect(loads).toBe(0);
    expect(await build(page)).toBe(null);

    // Nobody at the door: the new version takes over and the page shows it.
    await page.waitForFunction(
      () => document.querySelector('meta[name="terskel-build"]')?.getAttribute('content') === '2',
      undefined,
      { timeout: 6 * IDLE_MS, polling: 250 },
    );
    expect(loads).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting),
    ).toBeFalsy();
  });
});
