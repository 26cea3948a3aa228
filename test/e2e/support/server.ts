// The real endpoint (`src/server/main.ts`) as a child process: serves the built PWA and the API.
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { businessDayOf } from '../../../src/domain/business-day.ts';
import { norwegianDefaults } from '../../../src/domain/presets/defaults.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a pulled plug would: no drain. */
  kill(): Promise<void>;
}

export interface ServerOptions {
  port?: number;
  dataDir?: string;
  env?: Record<string, string>;
}

/** Starts `tsx src/server/main.ts` on a free port with its own DATA_DIR, and waits for health. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'terskel-data-'));
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      DATABASE_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output}`);
    try {
      const answer = await fetch(`${url}/api/v1/health`);
      if (answer.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer /api/v1/health within 30 s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    port,
    dataDir,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs the CLI (`npm run terskel -- …`) against a data folder and returns its stdout. */
export async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? done(out) : fail(new Error(`CLI ${args.join(' ')} failed (${code}): ${err}`)),
    );
  });
}

/**
 * The site's visits on the endpoint in the business day the tablet counts in now (Europe/Oslo,
 * the presets' cut-off: a visit at 01:00 belongs to the day before), over every tablet and
 * replica; undefined when the endpoint does not answer (stopped, or the token refused).
 */
export async function endpointVisitsToday(
  server: { url: string },
  site: string,
  token: string,
): Promise<number | undefined> {
  const { timeZone, cutoffHour } = norwegianDefaults();
  const today = businessDayOf(Date.now(), timeZone, cutoffHour);
  const answer = await fetch(`${server.url}/api/v1/sites/${site}/days?from=${today}&to=${today}`, {
    headers: { Authorization: `Bearer ${token}` },
  }).catch(() => undefined);
  if (!answer?.ok) return undefined;
  const read = (await answer.json()) as {
    days: Array<{
      date: string;
      totals: Array<{ counter: string; option?: string; hour?: number; net: number }>;
    }>;
  };
  return (read.days.find((day) => day.date === today)?.totals ?? [])
    .filter(
      (total) =>
        total.counter === 'visit' && total.option === undefined && total.hour === undefined,
    )
    .reduce((sum, total) => sum + total.net, 0);
}
