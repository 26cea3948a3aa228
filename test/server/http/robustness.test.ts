import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/server/store/index.ts';
import { errorAnswerSchema, uploadSchema, type Upload } from '../../../src/shared/protocol.ts';
import { PROTOCOL_EXAMPLE_DAY, seededEndpoint, tempSqliteStore, uploadBody } from '../harness.ts';

let store: Store;
let dispose: () => Promise<void>;
let endpoint: Awaited<ReturnType<typeof seededEndpoint>>;

beforeAll(async () => {
  ({ store, dispose } = tempSqliteStore());
  // Limits raised so that every hostile body reaches validation instead of a 429.
  endpoint = await seededEndpoint(store, {
    limits: { tokenPerMinute: 1e9, addressPerMinute: 1e9, pairPerMinute: 1e9 },
  });
});
afterAll(async () => {
  await dispose();
});

const valid = (): Upload =>
  uploadBody(endpoint.tablet.device, 'a4f1d9c2-6e55-4b0a-8f3e-1c2b3d4e5f60', [
    PROTOCOL_EXAMPLE_DAY,
  ]);

/** Values that break a field: wrong types, nulls, out-of-range and non-integer numbers. */
const hostileValue = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    1e308,
    -1,
    1.5,
    2 ** 53,
    -0.0001,
    1_000_001,
    100_000_001,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.constantFrom(
    '2026-02-30',
    '2026-13-01',
    '26-11-23',
    '2026-11-23T00:00:00',
    '',
    '🙂',
    'DROP TABLE counts',
  ),
  fc.constantFrom('NaN', 'Infinity', '1e400', true, false, [], {}, [[[[[]]]]]),
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 10, max: 3000 }).map((depth) => {
    let nested: unknown = 1;
    for (let i = 0; i < depth; i++) nested = { a: nested };
    return nested;
  }),
);

/** Every place in a valid upload where a hostile value can go, plus new fields. */
const paths: readonly (readonly (string | number)[])[] = [
  ['protocol'],
  ['site'],
  ['device'],
  ['replica'],
  ['sentAt'],
  ['app'],
  ['days'],
  ['days', 0],
  ['days', 0, 'date'],
  ['days', 0, 'counts'],
  ['days', 0, 'counts', 0],
  ['days', 0, 'counts', 0, 'counter'],
  ['days', 0, 'counts', 1, 'option'],
  ['days', 0, 'counts', 0, 'hour'],
  ['days', 0, 'counts', 2, 'inc'],
  ['days', 0, 'counts', 2, 'dec'],
  ['days', 0, 'counts', 3, 'incNok'],
  ['days', 0, 'counts', 3, 'decNok'],
  ['days', 0, 'closed'],
  ['days', 0, 'closed', 'at'],
  ['days', 0, 'closed', 'cashCountedNok'],
  ['extra'],
  ['days', 0, 'extra'],
  ['days', 0, 'counts', 0, 'extra'],
  ['days', 1],
  ['__proto__'],
  ['constructor'],
];

function setAt(target: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(target) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, path[path.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

type Hostile = {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string | undefined;
  expectValid?: boolean;
};

const mutatedUpload = fc
  .tuple(fc.constantFrom(...paths), hostileValue)
  .map(([path, value]): Hostile => {
    const body = setAt(valid(), path, value);
    const text = JSON.stringify(body);
    return {
      body: text,
      contentType: 'application/json',
      expectValid: isAccepted(JSON.parse(text)),
    };
  });

// Built lazily: the bodies need the seeded device, which exists only once the suite starts.
const rawText = () =>
  fc
    .oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '',
        'null',
        '[]',
        '{}',
        '"text"',
        '1',
        '{"protocol":1,',
        '{"protocol":1}}',
        '\u0000',
        'undefined',
      ),
      // Duplicate keys: the last one wins in JSON.parse, so the last is made invalid.
      fc.constant(JSON.stringify(valid()).replace('"protocol":1', '"protocol":1,"protocol":"one"')),
      fc.constant(
        JSON.stringify(valid()).replace(
          '"date":"2026-11-23"',
          '"date":"2026-11-23","date":"2026-02-30"',
        ),
      ),
      fc.integer({ min: 1, max: 120_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      fc
        .integer({ min: 1, max: 60_000 })
        .map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
    )
    .map((text): Hostile => ({ body: text, contentType: 'application/json' }));

const wrongType = () =>
  fc
    .tuple(
      fc.constantFrom(
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonx',
        'application/xml',
        'json',
      ),
      fc.boolean(),
    )
    .map(([contentType, validBody]): Hostile => ({
      body: validBody ? JSON.stringify(valid()) : 'protocol=1',
      contentType,
    }));

const badBytes = fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes): Hostile => ({
  body: new Uint8Array([0x7b, 0xff, ...bytes]),
  contentType: 'application/json',
}));

/** Whether the endpoint must accept this body (it matches the schema, site and device). */
function isAccepted(body: unknown): boolean {
  const parsed = uploadSchema.safeParse(body);
  return (
    parsed.success &&
    parsed.data.site === endpoint.tablet.device.site &&
    parsed.data.device === endpoint.tablet.device.id
  );
}

it('answers 1,500 generated malformed and hostile bodies with a 4xx JSON error, never a 5xx', async () => {
  let rejected = 0;
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        { arbitrary: mutatedUpload, weight: 6 },
        { arbitrary: rawText(), weight: 2 },
        { arbitrary: wrongType(), weight: 1 },
        { arbitrary: badBytes, weight: 1 },
      ),
      async (hostile) => {
        const response = await endpoint.app.request('/api/v1/counts', {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${endpoint.tablet.token}`,
            ...(hostile.contentType ? { 'Content-Type': hostile.contentType } : {}),
          },
          body: hostile.body,
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (hostile.expectValid) {
          expect(response.status).toBe(200);
          return;
        }
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const answer = await response.json();
        expect(errorAnswerSchema.safeParse(answer).success, JSON.stringify(answer)).toBe(true);
        rejected++;
      },
    ),
    { numRuns: 1500, seed: 4_2026 },
  );
  expect(rejected).toBeGreaterThanOrEqual(1000);
  expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  const health = await endpoint.app.request('/api/v1/health');
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true, protocols: [1, 2] });
}, 120_000);

it('answers generated pairing bodies with 4xx JSON errors too', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ code: fc.string({ maxLength: 40 }) })),
      async (value) => {
        const response = await endpoint.app.request('/api/v1/pair', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(value) ?? 'null',
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(errorAnswerSchema.safeParse(await response.json()).success).toBe(true);
      },
    ),
    { numRuns: 300, seed: 2026 },
  );
  // A random replica id does not matter to validation: a fresh valid upload still goes through.
  const ok = await endpoint.app.request('/api/v1/counts', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${endpoint.tablet.token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ ...valid(), replica: randomUUID() }),
  });
  expect(ok.status).toBe(200);
}, 60_000);
