// An update deployed mid-shift waits: never a reload while staff mode is open or the door is
// in use; once the door has been idle, the new version takes over. In every engine.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from './support/dist.ts';
import { ENGINE_CASES } from './support/engines/index.ts';
import { openDoor } from './support/engines/flows.ts';
import {
  closeEngineTablet,
  openEngineTablet,
  type EngineTablet,
} from './support/engines/tablet.ts';
import type { EngineBrowser } from './support/engines/types.ts';

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

function build(page: EngineBrowser): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('meta[name="terskel-build"]')?.getAttribute('content') ?? null,
  );
}

/** Marks the document, so a later look tells whether the page was loaded again since. */
function markDocument(page: EngineBrowser): Promise<void> {
  return page.evaluate(() => {
    (window as unknown as { sameDocument?: boolean }).sameDocument = true;
  });
}

function sameDocument(page: EngineBrowser): Promise<boolean> {
  return page.evaluate(
    () => (window as unknown as { sameDocument?: boolean }).sameDocument === true,
  );
}

describe.each(ENGINE_CASES)('an update during a shift, in %s', (_label, engine) => {
  let served: string;
  let tablet: EngineTablet;

  beforeAll(async () => {
    served = mkdtempSync(join(tmpdir(), 'terskel-dist-'));
    cpSync(requireBuild(), served, { recursive: true });
    tablet = await openEngineTablet(engine, {
      initScript: `window.__terskelIdleMs = ${IDLE_MS};`,
      server: { env: { DIST_DIR: served } },
    });
  });

  afterAll(() => closeEngineTablet(tablet));

  it('waits while staff mode is open and while the door is used, then applies when idle', async () => {
    const { browser: page, server } = tablet;
    await openDoor(page, server.url);
    await page.waitForServiceWorker();
    expect(await build(page)).toBe(null);
    await markDocument(page);

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
    await page.evaluate(() => {
      location.hash = '#/staff';
    });
    await new Promise((done) => setTimeout(done, 3 * IDLE_MS));
    expect(await sameDocument(page)).toBe(true);

    // Back at the door (the volunteer's touch leaves staff mode), visitors keep touching it for
    // two idle periods: still no reload. Without that touch the update's idle check could run
    // between the hash change and the first visitor's touch and rightly find nobody there.
    await page.pointer(5, 400);
    await page.evaluate(() => {
      location.hash = '#/';
    });
    const until = Date.now() + 2 * IDLE_MS;
    while (Date.now() < until) {
      await page.pointer(5, 400);
      await new Promise((done) => setTimeout(done, IDLE_MS / 4));
    }
    expect(await sameDocument(page)).toBe(true);
    expect(await build(page)).toBe(null);

    // Nobody at the door: the new version takes over and the page shows it.
    await page.waitForFunction(
      () => document.querySelector('meta[name="terskel-build"]')?.getAttribute('content') === '2',
      undefined,
      { timeout: 6 * IDLE_MS },
    );
    expect(await sameDocument(page)).toBe(false);
    await page.waitFor({ role: 'button', name: 'Sjekk inn' });
    expect(
      await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting != null,
      ),
    ).toBe(false);
  });
});
