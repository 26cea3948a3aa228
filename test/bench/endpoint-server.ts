/**
 * A child process for the upload benchmark: `app` serves the real endpoint app over a fresh
 * SQLite store (a site and a device provisioned, rate limits lifted so only the work counts);
 * `unflushed` the same app over a store with `synchronous = OFF` (a diagnostic of what the
 * disk's flush costs, never a configuration: it acknowledges uploads a power cut would lose);
 * `bare` serves a Hono handler that parses the same JSON and stores nothing. All on 127.0.0.1
 * via @hono/node-server; the port and credentials go back to the parent over IPC.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/http/index.ts';
import { provisionDevice } from '../../src/server/cli/index.ts';
import { openSqliteStore, type SqliteStoreOptions } from '../../src/server/store/index.ts';
import { diskTempDir } from './disk-dir.ts';

export interface EndpointReady {
  port: number;
  site: string;
  device: string;
  token: string;
}

const SITE = 'bench-site';

const dataDirs: string[] = [];

/** A fresh data folder on a real disk: synchronous=FULL must pay for its fsyncs here too. */
function diskDataDir(): string {
  const dir = diskTempDir('terskel-bench-sqlite-');
  dataDirs.push(dir);
  return dir;
}

async function appServer(synchronous: SqliteStoreOptions['synchronous']) {
  const store = openSqliteStore({ dataDir: diskDataDir(), synchronous });
  const now = new Date();
  await store.addSite({ slug: SITE, name: 'Bench' }, now);
  const device = await provisionDevice(
    store,
    { site: SITE, label: 'bench', publicUrl: 'http://127.0.0.1' },
    now,
  );
  // The app as main.ts builds it (its JSON request log goes to stdout, here /dev/null), with
  // the per-token limit lifted: the benchmark measures the work, not the limiter's refusals.
  const app = createApp({
    store,
    limits: { tokenPerMinute: 1_000_000_000, addressPerMinute: 1_000_000_000 },
    distDir: join(tmpdir(), 'terskel-bench-no-dist'),
  });
  return { fetch: app.fetch, device: device.device.id, token: device.token };
}

function bareServer() {
  const app = new Hono();
  app.post('/api/v1/counts', async (c) => {
    const upload = (await c.req.json()) as { days: Array<{ date: string; counts: unknown[] }> };
    return c.json({
      ok: true,
      serverTime: new Date().toISOString(),
      days: upload.days.map((day) => ({ date: day.date, counts: day.counts.length })),
    });
  });
  return { fetch: app.fetch, device: '00000000-0000-4000-8000-000000000000', token: 'bare' };
}

const mode = process.argv[2];
const served =
  mode === 'app'
    ? await appServer('FULL')
    : mode === 'unflushed'
      ? await appServer('OFF')
      : bareServer();
const server = serve({ fetch: served.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  const ready: EndpointReady = {
    port: (info as AddressInfo).port,
    site: SITE,
    device: served.device,
    token: served.token,
  };
  process.send?.(ready);
});
process.on('SIGTERM', () =>
  server.close(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }),
);
