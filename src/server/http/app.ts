/**
 * The endpoint as a Hono app built from its parts (store, clock, limits), so tests call
 * `app.request` with no socket. It owns PROTOCOL.md's HTTP surface: authentication first, every
 * error as JSON, grow-only merges; it never logs a token or a body.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import {
  MAX_BODY_BYTES,
  MAX_READ_DAYS,
  pairRequestSchema,
  type ErrorCode,
} from '../../shared/protocol.ts';
import { isoDateSchema } from '../../shared/slug.ts';
import { DASHBOARD_CSS, DASHBOARD_HTML, DASHBOARD_JS } from './dashboard.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { readBody } from './request-body.ts';
import { siteDays, siteDaysCsv } from '../store/index.ts';
import { createStaticFiles } from './static-files.ts';
import { StoreUnavailableError, type DeviceRecord, type Store } from '../store/index.ts';
import {
  hashesEqual,
  hashPairingCode,
  hashToken,
  normalizePairingCode,
  unsealToken,
} from '../tokens.ts';
import { parseUpload } from './upload-check.ts';
import { validationIssues, type ValidationIssue } from './validation-issues.ts';

/** Request limits; tests raise them to reach validation with many requests. */
export interface Limits {
  /** Requests a minute from one valid token. */
  tokenPerMinute: number;
  /** Requests a minute from one address without a valid token. */
  addressPerMinute: number;
  /** Pairing attempts a minute from one address. */
  pairPerMinute: number;
  /** Largest request body in bytes. */
  maxBodyBytes: number;
}

/** PROTOCOL.md's limits. */
export const DEFAULT_LIMITS: Limits = {
  tokenPerMinute: 120,
  addressPerMinute: 60,
  pairPerMinute: 10,
  maxBodyBytes: MAX_BODY_BYTES,
};

/** One structured log line (a request, or a failure), never with a token or a body. */
export type LogEntry = Record<string, unknown>;

/** The default logger: each entry as one JSON line on stdout. */
export function logJsonLine(entry: LogEntry): void {
  // Straight to the stream: console.log's formatting machinery cost as much as the write.
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}

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
  /** The caller's address for per-address limits; by default the socket's peer. */
  clientAddress?: (c: Context) => string;
}

type Auth = { kind: 'device'; device: DeviceRecord } | { kind: 'admin' };
type Env = { Variables: { auth: Auth | undefined } };

/** An error answer as PROTOCOL.md shapes it. */
export function errorBody(error: ErrorCode, message: string, issues?: ValidationIssue[]) {
  return { ok: false as const, error, message, ...(issues ? { issues } : {}) };
}

function fail(
  c: Context,
  status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 503,
  error: ErrorCode,
  message: string,
  issues?: ValidationIssue[],
): Response {
  return c.json(errorBody(error, message, issues), status);
}

const invalid = (c: Context, message: string, issues?: ValidationIssue[]) =>
  fail(c, 400, 'invalid', message, issues);
const unauthorized = (c: Context) =>
  fail(c, 401, 'unauthorized', 'A valid token is needed: pair this tablet again.');
const forbidden = (c: Context) =>
  fail(c, 403, 'forbidden', 'This token is not for this site or device.');

/** The default caller address: the socket's peer when served by @hono/node-server. */
function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function isJson(c: Context): boolean {
  const type = c.req.header('content-type');
  return type !== undefined && type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

// One fatal decoder for every body: invalid UTF-8 is a 400, never replaced silently.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads at most `limit` bytes (the declared length is checked before reading) as JSON. */
async function readJson(c: Context, limit: number): Promise<BodyResult> {
  if (!isJson(c)) {
    return {
      ok: false,
      response: fail(c, 415, 'unsupported-media-type', 'Send the body as application/json.'),
    };
  }
  const tooLarge = () => ({
    ok: false as const,
    response: fail(c, 413, 'too-large', `The body is over ${limit} bytes: send fewer days.`),
  });
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > limit) return tooLarge();
  const body = await readBody(c, limit);
  if (!body.ok) return tooLarge();
  try {
    return { ok: true, value: JSON.parse(utf8.decode(body.bytes)) };
  } catch {
    return { ok: false, response: invalid(c, 'The body is not valid UTF-8 JSON.') };
  }
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

const rangeSchema = z.object({ from: isoDateSchema, to: isoDateSchema });

/** Builds the endpoint: API, dashboard and the PWA's static files. */
export function createApp(options: AppOptions): Hono<Env> {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.logger ?? logJsonLine;
  const clientAddress = options.clientAddress ?? socketAddress;
  const rateLimiter = createRateLimiter(clock);
  const staticFiles = createStaticFiles(options.distDir ?? './dist');

  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: no query string, no headers, no body, so no token can reach a log.
    log({
      time: clock().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: [...options.corsOrigins],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type'],
        exposeHeaders: ['Retry-After', 'Content-Disposition'],
        maxAge: 600,
      }),
    );
  }

  // Authentication comes first; the rate limit then counts per valid token, or per address
  // for everything else (no token, or a token that does not open anything).
  app.use('/api/*', async (c, next) => {
    const token = bearerToken(c);
    const tokenHash = token === undefined ? undefined : hashToken(token);
    const auth = tokenHash === undefined ? undefined : await authenticate(tokenHash);
    const bucket = auth ? `token:${tokenHash}` : `address:${clientAddress(c)}`;
    const perMinute = auth ? limits.tokenPerMinute : limits.addressPerMinute;
    const decision = rateLimiter.hit(bucket, perMinute);
    if (!decision.ok) {
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return fail(c, 429, 'rate-limited', 'Too many requests: wait and try again.');
    }
    c.set('auth', auth);
    await next();
  });

  async function authenticate(presented: string): Promise<Auth | undefined> {
    const device = await store.findDeviceByTokenHash(presented);
    if (device && hashesEqual(presented, device.tokenHash)) {
      return device.device.revokedAt === null
        ? { kind: 'device', device: device.device }
        : undefined;
    }
    const admin = await store.findAdminTokenHash(presented);
    if (admin !== undefined && hashesEqual(presented, admin)) return { kind: 'admin' };
    return undefined;
  }

  /** A path's allowed methods: anything else on it is a 405, not a 404. */
  function only(path: string, methods: string[]) {
    app.all(path, (c) => {
      c.header('Allow', methods.join(', '));
      return fail(c, 405, 'method-not-allowed', `Use ${methods.join(' or ')} on this path.`);
    });
  }

  app.post('/api/v1/counts', async (c) => {
    const auth = c.get('auth');
    if (!auth) return unauthorized(c);
    if (auth.kind !== 'device') return forbidden(c);
    const body = await readJson(c, limits.maxBodyBytes);
    if (!body.ok) return body.response;
    const parsed = parseUpload(body.value);
    if (!parsed.success) {
      return invalid(c, 'The upload does not match protocol 1.', validationIssues(parsed.error));
    }
    const upload = parsed.data;
    if (upload.site !== auth.device.site || upload.device !== auth.device.id) return forbidden(c);
    const now = clock();
    const merged = await store.mergeUpload(upload, auth.device.id, now);
    return c.json({ ok: true, serverTime: now.toISOString(), days: merged.days });
  });
  only('/api/v1/counts', ['POST']);

  /** The site a reader may read, or the error answer (401, 403, 404). */
  async function readableSite(c: Context<Env>): Promise<Response | undefined> {
    const auth = c.get('auth');
    const site = c.req.param('site') ?? '';
    if (!auth) return unauthorized(c);
    if (auth.kind === 'device') return auth.device.site === site ? undefined : forbidden(c);
    if (!(await store.getSite(site))) return fail(c, 404, 'not-found', 'There is no such site.');
    return undefined;
  }

  async function readDays(c: Context<Env>) {
    const denied = await readableSite(c);
    if (denied) return { response: denied };
    const range = rangeSchema.safeParse({ from: c.req.query('from'), to: c.req.query('to') });
    if (!range.success) {
      return {
        response: invalid(
          c,
          'Give from and to as YYYY-MM-DD.',
          validationIssues(range.error).map((issue) => ({
            ...issue,
            message: `${issue.message} (YYYY-MM-DD)`,
          })),
        ),
      };
    }
    const { from, to } = range.data;
    const span = dayNumber(to) - dayNumber(from) + 1;
    if (span < 1) {
      return {
        response: invalid(c, 'to is before from.', [
          { path: 'to', message: 'must not be before from' },
        ]),
      };
    }
    if (span > MAX_READ_DAYS) {
      return {
        response: invalid(c, `Ask for at most ${MAX_READ_DAYS} days at a time.`, [
          { path: 'to', message: `at most ${MAX_READ_DAYS} days after from, inclusive` },
        ]),
      };
    }
    const site = c.req.param('site')!;
    const stored = await store.readSiteDays(site, from, to);
    return { site, from, to, days: siteDays(stored.counts, stored.closings) };
  }

  app.get('/api/v1/sites/:site/days', async (c) => {
    const result = await readDays(c);
    if ('response' in result) return result.response;
    return c.json(result);
  });
  only('/api/v1/sites/:site/days', ['GET']);

  app.get('/api/v1/sites/:site/days.csv', async (c) => {
    const result = await readDays(c);
    if ('response' in result) return result.response;
    return c.body(siteDaysCsv(result.days), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="terskel-${result.site}-${result.from}-${result.to}.csv"`,
      'Cache-Control': 'no-store',
    });
  });
  only('/api/v1/sites/:site/days.csv', ['GET']);

  app.post('/api/v1/pair', async (c) => {
    const attempt = rateLimiter.hit(`pair:${clientAddress(c)}`, limits.pairPerMinute);
    if (!attempt.ok) {
      c.header('Retry-After', String(attempt.retryAfterSeconds));
      return fail(c, 429, 'rate-limited', 'Too many pairing attempts: wait a minute.');
    }
    const body = await readJson(c, limits.maxBodyBytes);
    if (!body.ok) return body.response;
    const parsed = pairRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      return invalid(c, 'Send {"code": "XXXXX-XXXXX"}.', validationIssues(parsed.error));
    }
    const notFound = () =>
      fail(c, 404, 'not-found', 'This pairing code is unknown, used or expired.');
    const code = normalizePairingCode(parsed.data.code);
    if (code === undefined) return notFound();
    const redeemed = await store.redeemPairingCode(hashPairingCode(code), clock());
    if (!redeemed) return notFound();
    const token = unsealToken(redeemed.sealedToken, code);
    if (token === undefined) return notFound();
    return c.json({ ok: true, site: redeemed.site, device: redeemed.deviceId, token });
  });
  only('/api/v1/pair', ['POST']);

  app.get('/api/v1/health', (c) => c.json({ ok: true }));
  only('/api/v1/health', ['GET']);

  app.get('/api/v1/admin/sites', async (c) => {
    const auth = c.get('auth');
    if (!auth) return unauthorized(c);
    if (auth.kind !== 'admin') return forbidden(c);
    const [sites, devices] = await Promise.all([store.listSites(), store.listDevices()]);
    return c.json({
      ok: true,
      sites: sites.map((site) => ({
        ...site,
        devices: devices
          .filter((device) => device.site === site.slug)
          .map(({ site: _site, ...device }) => device),
      })),
    });
  });
  only('/api/v1/admin/sites', ['GET']);

  app.all('/api/*', (c) => fail(c, 404, 'not-found', 'There is nothing at this path.'));

  const dashboardHeaders = {
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy':
      "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  };
  app.get('/dashboard', (c) =>
    c.body(DASHBOARD_HTML, 200, {
      ...dashboardHeaders,
      'Content-Type': 'text/html; charset=utf-8',
    }),
  );
  app.get('/dashboard/app.js', (c) =>
    c.body(DASHBOARD_JS, 200, {
      ...dashboardHeaders,
      'Content-Type': 'text/javascript; charset=utf-8',
    }),
  );
  app.get('/dashboard/style.css', (c) =>
    c.body(DASHBOARD_CSS, 200, { ...dashboardHeaders, 'Content-Type': 'text/css; charset=utf-8' }),
  );

  app.get('*', async (c) => {
    const answer = await staticFiles.answer(c.req.raw);
    if (answer.kind === 'file') return answer.response;
    if (answer.reason === 'not-built') {
      return fail(c, 404, 'not-found', 'The app is not built here: run npm run build.');
    }
    return fail(c, 404, 'not-found', 'There is no such file.');
  });
  app.all('*', (c) => {
    c.header('Allow', 'GET, HEAD');
    return fail(c, 405, 'method-not-allowed', 'Only GET and HEAD are served here.');
  });

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
