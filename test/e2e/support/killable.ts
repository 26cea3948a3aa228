// Chromium that a test may kill: spawned here (so its pid is known) on a persistent profile,
// and driven over CDP. Also a fresh tablet's PINs written straight into settings, so the
// door shows without going through the PIN set-up screens.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { hashSecret, type StoredPins } from '../../../src/state/pins.ts';
import { CHROMIUM, CHROMIUM_FLAGS, requireChromium } from './browser.ts';

export interface KillableBrowser {
  pid: number;
  browser: Browser;
  context: BrowserContext;
  /** SIGKILL of the browser process, as a crash or a power button would do; waits for exit. */
  kill(): Promise<void>;
}

export async function launchKillable(profileDir: string): Promise<KillableBrowser> {
  requireChromium();
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      '--window-size=1024,768',
      '--lang=nb-NO',
      'about:blank',
    ],
    { env: { ...process.env, TZ: 'Europe/Oslo' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const endpoint = await new Promise<string>((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once('exit', () => fail(new Error(`Chromium exited:\n${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (context === undefined || child.pid === undefined) throw new Error('No default context');
  return {
    pid: child.pid,
    browser,
    context,
    async kill() {
      process.kill(child.pid ?? 0, 'SIGKILL');
      await exited;
    },
  };
}

let pins: Promise<StoredPins> | undefined;
/** PINs for the test tablet: volunteer 1234, lead 5678, hashed with few iterations. */
export function testPins(): Promise<StoredPins> {
  pins ??= Promise.all([
    hashSecret('1234', 1000),
    hashSecret('5678', 1000),
    hashSecret('ABCDEFGHJKMN', 1000),
  ]).then(([volunteer, lead, recovery]) => ({ schema: 1, volunteer, lead, recovery }));
  return pins;
}

/** Writes the PINs into the tablet's settings (idb-keyval) and reloads: the door shows. */
export async function skipPinSetup(page: Page): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('terskel-settings');
        open.onupgradeneeded = () => open.result.createObjectStore('settings');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').put(value, 'pins');
          tx.onerror = () => fail(tx.error);
          tx.oncomplete = () => {
            db.close();
            localStorage.setItem('terskel:staff-ready', '1');
            done();
          };
        };
      }),
    await testPins(),
  );
  await page.reload();
}

/** Opens the door on a page, setting the PINs first where the tablet asks for them. */
export async function openDoor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const door = page.getByRole('button', { name: 'Sjekk inn' });
  const ready = await door
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!ready) await skipPinSetup(page);
  await door.waitFor({ timeout: 15_000 });
}
