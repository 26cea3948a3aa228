/**
 * Fixed one-minute windows of requests per key (a token's hash, an address), kept in this
 * process's memory only, as PROTOCOL.md allows. It stores no request content.
 */

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
