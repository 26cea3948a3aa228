/**
 * The endpoint as a Hono app built from its parts (store, clock, limits), so tests call
 * `app.request` with no socket. It owns PROTOCOL.md's HTTP surface: authentication first, every
 * error as JSON, grow-only merges; it never logs a token or a body. The routes live in routes/,
 * the cross-cutting steps in middleware/; this module puts them in order.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { publicUrlFrom } from '../provisioning.ts';
import { StoreUnavailableError, type Store } from '../store/index.ts';
import { fail, unauthorized } from './answers.ts';
import { verifyTokenIn } from './caller.ts';
import { DEFAULT_LIMITS, socketAddress, type HttpEnv, type Limits } from './context.ts';
import { bearerAuth } from './middleware/bearer-auth.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { logJsonLine, requestLog, type LogEntry } from './middleware/request-log.ts';
import { adminRoutes } from './routes/admin.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { configRoutes } from './routes/config.ts';
import { healthPairRoutes } from './routes/health-pair.ts';
import { readingRoutes } from './routes/readings.ts';
import { staticRoutes } from './routes/static.ts';
import { uploadRoutes } from './routes/uploads.ts';

/** The API paths a caller without a token may reach. */
const OPEN_API_PATHS = new Set(['/api/v1/health', '/api/v1/pair']);

/** What the app is built from. */
export interface AppOptions {
  store: Store;
  clock?: () => Date;
  limits?: Partial<Limits>;
  /** Origins allowed to call the API from another origin; none by default. */
  corsOrigins?: readonly string[];
  logger?: (entry: LogEntry) => void;
  /** The built PWA (default ./dist). */
  distDir?: string;
  /** Origins the app shell may connect to besides its own, https: and localhost (CSP). */
  connectSources?: readonly string[];
  /** The caller's address for per-address limits; by default the socket's peer. */
  clientAddress?: (c: Context) => string;
  /** The endpoint's address in provisioning links the admin API makes (PUBLIC_URL). */
  publicUrl?: string;
}

/** Builds the endpoint: API, dashboard and the PWA's static files. */
export function createApp(options: AppOptions): Hono<HttpEnv> {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.logger ?? logJsonLine;
  const clientAddress = options.clientAddress ?? socketAddress;
  // Without one (tests) links name the default local address, as the CLI's do.
  const publicUrl = (options.publicUrl ?? publicUrlFrom({})).replace(/\/+$/, '');
  const parts = { store, clock, limits, clientAddress, publicUrl };

  const app = new Hono<HttpEnv>();

  app.use('*', requestLog({ clock, log }));
  // No API answer (counts, tokens, a site's days) belongs in a browser's or a proxy's cache.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: [...options.corsOrigins],
        // PUT and the entity tags: a tablet on another origin publishes and asks for its
        // site's configuration (If-None-Match, ETag).
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
        exposeHeaders: ['Retry-After', 'Content-Disposition', 'ETag'],
        maxAge: 600,
      }),
    );
  }

  // Authentication comes first; the rate limit then counts per valid token, or per address
  // for everything else (no token, or a token that does not open anything).
  app.use('/api/*', bearerAuth({ verifyToken: verifyTokenIn(store) }));
  app.use(
    '/api/*',
    rateLimit<HttpEnv>({
      clock,
      bucket: (c) => {
        const auth = c.get('auth');
        return auth
          ? { key: `token:${auth.tokenHash}`, perMinute: limits.tokenPerMinute }
          : { key: `address:${clientAddress(c)}`, perMinute: limits.addressPerMinute };
      },
      message: 'Too many requests: wait and try again.',
    }),
  );

  // PROTOCOL.md: authentication comes first. Every API path but health and pairing answers 401
  // without a valid token, before any 404 or 405 could tell a stranger what exists.
  app.use('/api/*', async (c, next) => {
    if (!c.get('auth') && !OPEN_API_PATHS.has(c.req.path)) return unauthorized(c);
    await next();
  });

  app.route('/api/v1', uploadRoutes(parts));
  app.route('/api/v1', readingRoutes(parts));
  app.route('/api/v1', configRoutes(parts));
  app.route('/api/v1', healthPairRoutes(parts));
  app.route('/api/v1', adminRoutes(parts));
  app.all('/api/*', (c) => fail(c, 404, 'not-found', 'There is nothing at this path.'));

  app.route('/', dashboardRoutes({ distDir: options.distDir ?? './dist' }));
  app.route(
    '/',
    staticRoutes({
      distDir: options.distDir ?? './dist',
      connectSources: options.connectSources ?? [],
    }),
  );

  app.notFound((c) => fail(c, 404, 'not-found', 'There is nothing at this path.'));
  app.onError((error, c) => {
    if (error instanceof StoreUnavailableError) {
      log({ time: clock().toISOString(), level: 'error', path: c.req.path, error: error.message });
      c.header('Retry-After', '30');
      return fail(c, 503, 'unavailable', 'The database is not available: try again later.');
    }
    log({
      time: clock().toISOString(),
      level: 'error',
      path: c.req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return fail(c, 500, 'server-error', 'Something went wrong on the endpoint.');
  });

  return app;
}
