import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkUpload, shortIssue } from '../../../src/server/http/upload-check.ts';
import { validationIssues } from '../../../src/server/http/validation-issues.ts';
import {
  countKey,
  MAX_CASH_NOK,
  PLAIN_TEXT_PATTERN,
  uploadSchema,
  type Count,
  type Upload,
  type UploadDay,
  type UploadDayV1,
  type UploadV1,
  type UploadV2,
} from '../../../src/shared/protocol.ts';
import { SLUG_PATTERN } from '../../../src/shared/slug.ts';

/**
 * checkUpload and the zod schema agree: same verdict, same data; it names 1 to 20 issues, each
 * one that zod names too (zod may name more: checkUpload stops at 20).
 */
function expectSameAsZod(value: unknown) {
  const quick = checkUpload(value);
  const zod = uploadSchema.safeParse(value);
  expect(quick.success, JSON.stringify(value)).toBe(zod.success);
  if (quick.success && zod.success) expect(quick.data).toEqual(zod.data);
  if (!quick.success && !zod.success) {
    expect(quick.issues.length).toBeGreaterThan(0);
    expect(quick.issues.length).toBeLessThanOrEqual(20);
    const zodIssues = validationIssues(zod.error).map(shortIssue);
    for (const issue of quick.issues) expect(zodIssues).toContainEqual(issue);
  }
}

const slug = fc.stringMatching(SLUG_PATTERN);
const instant = fc
  .date({
    min: new Date('0000-01-01T00:00:00.000Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());
const count: fc.Arbitrary<Count> = fc.record(
  {
    counter: slug,
    option: slug,
    hour: fc.integer({ min: 0, max: 23 }),
    inc: fc.integer({ min: 0, max: 1_000_000 }),
    dec: fc.integer({ min: 0, max: 1_000_000 }),
    incNok: fc.integer({ min: 0, max: 100_000_000 }),
    decNok: fc.integer({ min: 0, max: 100_000_000 }),
  },
  { requiredKeys: ['counter', 'inc', 'dec'] },
);
const cash = fc.nat({ max: MAX_CASH_NOK });
const dayV1: fc.Arbitrary<UploadDayV1> = fc.record(
  {
    date: instant.map((at) => at.slice(0, 10)),
    counts: fc.uniqueArray(count, { maxLength: 30, selector: countKey }),
    closed: fc.record({ at: instant, cashCountedNok: cash }, { requiredKeys: ['at'] }),
  },
  { requiredKeys: ['date', 'counts'] },
);
const dayV2: fc.Arbitrary<UploadDay> = fc.record(
  {
    date: instant.map((at) => at.slice(0, 10)),
    counts: fc.uniqueArray(count, { maxLength: 30, selector: countKey }),
    closing: fc.record(
      { closed: fc.boolean(), at: instant, cashCountedNok: cash },
      { requiredKeys: ['closed', 'at'] },
    ),
  },
  { requiredKeys: ['date', 'counts'] },
);
const plain = (max: number) =>
  fc.string({ maxLength: max }).filter((text) => PLAIN_TEXT_PATTERN.test(text));
const bytes = fc.option(fc.nat({ max: 10 ** 13 }), { nil: null });
const health = fc.record({
  appVersion: plain(32),
  installed: fc.boolean(),
  persisted: fc.option(fc.boolean(), { nil: null }),
  usageBytes: bytes,
  quotaBytes: bytes,
  unsavedTaps: fc.nat({ max: 1_000_000 }),
  lastError: fc.option(plain(120), { nil: null }),
  clock: instant,
});
const common = {
  site: slug,
  device: fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }),
  replica: fc.uuid({ version: 4 }),
  sentAt: instant,
  app: plain(64),
};
const uploadV1: fc.Arbitrary<UploadV1> = fc.record(
  {
    protocol: fc.constant(1 as const),
    ...common,
    days: fc.uniqueArray(dayV1, { minLength: 1, maxLength: 5, selector: (d) => d.date }),
  },
  { requiredKeys: ['protocol', 'site', 'device', 'replica', 'sentAt', 'days'] },
);
// Version 2: a secret always; health often; no days only with health.
const uploadV2: fc.Arbitrary<UploadV2> = fc
  .record(
    {
      protocol: fc.constant(2 as const),
      ...common,
      secret: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      health,
      days: fc.uniqueArray(dayV2, { maxLength: 5, selector: (d) => d.date }),
    },
    { requiredKeys: ['protocol', 'site', 'device', 'replica', 'secret', 'sentAt', 'days'] },
  )
  .filter((upload) => upload.days.length > 0 || upload.health !== undefined);
const upload: fc.Arbitrary<Upload> = fc.oneof(uploadV1, uploadV2);

/** Values that sit just inside or just outside a rule, and values of the wrong kind. */
const EDGE_VALUES: unknown[] = [
  null,
  undefined,
  true,
  '',
  -1,
  -0,
  0.5,
  23,
  24,
  1_000_000,
  1_000_001,
  100_000_000,
  100_000_001,
  MAX_CASH_NOK,
  MAX_CASH_NOK + 1,
  'terskel\u001b[2J',
  'terskel\u202e',
  'terskel\u0085',
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '1',
  [],
  {},
  'a'.repeat(64),
  'a'.repeat(65),
  'Visit',
  '-visit',
  'visit_1',
  'a'.repeat(63),
  '2024-02-29',
  '2023-02-29',
  '1900-02-29',
  '2000-02-29',
  '0000-02-29',
  '2026-04-31',
  '2026-06-31',
  '2026-09-31',
  '2026-11-31',
  '2026-12-31',
  '2026-13-01',
  '2026-00-10',
  '2026-1-01',
  '+02026-01-01',
  '2026-11-23T14:05:00Z',
  '1900-02-29T10:00:00.000Z',
  '2000-02-29T10:00:00Z',
  '2023-02-29T10:00:00.000Z',
  '2026-04-31T10:00:00Z',
  '2026-11-31T10:00:00Z',
  '2026-06-30T23:59:59.999Z',
  '2026-11-23T14:05Z',
  '2026-11-23T14:05:60Z',
  '2026-11-23T24:00:00Z',
  '2026-11-23T14:05:00.1234567890Z',
  '2026-11-23T14:05:00.000z',
  '2026-11-23T14:05:00.000+01:00',
  '2026-11-23T14:05:00.000',
  '2026-11-23 14:05:00.000Z',
  'A4F1D9C2-6E55-4B0A-8F3E-1C2B3D4E5F60',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a4f1d9c2-6e55-9b0a-8f3e-1c2b3d4e5f60',
  'a4f1d9c2-6e55-4b0a-cf3e-1c2b3d4e5f60',
  'a4f1d9c26e554b0a8f3e1c2b3d4e5f60',
];
const edgeValue = fc.oneof(
  fc.constantFrom(...EDGE_VALUES),
  fc.integer({ min: -5, max: 1_000_005 }),
  fc.string({ maxLength: 70 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const HEALTH_KEYS = [
  'appVersion',
  'installed',
  'persisted',
  'usageBytes',
  'quotaBytes',
  'unsavedTaps',
  'lastError',
  'clock',
];

/** A valid upload with one thing changed: a field set to an edge value, added, or removed. */
const alteredUpload = fc
  .tuple(
    upload,
    fc.nat(),
    fc.nat(),
    fc.constantFrom('set', 'add', 'delete', 'duplicate'),
    edgeValue,
  )
  .map(([valid, place, field, how, value]) => {
    const altered = structuredClone(valid) as unknown as Record<string, unknown>;
    // Every object in the upload, each with the keys it may hold.
    const v2 = altered.protocol === 2;
    const places: Array<[Record<string, unknown>, string[]]> = [
      [
        altered,
        ['protocol', 'site', 'device', 'replica', 'sentAt', 'app', 'days'].concat(
          v2 ? ['secret', 'health'] : [],
        ),
      ],
    ];
    if (altered.health) places.push([altered.health as Record<string, unknown>, HEALTH_KEYS]);
    for (const d of altered.days as Array<Record<string, unknown>>) {
      places.push([d, ['date', 'counts', v2 ? 'closing' : 'closed']]);
      if (d.closed) places.push([d.closed as Record<string, unknown>, ['at', 'cashCountedNok']]);
      if (d.closing) {
        places.push([d.closing as Record<string, unknown>, ['closed', 'at', 'cashCountedNok']]);
      }
      for (const c of d.counts as Array<Record<string, unknown>>) {
        places.push([c, ['counter', 'option', 'hour', 'inc', 'dec', 'incNok', 'decNok']]);
      }
    }
    const [target, keys] = places[place % places.length]!;
    const key = keys[field % keys.length]!;
    if (how === 'set') target[key] = value;
    if (how === 'add') target[typeof value === 'string' && value ? value : 'extra'] = value;
    if (how === 'delete') delete target[key];
    if (how === 'duplicate') {
      const days = altered.days as Array<{ counts: unknown[] }>;
      if (days.length === 0) altered.days = [{ date: '2026-11-23', counts: [] }];
      else if (days[0]!.counts.length > 0) {
        days[0]!.counts.push(structuredClone(days[0]!.counts[0]));
      } else (altered.days as unknown[]).push(structuredClone(days[0]));
    }
    // Through JSON, as the endpoint receives it (undefined fields drop out).
    return JSON.parse(JSON.stringify(altered)) as unknown;
  });

it('accepts an ordinary valid upload without zod: the object itself comes back', () => {
  fc.assert(
    fc.property(upload, (valid) => {
      const parsed = checkUpload(valid);
      expect(parsed.success).toBe(true);
      expect(parsed.success && parsed.data).toBe(valid);
      expect(parsed.success && parsed.data).toEqual(uploadSchema.parse(valid));
    }),
    { numRuns: 500, seed: 2026 },
  );
}, 30_000);

it('gives the same verdict and data as the zod schema, and only issues zod names, for altered uploads', () => {
  // 5,000 runs take about 3 s alone and more than vitest's default 5 s on a busy machine.
  fc.assert(fc.property(alteredUpload, expectSameAsZod), { numRuns: 5000, seed: 4_2026 });
}, 60_000);

it('gives the same verdict as the zod schema for every edge value in every field', () => {
  const counts = [
    { counter: 'visit', option: 'first-time', hour: 13, inc: 4, dec: 0 },
    { counter: 'bingo', option: 'cash', inc: 12, dec: 0, incNok: 120, decNok: 0 },
  ];
  const v1: UploadV1 = {
    protocol: 1,
    site: 'hjerterom-alta',
    device: '0b6c3c9e-2b1a-4f7e-9d0e-3d5f1c2a7b10',
    replica: 'a4f1d9c2-6e55-4b0a-8f3e-1c2b3d4e5f60',
    sentAt: '2026-11-23T14:05:00.000Z',
    app: 'terskel/0.1.0',
    days: [
      {
        date: '2026-11-23',
        counts,
        closed: { at: '2026-11-23T15:02:11.000Z', cashCountedNok: 120 },
      },
    ],
  };
  const v2: UploadV2 = {
    ...v1,
    protocol: 2,
    secret: 'k'.repeat(43),
    health: {
      appVersion: '0.1.0',
      installed: true,
      persisted: true,
      usageBytes: 1000,
      quotaBytes: 100_000,
      unsavedTaps: 0,
      lastError: null,
      clock: '2026-11-23T14:05:00.000Z',
    },
    days: [
      {
        date: '2026-11-23',
        counts,
        closing: { closed: true, at: '2026-11-23T15:02:11.000Z', cashCountedNok: 120 },
      },
    ],
  };
  type Place = (upload: Record<string, any>) => Record<string, unknown>;
  const count: [Place, string[]] = [
    (u) => u.days[0].counts[1],
    ['counter', 'option', 'hour', 'inc', 'dec', 'incNok', 'decNok', 'extra'],
  ];
  const cases: Array<[Upload, Array<[Place, string[]]>]> = [
    [
      v1,
      [
        [(u) => u, ['protocol', 'site', 'device', 'replica', 'sentAt', 'app', 'days', 'extra']],
        [(u) => u.days[0], ['date', 'counts', 'closed', 'extra']],
        [(u) => u.days[0].closed, ['at', 'cashCountedNok', 'extra']],
        count,
      ],
    ],
    [
      v2,
      [
        [(u) => u, ['protocol', 'secret', 'health', 'days', 'extra']],
        [(u) => u.health, [...HEALTH_KEYS, 'extra']],
        [(u) => u.days[0], ['date', 'counts', 'closing', 'closed', 'extra']],
        [(u) => u.days[0].closing, ['closed', 'at', 'cashCountedNok', 'extra']],
        count,
      ],
    ],
  ];
  for (const [valid, fields] of cases) {
    expectSameAsZod(valid);
    for (const value of [...EDGE_VALUES, ...fc.sample(edgeValue, { numRuns: 300, seed: 1 })]) {
      for (const [place, keys] of fields) {
        for (const key of keys) {
          const altered = structuredClone(valid);
          place(altered)[key] = value;
          expectSameAsZod(JSON.parse(JSON.stringify(altered)));
        }
      }
    }
  }
}, 60_000);

it('gives the same verdict as the zod schema at the limits of sizes and for odd JSON', () => {
  const valid = fc.sample(upload, { numRuns: 1, seed: 7 })[0]!;
  const withCounts = (n: number) => ({
    ...valid,
    days: [
      {
        date: '2026-11-23',
        counts: Array.from({ length: n }, (_, i) => ({ counter: `c${i}`, inc: i, dec: 0 })),
      },
    ],
  });
  const withDays = (n: number) => ({
    ...valid,
    days: Array.from({ length: n }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      counts: [],
    })),
  });
  for (const value of [
    withCounts(500),
    withCounts(501),
    withDays(62),
    withDays(63),
    { ...valid, days: [] },
    JSON.parse(JSON.stringify(valid).replace('{', '{"__proto__":{"x":1},')),
    JSON.parse(JSON.stringify(valid).replace('"protocol":1', '"protocol":1.0')),
    null,
    [],
    'upload',
  ]) {
    expectSameAsZod(value);
  }
});
