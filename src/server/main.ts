/**
 * The endpoint process: reads its configuration from the environment, opens the store, serves
 * the app (API, dashboard, built PWA) on PORT, and on SIGTERM/SIGINT stops taking requests,
 * lets those in flight finish, and closes the store.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp, logJsonLine, socketAddress } from './http/index.ts';
import { openStoreFromEnv } from './store/index.ts';
import { DEFAULT_PORT, publicUrlFrom } from './cli/index.ts';

const log = logJsonLine;
const env = process.env;

const port = Number(env.PORT?.trim() || DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${env.PORT}`);
  process.exit(2);
}
const corsOrigins = (env.CORS_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim().replace(/\/+$/, ''))
  .filter(Boolean);
const publicUrl = publicUrlFrom(env);
const distDir = env.DIST_DIR?.trim() || './dist';

let opened;
try {
  opened = await openStoreFromEnv(env, (error) =>
    log({
      time: new Date().toISOString(),
      level: 'error',
      error: `database pool: ${error.message}`,
    }),
  );
} catch (error) {
  console.error(
    `Could not open the store: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
const { store, description } = opened;

const app = createApp({
  store,
  corsOrigins,
  logger: log,
  distDir,
  // Behind a reverse proxy every request comes from the proxy; TRUST_PROXY=1 takes the
  // address the proxy appended to X-Forwarded-For instead, for the per-address limits.
  ...(env.TRUST_PROXY === '1'
    ? {
        clientAddress: (c) =>
          c.req.header('x-forwarded-for')?.split(',').pop()?.trim() || socketAddress(c),
      }
    : {}),
});

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(
    `Terskel endpoint listening on http://localhost:${info.port} (public address ${publicUrl}), store: ${description}`,
  );
}) as Server;
// A slow or stalled client must not hold a connection open for ever.
server.requestTimeout = 30_000;
server.headersTimeout = 15_000;
server.keepAliveTimeout = 5_000;

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log({ time: new Date().toISOString(), level: 'info', msg: `${signal}: draining` });
  // Requests in flight finish; idle keep-alive connections are closed so close() can complete.
  server.close(() => {
    store
      .close()
      .catch((error: unknown) => log({ level: 'error', error: String(error) }))
      .finally(() => process.exit(0));
  });
  server.closeIdleConnections();
  setTimeout(() => {
    log({ time: new Date().toISOString(), level: 'error', msg: 'drain timed out' });
    server.closeAllConnections();
    void store.close().finally(() => process.exit(1));
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
