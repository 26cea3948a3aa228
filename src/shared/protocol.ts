/**
 * The sync contract of PROTOCOL.md (versions 1 and 2) as zod schemas, shared by the tablet and
 * the endpoint. A change here is a change of protocol: keep it in step with PROTOCOL.md.
 */
import * as z from 'zod/mini';
import { isoDateSchema, slugSchema } from './slug.ts';

/** The version tablets speak; the endpoint accepts every one of PROTOCOL_VERSIONS. */
export const PROTOCOL_VERSION = 2;
export const PROTOCOL_VERSIONS = [1, 2] as const;
export const MAX_BODY_BYTES = 256 * 1024;
export const MAX_DAYS_PER_UPLOAD = 62;
export const MAX_COUNTS_PER_DAY = 500;
export const MAX_READ_DAYS = 400;
/** A period's sums (GET /sites/:site/sums) span at most this many days, ten years. */
export const MAX_SUM_DAYS = 3660;

// Every number the endpoint sums is bounded, so a site's totals stay far below
// Number.MAX_SAFE_INTEGER (2^53 − 1) however many replicas send the largest values allowed.
/** The largest `inc` or `dec` of one key of one replica. */
export const MAX_COUNT = 1_000_000;
/** The largest `incNok` or `decNok` of one key of one replica, in kroner. */
export const MAX_COUNT_NOK = 100_000_000;
/** The largest cash count of one replica's closing, in kroner. */
export const MAX_CASH_NOK = 1_000_000_000;
/** At most this many replicas a site (past it, a new replica's upload answers 409 `limit`). */
export const MAX_REPLICAS_PER_SITE = 1_000;
/** The largest sum of counts the endpoint answers for one key of one day. */
export const MAX_TOTAL_COUNT = MAX_COUNT * MAX_REPLICAS_PER_SITE;
/** The largest sum of kroner the endpoint answers for one key or one day's cash. */
export const MAX_TOTAL_NOK = Math.max(MAX_COUNT_NOK, MAX_CASH_NOK) * MAX_REPLICAS_PER_SITE;
/** Days are stored from this many years before the endpoint's date up to its tomorrow. */
export const MAX_YEARS_BACK = 10;

/**
 * The dates a site may store a day for, by the clock `now` (UTC dates): from the same date ten
 * years back to tomorrow, so a tablet ahead of UTC can still send its today. Past it the
 * endpoint answers 409 `limit`; the tablet refuses such a day first.
 */
export function storableDates(now: Date): { from: string; to: string } {
  const from = new Date(now.getTime());
  from.setUTCFullYear(from.getUTCFullYear() - MAX_YEARS_BACK);
  const to = new Date(now.getTime() + 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** Text the endpoint stores (an app version, a label, a name): no control or bidi characters. */
export const PLAIN_TEXT_PATTERN = /^[^\p{Cc}\p{Bidi_Control}]*$/u;

/** A string of at most `max` characters with no control characters (they reach terminals). */
export const plainTextSchema = (max: number) =>
  z
    .string()
    .check(z.maxLength(max), z.regex(PLAIN_TEXT_PATTERN, 'must not contain control characters'));

const growOnly = (max: number) => z.int().check(z.gte(0), z.lte(max));
const signed = (max: number) => z.int().check(z.gte(-max), z.lte(max));

export const countSchema = z.strictObject({
  counter: slugSchema,
  option: z.optional(slugSchema),
  hour: z.optional(z.int().check(z.gte(0), z.lte(23))),
  inc: growOnly(MAX_COUNT),
  dec: growOnly(MAX_COUNT),
  incNok: z.optional(growOnly(MAX_COUNT_NOK)),
  decNok: z.optional(growOnly(MAX_COUNT_NOK)),
});
export type Count = z.infer<typeof countSchema>;

export const closingSchema = z.strictObject({
  at: z.iso.datetime(),
  cashCountedNok: z.optional(growOnly(MAX_CASH_NOK)),
});
export type Closing = z.infer<typeof closingSchema>;

/** The key of a count within a day, as one string: `counter|option|hour`. */
export function countKey(count: Pick<Count, 'counter' | 'option' | 'hour'>): string {
  return `${count.counter}|${count.option ?? ''}|${count.hour ?? ''}`;
}

/** A day's keys must be unique: the same refinement for both versions' days. */
const uniqueKeys = z.superRefine((day: { counts: Count[] }, ctx) => {
  const seen = new Set<string>();
  day.counts.forEach((count, i) => {
    const key = countKey(count);
    if (seen.has(key)) {
      ctx.issues.push({
        code: 'custom',
        message: 'the same key occurs twice in a day',
        input: key,
        path: ['counts', i],
      });
    }
    seen.add(key);
  });
});

/** An upload's dates must be unique. */
const uniqueDates = z.superRefine((upload: { days: Array<{ date: string }> }, ctx) => {
  const seen = new Set<string>();
  upload.days.forEach((day, i) => {
    if (seen.has(day.date)) {
      ctx.issues.push({
        code: 'custom',
        message: 'the same date occurs twice',
        input: day.date,
        path: ['days', i, 'date'],
      });
    }
    seen.add(day.date);
  });
});

const countsSchema = z.array(countSchema).check(z.maxLength(MAX_COUNTS_PER_DAY));

/** Version 1's day: its counts and, once the replica's lead closed it, `closed`. */
export const uploadDayV1Schema = z
  .strictObject({ date: isoDateSchema, counts: countsSchema, closed: z.optional(closingSchema) })
  .check(uniqueKeys);
export type UploadDayV1 = z.infer<typeof uploadDayV1Schema>;

/**
 * Version 2's closing of a site-day: closed or reopened at `at`, with the cash counted if it
 * was. One register per site and day, whatever replica writes it (PROTOCOL.md, version 2).
 */
export const dayClosingSchema = z.strictObject({
  closed: z.boolean(),
  at: z.iso.datetime(),
  cashCountedNok: z.optional(growOnly(MAX_CASH_NOK)),
});
export type DayClosing = z.infer<typeof dayClosingSchema>;

/** Version 2's day: its counts and the lead's last closing or reopening of it from this replica. */
export const uploadDaySchema = z
  .strictObject({
    date: isoDateSchema,
    counts: countsSchema,
    closing: z.optional(dayClosingSchema),
  })
  .check(uniqueKeys);
export type UploadDay = z.infer<typeof uploadDaySchema>;

/** A replica's secret: 32 random bytes in base64url (43 characters), made when it is born. */
export const replicaSecretSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{32,128}$/, 'must be 32–128 characters of base64url'));

/** The most bytes a tablet reports for storage (10 TB): bounded like every number. */
const MAX_STORAGE_BYTES = 10 ** 13;
const bytesSchema = z.nullable(z.int().check(z.gte(0), z.lte(MAX_STORAGE_BYTES)));

/**
 * What a tablet says of its health with an upload (version 2): plain, bounded facts, never a
 * name or free text typed on the tablet. `clock` is the tablet's clock when it sent.
 */
export const healthSchema = z.strictObject({
  appVersion: plainTextSchema(32),
  installed: z.boolean(),
  persisted: z.nullable(z.boolean()),
  usageBytes: bytesSchema,
  quotaBytes: bytesSchema,
  unsavedTaps: z.int().check(z.gte(0), z.lte(MAX_COUNT)),
  lastError: z.nullable(plainTextSchema(120)),
  clock: z.iso.datetime(),
});
export type Health = z.infer<typeof healthSchema>;

/** What both versions' uploads say of who sends and when. */
const senderFields = {
  site: slugSchema,
  device: z.uuid(),
  replica: z.uuid(),
  sentAt: z.iso.datetime(),
  app: z.optional(plainTextSchema(64)),
};

export const uploadV1Schema = z
  .strictObject({
    protocol: z.literal(1),
    ...senderFields,
    days: z.array(uploadDayV1Schema).check(z.minLength(1), z.maxLength(MAX_DAYS_PER_UPLOAD)),
  })
  .check(uniqueDates);
export type UploadV1 = z.infer<typeof uploadV1Schema>;

export const uploadV2Schema = z
  .strictObject({
    protocol: z.literal(2),
    ...senderFields,
    secret: replicaSecretSchema,
    health: z.optional(healthSchema),
    days: z.array(uploadDaySchema).check(z.maxLength(MAX_DAYS_PER_UPLOAD)),
  })
  .check(
    uniqueDates,
    z.refine((upload) => upload.days.length > 0 || upload.health !== undefined, {
      message: 'an upload without days must carry health',
      path: ['days'],
    }),
  );
export type UploadV2 = z.infer<typeof uploadV2Schema>;

/** An upload of either version, as the wire carries it. */
export const uploadSchema = z.discriminatedUnion('protocol', [uploadV1Schema, uploadV2Schema]);
export type Upload = z.infer<typeof uploadSchema>;

/** An upload as the endpoint merges it: version 2's shape, the secret absent from version 1. */
export type MergeUpload = Omit<UploadV2, 'protocol' | 'secret'> & { secret?: string };

/** Version 1 read as version 2: a `closed` day is a close (PROTOCOL.md). */
export function mergeUploadOf(upload: Upload): MergeUpload {
  if (upload.protocol === 2) {
    const { protocol: _protocol, ...rest } = upload;
    return rest;
  }
  const { protocol: _protocol, days, ...rest } = upload;
  return {
    ...rest,
    days: days.map(({ closed, ...day }) =>
      closed ? { ...day, closing: { closed: true, ...closed } } : day,
    ),
  };
}

export const uploadAnswerSchema = z.object({
  ok: z.literal(true),
  serverTime: z.iso.datetime(),
  days: z.array(z.object({ date: isoDateSchema, counts: growOnly(MAX_COUNTS_PER_DAY) })),
});
export type UploadAnswer = z.infer<typeof uploadAnswerSchema>;

export const totalSchema = z.object({
  counter: slugSchema,
  option: z.optional(slugSchema),
  hour: z.optional(z.int()),
  net: signed(MAX_TOTAL_COUNT),
  amountNok: z.optional(signed(MAX_TOTAL_NOK)),
});
export type Total = z.infer<typeof totalSchema>;

export const siteDaySchema = z.object({
  // Closed by the site-day's closing register: a reopened day reads as open.
  date: isoDateSchema,
  replicas: growOnly(MAX_REPLICAS_PER_SITE),
  closed: z.boolean(),
  cashCountedNok: z.optional(growOnly(MAX_TOTAL_NOK)),
  totals: z.array(totalSchema),
});
export type SiteDay = z.infer<typeof siteDaySchema>;

export const siteDaysAnswerSchema = z.object({
  site: slugSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  days: z.array(siteDaySchema),
});
export type SiteDaysAnswer = z.infer<typeof siteDaysAnswerSchema>;

/** A whole-day total summed over a period's days: no hour, bounded by the period's length. */
export const periodTotalSchema = z.object({
  counter: slugSchema,
  option: z.optional(slugSchema),
  net: signed(MAX_TOTAL_COUNT * MAX_SUM_DAYS),
  amountNok: z.optional(signed(MAX_TOTAL_NOK * MAX_SUM_DAYS)),
});
export type PeriodTotal = z.infer<typeof periodTotalSchema>;

/**
 * GET /sites/:site/sums: the site's whole-day totals (each counter's, and each option's) summed
 * over every day of the period, and how many of its days have counts.
 */
export const siteSumsAnswerSchema = z.object({
  site: slugSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  days: growOnly(MAX_SUM_DAYS),
  totals: z.array(periodTotalSchema),
});
export type SiteSumsAnswer = z.infer<typeof siteSumsAnswerSchema>;

export const pairRequestSchema = z.strictObject({ code: z.string().check(z.maxLength(32)) });
export const pairAnswerSchema = z.object({
  ok: z.literal(true),
  site: slugSchema,
  device: z.uuid(),
  token: z.string().check(z.minLength(16)),
});
export type PairAnswer = z.infer<typeof pairAnswerSchema>;

/**
 * What a provisioning link carries in its fragment (base64url JSON): the endpoint, the site (to
 * show before pairing) and a single-use pairing code, never the token, so a link left in the
 * browser's history no longer works once it has been used.
 */
export const provisioningSchema = z.strictObject({
  endpoint: z.url(),
  site: slugSchema,
  code: pairRequestSchema.shape.code,
});
export type Provisioning = z.infer<typeof provisioningSchema>;

export const ERROR_CODES = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'too-large',
  'limit',
  'conflict',
  'unsupported-media-type',
  'rate-limited',
  'request-timeout',
  'server-error',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Which limit a 409 `limit` answer met: a day outside `storableDates`, or too many replicas. */
export const LIMIT_KINDS = ['date-range', 'replicas'] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

export const errorAnswerSchema = z.object({
  ok: z.literal(false),
  error: z.enum(ERROR_CODES),
  message: z.string(),
  limit: z.optional(z.enum(LIMIT_KINDS)),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;

/** One replica's day on a tablet, as the sync loop snapshots it: an upload day plus its revision. */
export interface ReplicaDay {
  replica: string;
  day: string;
  /** The day's revision when the snapshot was taken; acknowledged up to this. */
  rev: number;
  counts: Count[];
  closed?: Closing;
}
