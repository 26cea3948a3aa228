/**
 * The endpoint process: reads its configuration from the environment, opens the store, serves
 * the app (API, dashboard, built PWA) on HOST:PORT, and on SIGTERM/SIGINT stops taking requests,
 * lets those in flight finish, and closes the store.
 */
import { createApp, listen, logJsonLine, proxiedAddress, trustedProxy } from './http/index.ts';
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
// All interfaces by default; behind a reverse proxy on this machine, HOST=127.0.0.1.
const host = env.HOST?.trim() || undefined;
const isProxy = trustedProxy(env.TRUST_PROXY);
const connectSources = (env.CSP_CONNECT_SRC ?? '').split(/\s+/).filter(Boolean);

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
  connectSources,
  publicUrl,
  // Behind a reverse proxy every request comes from the proxy; TRUST_PROXY names the proxy, and
  // its requests are known by the address it appended to X-Forwarded-For (per-address limits).
  ...(isProxy ? { clientAddress: proxiedAddress(isProxy) } : {}),
});

let server: Awaited<ReturnType<typeof listen>>;
try {
  server = await listen(app, { port, ...(host ? { host } : {}) });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${host ?? 'all interfaces'} port ${port}`;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use (${where}): stop what listens there, or set PORT to another port.`
      : code === 'EACCES'
        ? `Not allowed to listen on ${where}: choose a PORT above 1023, or run with the right to bind it.`
        : `Could not listen on ${where}: ${error instanceof Error ? error.message : String(error)}`,
  );
  await store.close().catch(() => undefined);
  process.exit(1);
}
const address = server.address();
const listeningPort = typeof address === 'object' && address ? address.port : port;
const shownHost = host ? (host.includes(':') ? `[${host}]` : host) : 'localhost';
console.log(
  `Terskel endpoint listening on http://${shownHost}:${listeningPort} (public address ${publicUrl}), store: ${description}`,
);

// Readings roll up the site-days uploads changed; this keeps a site nobody reads from piling up
// marks (PostgreSQL keeps one a write), and the dashboard's next view quick.
const ROLL_UP_EVERY_MS = 60 * 60 * 1000;
setInterval(() => {
  store
    .rollUpMarked()
    .catch((error: unknown) =>
      log({ time: new Date().toISOString(), level: 'error', error: `roll-up: ${String(error)}` }),
    );
}, ROLL_UP_EVERY_MS).unref();

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
