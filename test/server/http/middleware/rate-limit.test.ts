import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimit } from '../../../../src/server/http/middleware/rate-limit.ts';
import { errorAnswerSchema } from '../../../../src/shared/protocol.ts';
import { steppingClock } from '../../harness.ts';

describe('rate limiter', () => {
  it('allows a number of requests per key and minute, then says how long to wait', () => {
    const clock = steppingClock();
    const limiter = createRateLimiter(clock.now);
    expect(limiter.hit('a', 2)).toEqual({ ok: true });
    expect(limiter.hit('a', 2)).toEqual({ ok: true });
    expect(limiter.hit('a', 2)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(limiter.hit('b', 2)).toEqual({ ok: true });
    clock.advance(59_500);
    expect(limiter.hit('a', 2)).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(limiter.hit('a', 2)).toEqual({ ok: true });
  });

  it('forgets old windows when many keys pile up', () => {
    const clock = steppingClock();
    const limiter = createRateLimiter(clock.now);
    for (let i = 0; i < 10_001; i++) limiter.hit(`address-${i}`, 1);
    clock.advance(60_000);
    limiter.hit('fresh', 1);
    expect(limiter.hit('address-0', 1)).toEqual({ ok: true });
  });
});

describe('rateLimit middleware', () => {
  /** A tiny app: one route behind the limiter, keyed by the X-Key header, 2 a minute. */
  function limitedApp() {
    const clock = steppingClock();
    const keys: string[] = [];
    const app = new Hono();
    app.use(
      '*',
      rateLimit({
        clock: clock.now,
        bucket: (c) => {
          const key = c.req.header('x-key') ?? 'nobody';
          keys.push(key);
          return { key, perMinute: 2 };
        },
        message: 'Slow down.',
      }),
    );
    app.get('/', (c) => c.text('through'));
    const get = (key: string) => app.request('/', { headers: { 'X-Key': key } });
    return { app, clock, keys, get };
  }

  it("lets a bucket's requests through up to its limit a minute", async () => {
    const { get, keys } = limitedApp();
    const first = await get('a');
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('through');
    expect((await get('a')).status).toBe(200);
    expect(keys).toEqual(['a', 'a']);
  });

  it('answers the next with 429, a JSON error and Retry-After, without reaching the route', async () => {
    const { get } = limitedApp();
    await get('a');
    await get('a');
    const limited = await get('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    const body = errorAnswerSchema.parse(await limited.json());
    expect(body).toEqual({ ok: false, error: 'rate-limited', message: 'Slow down.' });
  });

  it('counts each bucket on its own and opens again when the minute is over', async () => {
    const { get, clock } = limitedApp();
    await get('a');
    await get('a');
    expect((await get('a')).status).toBe(429);
    expect((await get('b')).status).toBe(200);
    clock.advance(59_000);
    const stillLimited = await get('a');
    expect(stillLimited.status).toBe(429);
    expect(stillLimited.headers.get('retry-after')).toBe('1');
    clock.advance(1_000);
    expect((await get('a')).status).toBe(200);
  });
});
