/**
 * A child process for the endpoint benchmarks, started with a ServerSpec as JSON in argv[2]:
 * `sqlite` serves the real endpoint app over a SQLite store the parent has made (a site and a
 * device provisioned), with `synchronous = FULL` or, as the baseline of the durable figure, `OFF`
 * (never a configuration: it acknowledges uploads a power cut would lose); `postgres` the same
 * app over a PostgreSQL schema the parent has made (several such processes may serve one
 * schema); `bare` a Hono handler that parses the same JSON and stores nothing. Rate limits are
 * lifted, so only the work counts. All on 127.0.0.1 via @hono/node-server; the port goes back to
 * the parent over IPC. The parent owns the data: it provisions before, and reads and removes
 * after, so a process killed at the end proves that what it acknowledged was stored.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/http/index.ts';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/server/store/index.ts';

/** What a benchmark server serves. */
export type ServerSpec =
  | { kind: 'sqlite'; dataDir: string; synchronous: 'FULL' | 'OFF' }
  | { kind: 'postgres'; url: string; schema: string }
  | { kind: 'bare' };

/** What the child tells its parent once it listens. */
export interface ServerReady {
  port: number;
}

async function appServer(store: Store) {
  // The app as main.ts builds it (its JSON request log goes to stdout, here /dev/null), with
  // the limits lifted: the benchmark measures the work, not the limiter's refusals.
  const app = createApp({
    store,
    limits: { tokenPerMinute: 1_000_000_000, addressPerMinute: 1_000_000_000 },
    distDir: join(tmpdir(), 'terskel-bench-no-dist'),
  });
  return { fetch: app.fetch, close: () => store.close() };
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
  return { fetch: app.fetch, close: async () => undefined };
}

const spec = JSON.parse(process.argv[2] ?? '{"kind":"bare"}') as ServerSpec;
const served =
  spec.kind === 'sqlite'
    ? await appServer(openSqliteStore({ dataDir: spec.dataDir, synchronous: spec.synchronous }))
    : spec.kind === 'postgres'
      ? await appServer(
          await openPostgresStore({ connectionString: spec.url, schema: spec.schema }),
        )
      : bareServer();
const server = serve({ fetch: served.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  const ready: ServerReady = { port: (info as AddressInfo).port };
  process.send?.(ready);
});
// A graceful stop (the CPU profiler needs one to write its profile); the benchmark itself ends
// a store's servers with SIGKILL.
process.on('SIGTERM', () =>
  server.close(() => {
    void served.close().finally(() => process.exit(0));
  }),
);
