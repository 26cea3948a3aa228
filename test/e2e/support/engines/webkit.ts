// WebKit for end-to-end tests: Debian's WebKitGTK (the iPad's engine family), driven over W3C
// WebDriver by WebKitWebDriver, in our own small browser (webkit-browser.py) so that IndexedDB
// and the service worker outlive a kill and relaunch on one profile. Needs an X display: the
// test command runs under xvfb-run; without DISPLAY one Xvfb is started here for the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../server.ts';
import { browserFrom, pageFunctionSource } from './page.ts';
import {
  DEFAULT_TIMEOUT_MS,
  type Engine,
  type EngineBrowser,
  type LaunchOptions,
  type PageFunction,
} from './types.ts';
import { WebDriverSession, waitForDriver } from './webdriver.ts';

const DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
// Debian's Python: python3-gi and the WebKit2 typelib live there, not in a pyenv Python.
const PYTHON = '/usr/bin/python3';
const BROWSER = fileURLToPath(new URL('./webkit-browser.py', import.meta.url));
const XVFB = '/usr/bin/Xvfb';

export function requireWebKit(): void {
  const missing = [DRIVER, PYTHON].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `WebKit is not installed (${missing.join(', ')} missing). Install it with ` +
        `'apt-get install webkit2gtk-driver python3-gi gir1.2-webkit2-4.1 xvfb' ` +
        `(the README's test command does this), or set WEBKIT_DRIVER_PATH.`,
    );
  }
}

let display: Promise<string> | undefined;

/** The X display WebKitGTK draws on: DISPLAY if set, else one Xvfb for this process's run. */
function xDisplay(): Promise<string> {
  const given = process.env.DISPLAY;
  if (given) return Promise.resolve(given);
  display ??= new Promise<string>((done, fail) => {
    if (!existsSync(XVFB)) {
      fail(new Error(`No DISPLAY and no ${XVFB}: install xvfb ('apt-get install xvfb')`));
      return;
    }
    // -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    const xvfb = spawn(
      XVFB,
      ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    process.once('exit', () => xvfb.kill('SIGKILL'));
    let written = '';
    xvfb.stdout?.on('data', (chunk: Buffer) => {
      written += chunk.toString();
      const number = /^(\d+)\n/.exec(written)?.[1];
      if (number !== undefined) done(`:${number}`);
    });
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited (${code}) before it had a display`)));
  });
  return display;
}

/** Every process below `pid` (the browser, its network and web processes), deepest last. */
function descendants(pid: number): number[] {
  const children = (parent: number): number[] => {
    try {
      return readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  const found: number[] = [];
  for (let queue = children(pid); queue.length > 0;) {
    const next = queue.shift()!;
    found.push(next);
    queue.push(...children(next));
  }
  return found;
}

/** Gone or a zombie (an orphan's zombie may wait on a PID 1 that never reaps it). */
function isGone(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function waitUntilGone(pids: number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pids.every(isGone)) {
    if (Date.now() > deadline) throw new Error(`Processes ${pids.join(', ')} did not exit`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

export interface WebKitProcess {
  session: WebDriverSession;
  /** SIGKILL of the browser and every process it started, then of the driver; waits for exit. */
  kill(): Promise<void>;
  /** Ends the session (the browser closes as it would on quit) and stops the driver. */
  close(): Promise<void>;
}

/** The browser reads an init script from a file (WebDriver classic has no such command). */
function initScriptArgs(source: string | undefined): string[] {
  if (source === undefined) return [];
  const file = join(mkdtempSync(join(tmpdir(), 'terskel-webkit-')), 'init.js');
  writeFileSync(file, source);
  return ['--init-script', file];
}

/** WebKitWebDriver on a free port, and a session in webkit-browser.py on this profile. */
export async function launchWebKitSession(
  profileDir: string,
  initScript?: string,
): Promise<WebKitProcess> {
  requireWebKit();
  const port = await freePort();
  const driver: ChildProcess = spawn(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: await xDisplay(), TZ: 'Europe/Oslo' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  driver.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  let session: WebDriverSession;
  try {
    await waitForDriver(base);
    session = await WebDriverSession.start(base, {
      'webkitgtk:browserOptions': {
        binary: PYTHON,
        // Any args replace the driver's own --automation: the script is always automated.
        args: [BROWSER, '--profile', profileDir, '--lang', 'nb-NO', ...initScriptArgs(initScript)],
      },
    });
  } catch (error) {
    driver.kill('SIGKILL');
    throw new Error(`WebKit did not start: ${String(error)}\n${output}`);
  }
  const driverPid = driver.pid ?? 0;
  const killAll = async () => {
    const browser = descendants(driverPid);
    for (const pid of browser) signal(pid);
    if (driver.exitCode === null) driver.kill('SIGKILL');
    await waitUntilGone([...browser, driverPid]);
  };
  return {
    session,
    kill: killAll,
    async close() {
      await session.end().catch(() => undefined);
      await killAll();
    },
  };
}

/**
 * Calls a page function in an async script and hands back its result or its error: WebDriver
 * would otherwise report a rejected promise only as a timeout.
 */
function asyncCall(fn: PageFunction<never, unknown> | string): string {
  return `const done = arguments[arguments.length - 1];
Promise.resolve()
  .then(() => (${pageFunctionSource(fn)})(arguments[0]))
  .then((value) => done({ value: value === undefined ? null : value }),
        (error) => done({ error: String((error && error.stack) || error) }));`;
}

async function launch(options: LaunchOptions): Promise<EngineBrowser> {
  const running = await launchWebKitSession(options.profileDir, options.initScript);
  const { session } = running;
  // The page's own waits are bounded by the test's; the driver's must not cut them short.
  await session.setScriptTimeout(2 * DEFAULT_TIMEOUT_MS);
  return browserFrom({
    engine: 'webkit',
    goto: (url) => session.navigate(url),
    reload: () => session.refresh(),
    url: () => session.url(),
    async evaluate<R, A>(fn: PageFunction<A, R> | string, arg?: A): Promise<R> {
      const answer = await session.executeAsync<{ value?: R; error?: string }>(asyncCall(fn), [
        arg === undefined ? null : arg,
      ]);
      if (answer.error !== undefined) throw new Error(`In the page: ${answer.error}`);
      return answer.value as R;
    },
    pointer: (x, y, holdMs) => session.pointer(x, y, holdMs),
    close: () => running.close(),
    kill: () => running.kill(),
  });
}

export const webkitEngine: Engine = {
  name: 'webkit',
  label: 'WebKitGTK',
  require: requireWebKit,
  launch,
};
