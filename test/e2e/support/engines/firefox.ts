// Firefox for end-to-end tests: Debian's firefox-esr, headless, on a persistent profile, driven
// over WebDriver BiDi (built into Firefox) with the `ws` client (Node 20 has no WebSocket).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { freePort } from '../server.ts';
import { browserFrom, pageFunctionSource, type AnyPageFunction } from './page.ts';
import type { Engine, EngineBrowser, EngineCore, LaunchOptions } from './types.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function requireFirefox(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox is not installed at ${FIREFOX}. Install it with 'apt-get install firefox-esr' ` +
        `(the README's test command does this), or set FIREFOX_PATH.`,
    );
  }
}

/**
 * A quiet, offline-friendly profile: no first-run pages, telemetry, updates or background
 * connections; no safe-mode prompt after repeated kills; Norwegian first. Service workers on
 * http://localhost need nothing: localhost is a secure context, so the app's own code decides.
 */
const USER_PREFS: Record<string, string | number | boolean> = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.tabs.warnOnClose': false,
  'toolkit.startup.max_resumed_crashes': -1,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'extensions.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'intl.accept_languages': 'nb-NO, nb, no',
  'intl.locale.requested': 'nb-NO',
};

function writeUserPrefs(profileDir: string): void {
  const lines = Object.entries(USER_PREFS).map(
    ([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`,
  );
  writeFileSync(join(profileDir, 'user.js'), `${lines.join('\n')}\n`);
}

interface BiDiAnswer {
  id?: number;
  type?: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
}

/** One WebDriver BiDi connection: numbered commands, each answered once. */
class BiDi {
  private next = 1;
  private readonly waiting = new Map<number, (answer: BiDiAnswer) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const answer = JSON.parse(data.toString()) as BiDiAnswer;
      if (answer.id === undefined) return;
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    socket.on('close', () => {
      for (const settle of this.waiting.values()) {
        settle({ type: 'error', error: 'closed', message: 'the browser went away' });
      }
      this.waiting.clear();
    });
  }

  static connect(url: string): Promise<BiDi> {
    return new Promise((done, fail) => {
      const socket = new WebSocket(url);
      socket.once('open', () => done(new BiDi(socket)));
      socket.once('error', fail);
    });
  }

  async send<R>(method: string, params: Record<string, unknown>): Promise<R> {
    const id = this.next++;
    const answer = await new Promise<BiDiAnswer>((done) => {
      this.waiting.set(id, done);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
    if (answer.type === 'error') {
      throw new Error(`BiDi ${method}: ${answer.error}: ${answer.message}`);
    }
    return answer.result as R;
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Starts firefox-esr on the profile and waits for its BiDi address on stderr. */
async function startFirefox(profileDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(
    FIREFOX,
    ['--headless', `--remote-debugging-port=${port}`, '--profile', profileDir, '--no-remote'],
    {
      // Its own process group, so a kill reaches the content processes too.
      detached: true,
      env: { ...process.env, TZ: 'Europe/Oslo', MOZ_CRASHREPORTER_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Firefox did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stderr?.on('data', read);
    child.stdout?.on('data', read);
    child.once('exit', (code) => fail(new Error(`Firefox exited (${code}):\n${output}`)));
  });
  return { child, url };
}

/** Success, an exception, or a value: what script.callFunction answers. */
interface ScriptResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

async function launch(options: LaunchOptions): Promise<EngineBrowser> {
  requireFirefox();
  writeUserPrefs(options.profileDir);
  const { child, url } = await startFirefox(options.profileDir);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const bidi = await BiDi.connect(`${url}/session`);
  await bidi.send('session.new', { capabilities: {} });
  const tree = await bidi.send<{ contexts: Array<{ context: string }> }>(
    'browsingContext.getTree',
    {},
  );
  const context = tree.contexts[0]?.context;
  if (context === undefined) throw new Error('Firefox has no browsing context');
  await bidi.send('browsingContext.setViewport', {
    context,
    viewport: { width: 1024, height: 768 },
  });
  if (options.initScript !== undefined) {
    await bidi.send('script.addPreloadScript', {
      functionDeclaration: `() => { ${options.initScript} }`,
    });
  }

  const killGroup = async () => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    bidi.close();
  };

  const core: EngineCore = {
    engine: 'firefox',
    async goto(address) {
      await bidi.send('browsingContext.navigate', { context, url: address, wait: 'complete' });
    },
    async reload() {
      await bidi.send('browsingContext.reload', { context, wait: 'complete' });
    },
    async url() {
      const now = await bidi.send<{ contexts: Array<{ url: string }> }>('browsingContext.getTree', {
        root: context,
      });
      return now.contexts[0]?.url ?? '';
    },
    async evaluate<R, A>(fn: AnyPageFunction, arg?: A): Promise<R> {
      // JSON both ways: the argument as a string, the result stringified in the page.
      const answer = await bidi.send<ScriptResult>('script.callFunction', {
        functionDeclaration: `async (json) => JSON.stringify(await (${pageFunctionSource(fn)})(json === undefined ? undefined : JSON.parse(json)))`,
        arguments: [
          arg === undefined
            ? { type: 'undefined' }
            : { type: 'string', value: JSON.stringify(arg) },
        ],
        target: { context },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (answer.type === 'exception') {
        throw new Error(`In the page: ${answer.exceptionDetails?.text ?? 'an exception'}`);
      }
      const value = answer.result?.value;
      return (typeof value === 'string' ? JSON.parse(value) : undefined) as R;
    },
    async pointer(x, y, holdMs = 0) {
      await bidi.send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: Math.round(x), y: Math.round(y) },
              { type: 'pointerDown', button: 0 },
              { type: 'pause', duration: holdMs },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await bidi.send('input.releaseActions', { context });
    },
    async close() {
      await bidi.send('browser.close', {}).catch(() => undefined);
      const gone = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((done) => setTimeout(() => done(false), 15_000)),
      ]);
      if (!gone) await killGroup();
      bidi.close();
    },
    kill: killGroup,
  };
  return browserFrom(core);
}

export const firefoxEngine: Engine = {
  name: 'firefox',
  label: 'Firefox ESR',
  require: requireFirefox,
  launch,
};
