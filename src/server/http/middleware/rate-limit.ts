/**
 * Rate limiting as a middleware factory: fixed one-minute windows of requests per key (a token's
 * hash, an address), kept in this process's memory only, as PROTOCOL.md allows. Over the limit
 * it answers 429 with Retry-After itself. It stores no request content.
 */
import type { Context, Env, MiddlewareHandler } from 'hono';
import { fail } from '../answers.ts';

/** The outcome of one request against a limit. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts requests per key and minute. */
export interface RateLimiter {
  hit(key: string, perMinute: number): RateDecision;
}

const WINDOW_MS = 60_000;
// Above this many keys, expired windows are swept so a flood of addresses cannot grow memory.
const SWEEP_THRESHOLD = 10_000;

/** A limiter reading time from `clock`, so tests can step through windows. */
export function createRateLimiter(clock: () => Date): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, perMinute) {
      const now = clock().getTime();
      if (windows.size > SWEEP_THRESHOLD) {
        for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
      }
      let window = windows.get(key);
      if (!window || now - window.start >= WINDOW_MS) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= perMinute) return { ok: true };
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)),
      };
    },
  };
}

/** What `rateLimit` needs: its clock, which bucket a request counts against, and what to say. */
export interface RateLimitOptions<E extends Env> {
  clock: () => Date;
  /** The key a request counts against and that key's limit a minute. */
  bucket: (c: Context<E>) => { key: string; perMinute: number };
  /** The 429 answer's message. */
  message: string;
}

/** Counts each request against its bucket; over the limit, a 429 JSON error with Retry-After. */
export function rateLimit<E extends Env>(options: RateLimitOptions<E>): MiddlewareHandler<E> {
  const limiter = createRateLimiter(options.clock);
  return async (c, next) => {
    const { key, perMinute } = options.bucket(c);
    const decision = limiter.hit(key, perMinute);
    if (!decision.ok) {
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return fail(c, 429, 'rate-limited', options.message);
    }
    await next();
  };
}
