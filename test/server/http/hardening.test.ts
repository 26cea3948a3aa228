/**
 * The endpoint classes of the hardening issue, each through `app.request`: bounded validation,
 * closings from the future, sums past what JSON carries, control characters, growth limits,
 * and authentication before 404/405.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, proxiedAddress, trustedProxy } from '../../../src/server/http/index.ts';
import type { Store } from '../../../src/server/store/index.ts';
import {
  errorAnswerSchema,
  MAX_BODY_BYTES,
  MAX_CASH_NOK,
  MAX_REPLICAS_PER_SITE,
  MAX_TOTAL_COUNT,
  MAX_TOTAL_NOK,
  MAX_COUNT,
  MAX_COUNT_NOK,
  siteDaysAnswerSchema,
  storableDates,
} from '../../../src/shared/protocol.ts';
import {
  getDays,
  postCounts,
  PROTOCOL_EXAMPLE_DAY,
  seededEndpoint,
  SITE,
  tempSqliteStore,
  uploadBody,
} from '../harness.ts';

let store: Store;
let dispose: () => Promise<void>;
let endpoint: Awaited<ReturnType<typeof seededEndpoint>>;

beforeEach(async () => {
  ({ store, dispose } = tempSqliteStore());
  endpoint = await seededEndpoint(store, {
    limits: { tokenPerMinute: 100_000, maxReplicasPerSite: 3 },
  });
});
afterEach(async () => {
  await dispose();
});

const upload = (days: unknown[], extra: Record<string, unknown> = {}) => ({
  ...uploadBody(endpoint.tablet.device, randomUUID(), []),
  days,
  ...extra,
});

/** An answer as text and bytes, checked to be PROTOCOL.md's error JSON. */
async function errorAnswer(response: Response, status: number, error: string) {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  const body = JSON.parse(text) as { issues?: Array<{ path: string; message: string }> };
  expect(errorAnswerSchema.safeParse(body).success).toBe(true);
  expect(body).toMatchObject({ ok: false, error });
  return { body, bytes: Buffer.byteLength(text) };
}

const daysOf = (count: unknown) =>
  Array.from({ length: 62 }, (_, i) => ({
    date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    counts: Array.from({ length: 500 }, () => count),
  }));

describe('validation is bounded', () => {
  it('answers 62 days × 500 counts of {"x":1} with 400 and at most 20 issues, never a 500', async () => {
    const body = JSON.stringify(upload(daysOf({ x: 1 })));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const { body: answer, bytes } = await errorAnswer(
      await postCounts(endpoint.app, endpoint.tablet.token, body),
      400,
      'invalid',
    );
    expect(answer.issues!.length).toBe(20);
    expect(answer.issues!.slice(0, 4)).toEqual([
      { path: 'days.0.counts.0.counter', message: 'expected string' },
      { path: 'days.0.counts.0.inc', message: 'expected number' },
      { path: 'days.0.counts.0.dec', message: 'expected number' },
      { path: 'days.0.counts.0', message: 'unknown field: x' },
    ]);
    expect(bytes).toBeLessThan(8 * 1024);
    expect(endpoint.logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('answers 62 days × 500 empty counts with 20 issues, not 93,000', async () => {
    const { body: answer, bytes } = await errorAnswer(
      await postCounts(endpoint.app, endpoint.tablet.token, upload(daysOf({}))),
      400,
      'invalid',
    );
    expect(answer.issues).toHaveLength(20);
    expect(bytes).toBeLessThan(8 * 1024);
  });

  it('names an over-long array by its length, without looking into its elements', async () => {
    const { body: answer } = await errorAnswer(
      await postCounts(
        endpoint.app,
        endpoint.tablet.token,
        upload(Array.from({ length: 5000 }, () => 1)),
      ),
      400,
      'invalid',
    );
    expect(answer.issues).toEqual([{ path: 'days', message: 'must be at most 62 entries' }]);
  });

  it('keeps an answer under 8 KiB when the issues carry long hostile keys', async () => {
    const longKey = '\u001b"\\'.repeat(1000);
    const { body: answer, bytes } = await errorAnswer(
      await postCounts(
        endpoint.app,
        endpoint.tablet.token,
        upload(
          Array.from({ length: 20 }, () => ({ date: '2026-11-23', counts: [], [longKey]: 1 })),
        ),
      ),
      400,
      'invalid',
    );
    expect(answer.issues!.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(8 * 1024);
  });

  // Hostile bodies of at most 256 KiB: many days and counts of bad (and good) elements, long
  // keys, control characters, deep nesting, wrong types where arrays and objects belong.
  const element = fc.oneof(
    fc.constantFrom<unknown>(
      {},
      { x: 1 },
      { counter: 'visit', inc: 1, dec: 0 },
      { counter: 'visit', inc: -1, dec: 'a' },
      { counter: 'Visit', option: 7, hour: 99, inc: 2 ** 60, dec: null },
      null,
      [],
      'count',
    ),
    fc.string({ maxLength: 400 }).map((key) => ({ [key]: key })),
    fc
      .integer({ min: 1, max: 2000 })
      .map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
  );
  const hostileBody = fc
    .record({
      perDay: fc.integer({ min: 0, max: 600 }),
      days: fc.integer({ min: 0, max: 80 }),
      counts: fc.array(element, { minLength: 1, maxLength: 8 }),
      day: fc.constantFrom<unknown>('2026-11-23', '2026-13-01', 7, null),
      top: fc.dictionary(fc.string({ maxLength: 300 }), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 30,
      }),
    })
    .map(({ perDay, days, counts, day, top }) => {
      const body = { ...top, ...upload([]) };
      // Days are added while the body, measured as it grows, stays within 256 KiB.
      let room = MAX_BODY_BYTES - Buffer.byteLength(JSON.stringify(body));
      const sizes = counts.map((count) => Buffer.byteLength(JSON.stringify(count)) + 1);
      for (let i = 0; i < days && room > 0; i += 1) {
        const date =
          typeof day === 'string' && i > 0
            ? `2026-10-${String((i % 28) + 1).padStart(2, '0')}`
            : day;
        room -= 40;
        const dayCounts: unknown[] = [];
        for (let j = 0; j < perDay && room - sizes[j % counts.length]! > 0; j += 1) {
          dayCounts.push(counts[j % counts.length]);
          room -= sizes[j % counts.length]!;
        }
        body.days.push({ date, counts: dayCounts });
      }
      return JSON.stringify(body);
    })
    .filter((text) => Buffer.byteLength(text) <= MAX_BODY_BYTES);

  it('answers no body of at most 256 KiB with more than 20 issues or more than 8 KiB', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        const response = await postCounts(endpoint.app, endpoint.tablet.token, body);
        const text = await response.text();
        expect(response.status).toBeLessThan(500);
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(8 * 1024);
        const answer = JSON.parse(text) as { issues?: unknown[] };
        expect(answer.issues?.length ?? 0).toBeLessThanOrEqual(20);
      }),
      { numRuns: 60, seed: 16_2026, endOnFailure: true },
    );
  }, 120_000);
});

describe('closings by the endpoint clock', () => {
  // The harness's clock stands at 2026-11-23T16:05:00Z.
  const closedAt = (date: string, at: string) => [
    { date, counts: [{ counter: 'visit', inc: 1, dec: 0 }], closed: { at } },
  ];

  it('accepts a closing up to five minutes after the endpoint clock and late on its day', async () => {
    for (const [date, at] of [
      ['2026-11-23', '2026-11-23T16:10:00.000Z'],
      ['2026-11-22', '2026-11-23T01:30:00Z'],
      ['2026-11-23', '2026-11-22T10:00:00Z'],
    ] as const) {
      const response = await postCounts(
        endpoint.app,
        endpoint.tablet.token,
        upload(closedAt(date, at)),
      );
      expect(response.status, `${date} ${at}`).toBe(200);
    }
  });

  it('refuses a closing more than five minutes in the future, or before its day began', async () => {
    const future = await errorAnswer(
      await postCounts(
        endpoint.app,
        endpoint.tablet.token,
        upload(closedAt('2026-11-23', '2026-11-23T16:10:01.000Z')),
      ),
      400,
      'invalid',
    );
    expect(future.body.issues).toEqual([
      {
        path: 'days.0.closed.at',
        message: "must not be more than five minutes after the endpoint's clock",
      },
    ]);
    const before = await errorAnswer(
      await postCounts(
        endpoint.app,
        endpoint.tablet.token,
        upload(closedAt('2026-11-23', '2026-11-22T09:59:59Z')),
      ),
      400,
      'invalid',
    );
    expect(before.body.issues).toEqual([
      { path: 'days.0.closed.at', message: 'must not be before its day began' },
    ]);
    const far = upload(closedAt('2026-11-20', '9999-12-31T23:59:59Z'));
    await errorAnswer(await postCounts(endpoint.app, endpoint.tablet.token, far), 400, 'invalid');
    // Nothing of a refused upload was kept.
    expect((await store.readSiteDays(SITE, '2026-11-01', '2026-11-30')).closings).toEqual([]);
  });
});

describe('sums stay within what JSON carries safely', () => {
  it('bounds the largest sum the endpoint can answer far below 2^53', () => {
    expect(MAX_TOTAL_COUNT).toBe(MAX_COUNT * MAX_REPLICAS_PER_SITE);
    expect(MAX_TOTAL_NOK).toBeGreaterThanOrEqual(
      Math.max(MAX_COUNT_NOK, MAX_CASH_NOK) * MAX_REPLICAS_PER_SITE,
    );
    // 500 keys a day, each at its largest total, still sum to a safe integer.
    expect(500 * MAX_TOTAL_NOK).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a cash count of 2^53 − 1, so two replicas cannot push a total past it', async () => {
    const days = [
      {
        date: '2026-11-23',
        counts: [],
        closed: { at: '2026-11-23T16:00:00Z', cashCountedNok: Number.MAX_SAFE_INTEGER },
      },
    ];
    const { body } = await errorAnswer(
      await postCounts(endpoint.app, endpoint.tablet.token, upload(days)),
      400,
      'invalid',
    );
    expect(body.issues).toEqual([
      { path: 'days.0.closed.cashCountedNok', message: `must be at most ${MAX_CASH_NOK}` },
    ]);
  });

  it('answers the largest allowed values of three replicas as totals the shared schema accepts', async () => {
    const day = {
      date: '2026-11-23',
      counts: [{ counter: 'bingo', inc: MAX_COUNT, dec: 0, incNok: MAX_COUNT_NOK, decNok: 0 }],
      closed: { at: '2026-11-23T16:00:00Z', cashCountedNok: MAX_CASH_NOK },
    };
    for (let replica = 0; replica < 3; replica += 1) {
      expect((await postCounts(endpoint.app, endpoint.tablet.token, upload([day]))).status).toBe(
        200,
      );
    }
    const answer = await (
      await getDays(endpoint.app, endpoint.adminToken, SITE, '2026-11-23', '2026-11-23')
    ).json();
    expect(siteDaysAnswerSchema.parse(answer).days[0]).toMatchObject({
      replicas: 3,
      // The site-day's one cash register: counted once, however many tablets counted it.
      cashCountedNok: MAX_CASH_NOK,
      totals: [{ counter: 'bingo', net: 3 * MAX_COUNT, amountNok: 3 * MAX_COUNT_NOK }],
    });
    // The same answer past the schema's bounds is refused on the tablet.
    expect(
      siteDaysAnswerSchema.safeParse({
        ...answer,
        days: [{ ...answer.days[0], cashCountedNok: 2 * Number.MAX_SAFE_INTEGER }],
      }).success,
    ).toBe(false);
  });
});

describe('text the endpoint stores', () => {
  it('refuses an app field with control characters, and stores nothing of it', async () => {
    for (const app of ['terskel\u001b[2J', 'terskel\u0007', 'terskel\u009b31m', 'terskel\u202e']) {
      const { body } = await errorAnswer(
        await postCounts(
          endpoint.app,
          endpoint.tablet.token,
          upload([PROTOCOL_EXAMPLE_DAY], { app }),
        ),
        400,
        'invalid',
      );
      expect(body.issues).toEqual([
        { path: 'app', message: 'must not contain control characters' },
      ]);
    }
    const [device] = await store.listDevices(SITE);
    expect(device!.appVersion).toBeNull();
  });
});

describe('growth limits', () => {
  it('stores days from ten years back to tomorrow, and answers 409 limit outside them', async () => {
    const { from, to } = storableDates(endpoint.clock.now());
    expect([from, to]).toEqual(['2016-11-23', '2026-11-24']);
    const day = (date: string) => ({ date, counts: [{ counter: 'visit', inc: 1, dec: 0 }] });
    expect(
      (await postCounts(endpoint.app, endpoint.tablet.token, upload([day(from), day(to)]))).status,
    ).toBe(200);
    for (const date of ['2016-11-22', '2026-11-25', '9999-12-31', '0001-01-01']) {
      const response = await postCounts(
        endpoint.app,
        endpoint.tablet.token,
        upload([day('2026-11-23'), day(date)]),
      );
      const { body } = await errorAnswer(response, 409, 'limit');
      expect(body).toMatchObject({
        limit: 'date-range',
        issues: [{ path: 'days.1.date', message: 'must be from 2016-11-23 to 2026-11-24' }],
      });
    }
    expect((await store.readSiteDays(SITE, '2026-11-23', '2026-11-23')).counts).toEqual([]);
  });

  it('takes at most the limit of replicas a site, then answers 409 limit; known replicas go on', async () => {
    const replicas = [randomUUID(), randomUUID(), randomUUID()];
    const send = (replica: string) =>
      postCounts(
        endpoint.app,
        endpoint.tablet.token,
        uploadBody(endpoint.tablet.device, replica, [PROTOCOL_EXAMPLE_DAY]),
      );
    for (const replica of replicas) expect((await send(replica)).status).toBe(200);
    const { body } = await errorAnswer(await send(randomUUID()), 409, 'limit');
    expect(body).toMatchObject({ limit: 'replicas' });
    expect((await send(replicas[0]!)).status).toBe(200);
    // The other site has its own room.
    const other = uploadBody(endpoint.other.device, randomUUID(), [PROTOCOL_EXAMPLE_DAY]);
    expect((await postCounts(endpoint.app, endpoint.other.token, other)).status).toBe(200);
  });
});

describe('small things a careful operator notices', () => {
  it('answers 401 before 404 or 405 on every API path but health and pair', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing'],
      ['POST', '/api/v2/counts'],
      ['GET', '/api/v1/counts'],
      ['DELETE', '/api/v1/admin/sites'],
      ['POST', `/api/v1/sites/${SITE}/days`],
      ['GET', '/api/'],
    ] as const) {
      const response = await endpoint.app.request(path, { method });
      await errorAnswer(response, 401, 'unauthorized');
    }
    expect((await endpoint.app.request('/api/v1/health')).status).toBe(200);
    expect((await endpoint.app.request('/api/v1/pair')).status).toBe(405);
    const admin = { headers: { Authorization: `Bearer ${endpoint.adminToken}` } };
    await errorAnswer(await endpoint.app.request('/api/v1/nothing', admin), 404, 'not-found');
    await errorAnswer(
      await endpoint.app.request('/api/v1/admin/sites', { ...admin, method: 'DELETE' }),
      405,
      'method-not-allowed',
    );
  });

  it('answers every API request with Cache-Control: no-store', async () => {
    const answers = [
      await endpoint.app.request('/api/v1/health'),
      await endpoint.app.request('/api/v1/nothing'),
      await postCounts(endpoint.app, endpoint.tablet.token, upload([PROTOCOL_EXAMPLE_DAY])),
      await getDays(endpoint.app, endpoint.adminToken, SITE, '2026-11-23', '2026-11-23'),
    ];
    expect(answers.map((answer) => answer.headers.get('cache-control'))).toEqual(
      Array(4).fill('no-store'),
    );
  });

  it('answers an upload whose body stream breaks off with 400, logged without a stack', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"protocol":1,"days":['));
        controller.error(new Error('the connection closed before the body was complete'));
      },
    });
    const response = await endpoint.app.request('/api/v1/counts', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${endpoint.tablet.token}`,
      },
      body,
      duplex: 'half',
    } as RequestInit);
    await errorAnswer(response, 400, 'invalid');
    expect(endpoint.logs.filter((entry) => entry.level === 'error')).toEqual([]);
    expect(JSON.stringify(endpoint.logs)).not.toContain('    at ');
  });
});

describe('behind a proxy', () => {
  const pair = (app: typeof endpoint.app, peer: string, forwardedFor?: string) =>
    app.request(
      '/api/v1/pair',
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
        },
        body: JSON.stringify({ code: 'AAAAA-AAAAA' }),
      },
      // As @hono/node-server hands the app Node's request.
      { incoming: { socket: { remoteAddress: peer } } },
    );

  it('counts pairing attempts by the hop the proxy appended, not a forged leftmost entry', async () => {
    const app = createApp({
      store,
      clock: endpoint.clock.now,
      logger: () => {},
      limits: { pairPerMinute: 2 },
      clientAddress: proxiedAddress(trustedProxy('1')!),
    });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await pair(app, '127.0.0.1', `10.9.9.${i}, 198.51.100.7`)).status);
    }
    expect(statuses).toEqual([404, 404, 429]);
    // Another client behind the same proxy has its own limit.
    expect((await pair(app, '127.0.0.1', '198.51.100.8')).status).toBe(404);
  });

  it('ignores X-Forwarded-For from anyone who reaches the port directly', async () => {
    const app = createApp({
      store,
      clock: endpoint.clock.now,
      logger: () => {},
      limits: { pairPerMinute: 2 },
      clientAddress: proxiedAddress(trustedProxy('1')!),
    });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await pair(app, '203.0.113.9', `10.9.9.${i}`)).status);
    }
    expect(statuses).toEqual([404, 404, 429]);
  });

  it('reads TRUST_PROXY as loopback (1) or a list of the proxy addresses', () => {
    expect(trustedProxy(undefined)).toBeUndefined();
    expect(trustedProxy('0')).toBeUndefined();
    const loopback = trustedProxy('1')!;
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.0.1'].map(loopback)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    const listed = trustedProxy('10.0.0.2, 10.0.0.3')!;
    expect(['10.0.0.2', '10.0.0.3', '127.0.0.1'].map(listed)).toEqual([true, true, false]);
  });
});
