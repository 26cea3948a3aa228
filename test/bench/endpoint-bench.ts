/**
 * Upload throughput: keep-alive connections, each a tablet with its own device, replica and secret,
 * POST one day of 24 keys (protocol version 2, with health, as tablets of this release send it)
 * back to back for a fixed time, to the real app on SQLite (durable, and with the flush off as
 * the baseline), on PostgreSQL (one process, or two behind the same database) and to a bare
 * Hono handler, each in its own processes on 127.0.0.1. Every upload raises its replica's counts
 * (grow-only), so each one is a real merge. Afterwards the servers are killed (SIGKILL) and the
 * site's totals are read by a store of the bench's own: they must hold every acknowledged upload.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { provisionDevice } from '../../src/server/cli/index.ts';
import {
  openPostgresStore,
  openSqliteStore,
  siteDays,
  type Store,
} from '../../src/server/store/index.ts';
import { ROOT } from './app-server.ts';
import { diskTempDir } from './disk-dir.ts';
import type { ServerReady, ServerSpec } from './endpoint-server.ts';

export const CONNECTIONS = 10;
export const SITE = 'bench-site';

/**
 * The PostgreSQL the benchmark uses: the throwaway cluster test/support/with-postgres.sh starts
 * (npm run bench runs the suite under it), or any database TEST_DATABASE_URL names (the
 * benchmark works in schemas of its own and drops them).
 */
export function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    throw new Error(
      'no PostgreSQL: run the benchmark with `npm run bench`, which starts a throwaway cluster ' +
        '(test/support/with-postgres.sh; it needs PostgreSQL installed: apt-get install postgresql), ' +
        'or set TEST_DATABASE_URL',
    );
  }
  return url;
}

/** The server's PostgreSQL settings that decide what a commit costs, and its version. */
export async function postgresSettings(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    const settings: Record<string, string> = {};
    for (const name of ['server_version', 'fsync', 'synchronous_commit', 'wal_sync_method']) {
      const result = await client.query<Record<string, string>>(`SHOW ${name}`);
      settings[name] = Object.values(result.rows[0] ?? {})[0] ?? '?';
    }
    return settings;
  } finally {
    await client.end();
  }
}

/** Which store a benchmark server keeps its data in. */
export type StoreKind = 'sqlite' | 'unflushed' | 'postgres' | 'bare';

/** A fresh store of one kind, made and removed by the bench's own process. */
export interface BenchStore {
  spec: ServerSpec;
  /** A connection of the bench's own (to provision, seed or read); close it after use. */
  open(): Promise<Store>;
  remove(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function newBenchStore(kind: StoreKind): Promise<BenchStore> {
  if (kind === 'postgres') {
    const url = postgresUrl();
    const schema = `terskel_bench_${randomUUID().replaceAll('-', '')}`;
    return {
      spec: { kind: 'postgres', url, schema },
      open: () => openPostgresStore({ connectionString: url, schema }),
      async remove() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  if (kind === 'bare') {
    return {
      spec: { kind: 'bare' },
      open: () => Promise.reject(new Error('the bare handler has no store')),
      remove: async () => undefined,
    };
  }
  // On a real disk: synchronous=FULL must pay for its fsyncs here too.
  const dataDir = diskTempDir('terskel-bench-sqlite-');
  return {
    spec: { kind: 'sqlite', dataDir, synchronous: kind === 'unflushed' ? 'OFF' : 'FULL' },
    // The bench's own connection commits without a flush: it provisions, seeds and reads, and
    // closes the store before anything could be lost.
    open: async () => openSqliteStore({ dataDir, synchronous: 'OFF' }),
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Endpoint processes serving one store, and how to stop them. */
interface Servers {
  ports: number[];
  /** Ends the processes: SIGKILL (no graceful close) unless a profiler needs SIGTERM. */
  stop(): Promise<void>;
}

export async function startServers(spec: ServerSpec, processes = 1): Promise<Servers> {
  // BENCH_ENDPOINT_NODE_OPTIONS lets profile.ts add --cpu-prof to the durable SQLite app's
  // process (only that one: the bare handler's profile says nothing about the endpoint).
  const profiled = spec.kind === 'sqlite' && spec.synchronous === 'FULL';
  const extra = profiled
    ? (process.env.BENCH_ENDPOINT_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])
    : [];
  const children: ChildProcess[] = [];
  const exits: Array<Promise<void>> = [];
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(extra.length > 0 ? 'SIGTERM' : 'SIGKILL');
      }
    }
    await Promise.all(exits);
  };
  try {
    const ports = await Promise.all(
      Array.from({ length: processes }, async () => {
        const child = spawn(
          process.execPath,
          [...extra, '--import', 'tsx', 'test/bench/endpoint-server.ts', JSON.stringify(spec)],
          { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
        );
        children.push(child);
        exits.push(new Promise<void>((done) => child.once('exit', () => done())));
        const ready = await new Promise<ServerReady>((done, fail) => {
          const timer = setTimeout(
            () => fail(new Error(`${spec.kind} endpoint did not start in 30 s`)),
            30_000,
          );
          child.once('message', (message) => {
            clearTimeout(timer);
            done(message as ServerReady);
          });
          child.once('exit', (code) => fail(new Error(`${spec.kind} endpoint exited (${code})`)));
        });
        return ready.port;
      }),
    );
    return { ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A paired tablet: its device id and token. */
interface Device {
  device: string;
  token: string;
}

/** What the load is sent with: the servers' ports, one device per connection, and the day. */
interface Target {
  ports: number[];
  devices: Device[];
  date: string;
}

/** One tablet's health, as version 2 sends it with every upload. */
const HEALTH = {
  appVersion: '0.2.0',
  installed: true,
  persisted: true,
  usageBytes: 1_843_200,
  quotaBytes: 2_147_483_648,
  unsavedTaps: 0,
  lastError: null,
};

/**
 * The upload of a tablet that has counted `round` rounds of the day: every key grows with the
 * round, and `kaffe` is exactly `round`, so the site's kaffe total is the sum of every
 * connection's acknowledged rounds.
 */
function uploadBody(
  date: string,
  tablet: Device & { replica: string; secret: string },
  round: number,
): string {
  const counts = [];
  for (let hour = 8; hour < 22; hour++)
    counts.push({ counter: 'visit', hour, inc: round + hour, dec: 0 });
  counts.push({ counter: 'visit', inc: 14 * round, dec: round >> 3 });
  counts.push({ counter: 'visit', option: 'first-time', inc: round, dec: 0 });
  counts.push({ counter: 'visit', option: 'returning', inc: 2 * round, dec: 0 });
  counts.push({ counter: 'middag', inc: round, dec: 0 });
  counts.push({ counter: 'brodmat', inc: round, dec: 0 });
  counts.push({ counter: 'hobbykveld', inc: round, dec: 0 });
  counts.push({ counter: 'bingo', inc: 2 * round, dec: 0, incNok: 20 * round, decNok: 0 });
  counts.push({
    counter: 'bingo',
    option: 'cash',
    inc: round,
    dec: 0,
    incNok: 10 * round,
    decNok: 0,
  });
  counts.push({
    counter: 'bingo',
    option: 'vipps',
    inc: round,
    dec: 0,
    incNok: 10 * round,
    decNok: 0,
  });
  counts.push({ counter: 'kaffe', inc: round, dec: 0 });
  if (counts.length !== 24) throw new Error(`expected 24 keys, built ${counts.length}`);
  const now = new Date().toISOString();
  return JSON.stringify({
    protocol: 2,
    site: SITE,
    device: tablet.device,
    replica: tablet.replica,
    secret: tablet.secret,
    sentAt: now,
    app: 'terskel/bench',
    health: { ...HEALTH, clock: now },
    days: [{ date, counts }],
  });
}

function post(agent: Agent, port: number, token: string, body: string): Promise<number> {
  return new Promise((done, fail) => {
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/counts',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Authorization: `Bearer ${token}`,
        },
      },
      (incoming) => {
        incoming.resume();
        incoming.once('end', () => done(incoming.statusCode ?? 0));
        incoming.once('error', fail);
      },
    );
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error('upload timed out')));
    outgoing.once('error', fail);
    outgoing.end(body);
  });
}

export interface LoadResult {
  uploadsPerSecond: number;
  latenciesMs: number[];
  completed: number;
  failed: number;
  statuses: Record<string, number>;
  /** Uploads answered 200 over the whole run, warm-up included: the kaffe the site must hold. */
  acknowledged: number;
  /** The site's kaffe total read after the servers were killed; null for the bare handler. */
  stored: number | null;
  /** Acknowledged kaffe the store did not hold (summed over rounds): must be 0. */
  lost: number;
}

/**
 * `connections` tablets posting back to back (spread over the servers' ports): `warmupMs`
 * unrecorded, then `durationMs` recorded. A tablet whose upload fails sends the same round again.
 */
async function load(
  target: Target,
  connections: number,
  warmupMs: number,
  durationMs: number,
): Promise<Omit<LoadResult, 'stored' | 'lost'>> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let failed = 0;
  let acknowledged = 0;
  const warmEnd = performance.now() + warmupMs;
  const end = warmEnd + durationMs;
  async function tablet(index: number) {
    const port = target.ports[index % target.ports.length]!;
    const own = {
      ...target.devices[index]!,
      replica: randomUUID(),
      secret: randomBytes(32).toString('base64url'),
    };
    let round = 0;
    // Bounded by time, and by count in case the clock misbehaves.
    for (let sent = 0; sent < 1_000_000 && performance.now() < end; sent++) {
      const body = uploadBody(target.date, own, round + 1);
      const started = performance.now();
      let status = 0;
      try {
        status = await post(agent, port, own.token, body);
      } catch {
        // counted below as a failure
      }
      if (status === 200) {
        round += 1;
        acknowledged += 1;
      }
      if (started >= warmEnd) {
        if (status !== 0) latenciesMs.push(performance.now() - started);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 200) failed += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, (_, index) => tablet(index)));
  agent.destroy();
  const completed = (statuses['200'] ?? 0) as number;
  return {
    uploadsPerSecond: Math.round((completed / durationMs) * 1000),
    latenciesMs,
    completed,
    failed,
    statuses,
    acknowledged,
  };
}

/** The site's whole-day kaffe total on `date`, as the endpoint's reading answers it. */
async function storedKaffe(store: BenchStore, date: string): Promise<number> {
  const reader = await store.open();
  try {
    const stored = await reader.readSiteDays(SITE, date, date);
    const day = siteDays(stored.counts, stored.closings)[0];
    const total = day?.totals.find(
      (row) => row.counter === 'kaffe' && row.option === undefined && row.hour === undefined,
    );
    return total?.net ?? 0;
  } finally {
    await reader.close();
  }
}

/** One configuration of the upload benchmark. */
export interface LoadConfig {
  kind: StoreKind;
  processes: number;
  connections: number;
}

/** A fresh store and processes, loaded, killed, and the store read back and removed. */
async function measureRound(
  config: LoadConfig,
  warmupMs: number,
  durationMs: number,
): Promise<LoadResult> {
  const store = await newBenchStore(config.kind);
  try {
    const date = new Date().toISOString().slice(0, 10);
    // One device per connection, as tablets are: each upload also writes its device's row
    // (last seen, health), and tablets do not share one.
    let devices: Device[] = Array.from({ length: config.connections }, () => ({
      device: '00000000-0000-4000-8000-000000000000',
      token: 'bare',
    }));
    if (config.kind !== 'bare') {
      const setup = await store.open();
      try {
        const now = new Date();
        await setup.addSite({ slug: SITE, name: 'Bench' }, now);
        devices = [];
        for (let i = 0; i < config.connections; i++) {
          const made = await provisionDevice(
            setup,
            { site: SITE, label: `bench ${i + 1}`, publicUrl: 'http://127.0.0.1' },
            now,
          );
          devices.push({ device: made.device.id, token: made.token });
        }
      } finally {
        await setup.close();
      }
    }
    const servers = await startServers(store.spec, config.processes);
    let result;
    try {
      result = await load(
        { ports: servers.ports, devices, date },
        config.connections,
        warmupMs,
        durationMs,
      );
    } finally {
      await servers.stop();
    }
    if (config.kind === 'bare') return { ...result, stored: null, lost: 0 };
    const stored = await storedKaffe(store, date);
    return { ...result, stored, lost: Math.max(0, result.acknowledged - stored) };
  } finally {
    await store.remove();
  }
}

function combine(rounds: readonly LoadResult[], durationMs: number): LoadResult {
  const sum = (pick: (round: LoadResult) => number) =>
    rounds.reduce((total, round) => total + pick(round), 0);
  const completed = sum((round) => round.completed);
  const statuses: Record<string, number> = {};
  for (const round of rounds)
    for (const [status, count] of Object.entries(round.statuses))
      statuses[status] = (statuses[status] ?? 0) + count;
  return {
    uploadsPerSecond: Math.round((completed / durationMs) * 1000),
    latenciesMs: rounds.flatMap((round) => round.latenciesMs),
    completed,
    failed: sum((round) => round.failed),
    statuses,
    acknowledged: sum((round) => round.acknowledged),
    stored: rounds.some((round) => round.stored === null)
      ? null
      : sum((round) => round.stored ?? 0),
    lost: sum((round) => round.lost),
  };
}

/**
 * `durationMs` of recorded load for each configuration, in two alternating halves (A, B, C, A,
 * B, C) so a noisy moment of the machine falls on all; a fresh store and processes each time,
 * after a 1 s warm-up.
 */
export async function measureLoads(
  configs: readonly LoadConfig[],
  durationMs: number,
): Promise<LoadResult[]> {
  const rounds: LoadResult[][] = configs.map(() => []);
  for (let half = 0; half < 2; half++) {
    for (const [i, config] of configs.entries()) {
      rounds[i]!.push(await measureRound(config, 1_000, durationMs / 2));
    }
  }
  return rounds.map((results) => combine(results, durationMs));
}

/** SQLite durable, SQLite with the flush off, and the bare handler, at CONNECTIONS. */
export async function measureEndpoint(durationMs: number) {
  const [bare, app, unflushed] = await measureLoads(
    (['bare', 'sqlite', 'unflushed'] as const).map((kind) => ({
      kind,
      processes: 1,
      connections: CONNECTIONS,
    })),
    durationMs,
  );
  return { app: app!, unflushed: unflushed!, bare: bare! };
}

/**
 * The disk's own flush, as the store pays it on every commit: a 12 KiB write (a batch of day
 * rows in the WAL) then `fdatasync`, `samples` times, in a file beside the benchmark's stores.
 */
export function measureDiskFlush(samples = 2_000): number[] {
  const dir = diskTempDir('terskel-bench-flush-');
  const fd = openSync(join(dir, 'flush'), 'w');
  const page = Buffer.alloc(12_288, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      writeSync(fd, page, 0, page.length, (i % 256) * page.length);
      const started = performance.now();
      fdatasyncSync(fd);
      times.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}
