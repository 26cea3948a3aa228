/**
 * Upload throughput: one day of 24 keys, POSTed by 10 keep-alive connections for a fixed time,
 * to the real app on SQLite and to a bare Hono handler, each in its own process on 127.0.0.1.
 * Every upload raises the counts (grow-only), so each one is a real merge.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { ROOT } from './app-server.ts';
import { diskTempDir } from './disk-dir.ts';
import type { EndpointReady } from './endpoint-server.ts';

export const CONNECTIONS = 10;

function uploadBody(ready: EndpointReady, replica: string, round: number): string {
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
  return JSON.stringify({
    protocol: 1,
    site: ready.site,
    device: ready.device,
    replica,
    sentAt: new Date().toISOString(),
    app: 'terskel/bench',
    days: [{ date: '2026-11-26', counts }],
  });
}

function post(agent: Agent, ready: EndpointReady, body: string): Promise<number> {
  return new Promise((done, fail) => {
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port: ready.port,
        method: 'POST',
        path: '/api/v1/counts',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Authorization: `Bearer ${ready.token}`,
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
}

/** 10 connections posting back to back: `warmupMs` unrecorded, then `durationMs` recorded. */
async function load(
  ready: EndpointReady,
  warmupMs: number,
  durationMs: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const replica = randomUUID();
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let round = 0;
  let failed = 0;
  const warmEnd = performance.now() + warmupMs;
  const end = warmEnd + durationMs;
  async function connection() {
    // Bounded by time, and by count in case the clock misbehaves.
    for (let sent = 0; sent < 1_000_000 && performance.now() < end; sent++) {
      round += 1;
      const body = uploadBody(ready, replica, round);
      const started = performance.now();
      try {
        const status = await post(agent, ready, body);
        if (started >= warmEnd) {
          latenciesMs.push(performance.now() - started);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status !== 200) failed += 1;
        }
      } catch {
        failed += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  agent.destroy();
  const completed = latenciesMs.length - failed;
  return {
    uploadsPerSecond: Math.round((completed / durationMs) * 1000),
    latenciesMs,
    completed,
    failed,
    statuses,
  };
}

export type ServerMode = 'app' | 'unflushed' | 'bare';

async function withServer<T>(mode: ServerMode, run: (ready: EndpointReady) => Promise<T>) {
  // BENCH_ENDPOINT_NODE_OPTIONS lets profile.ts add --cpu-prof to the app's server process
  // (only the app's: the bare handler's profile says nothing about the endpoint).
  const extra =
    mode === 'app'
      ? (process.env.BENCH_ENDPOINT_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])
      : [];
  const child = spawn(
    process.execPath,
    [...extra, '--import', 'tsx', 'test/bench/endpoint-server.ts', mode],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const ready = await new Promise<EndpointReady>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`${mode} endpoint did not start in 30 s`)),
        30_000,
      );
      child.once('message', (message) => {
        clearTimeout(timer);
        done(message as EndpointReady);
      });
      child.once('exit', (code) => fail(new Error(`${mode} endpoint exited (${code})`)));
    });
    return await run(ready);
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

function combine(rounds: readonly LoadResult[], durationMs: number): LoadResult {
  const completed = rounds.reduce((sum, round) => sum + round.completed, 0);
  const statuses: Record<string, number> = {};
  for (const round of rounds)
    for (const [status, count] of Object.entries(round.statuses))
      statuses[status] = (statuses[status] ?? 0) + count;
  return {
    uploadsPerSecond: Math.round((completed / durationMs) * 1000),
    latenciesMs: rounds.flatMap((round) => round.latenciesMs),
    completed,
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    statuses,
  };
}

/**
 * `durationMs` of recorded load for each server, in two alternating halves (bare, app,
 * unflushed, bare, app, unflushed) so a noisy moment of the machine falls on all; a fresh process
 * and store each time.
 */
export async function measureEndpoint(durationMs: number) {
  const modes: readonly ServerMode[] = ['bare', 'app', 'unflushed'];
  const rounds: Record<ServerMode, LoadResult[]> = { app: [], unflushed: [], bare: [] };
  for (const mode of [...modes, ...modes]) {
    rounds[mode].push(await withServer(mode, (ready) => load(ready, 1_000, durationMs / 2)));
  }
  return {
    app: combine(rounds.app, durationMs),
    unflushed: combine(rounds.unflushed, durationMs),
    bare: combine(rounds.bare, durationMs),
  };
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
