// Chromium that a test may kill: spawned here (so its pid is known) on a persistent profile,
// and driven over CDP; and opening the door, through a fresh tablet's set-up where needed.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, requireChromium } from './browser.ts';
import { setUpStaffPins } from './staff.ts';

export interface KillableBrowser {
  pid: number;
  browser: Browser;
  context: BrowserContext;
  /** SIGKILL of the browser process, as a crash or a power button would do; waits for exit. */
  kill(): Promise<void>;
  /** Quits the browser as a person would (the profile is flushed); waits for exit. */
  close(): Promise<void>;
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
    async close() {
      const session = await browser.newBrowserCDPSession();
      await session.send('Browser.close').catch(() => undefined);
      await exited;
    },
  };
}

/** Opens the door on a page, walking a fresh tablet through its set-up first. */
export async function openDoor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await setUpStaffPins(page);
}
