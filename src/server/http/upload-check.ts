/**
 * Validates an upload of either protocol version the way `uploadSchema` does, quickly and with bounded work: a hand-written
 * check recognises the ordinary well-formed upload; anything else is checked in stages (the
 * upload's own fields and the number of days, then each day's fields and number of counts, then
 * each count), and stops at MAX_ISSUES issues, so a hostile body of many bad elements costs no
 * more than a few of them. Only a body that passes every stage goes through the whole zod
 * schema, which has the last word. The verdict is always zod's — a property test holds it to that.
 */
import * as z from 'zod/mini';
import {
  countKey,
  countSchema,
  MAX_COUNT,
  MAX_CASH_NOK,
  MAX_COUNT_NOK,
  MAX_COUNTS_PER_DAY,
  MAX_DAYS_PER_UPLOAD,
  healthSchema,
  PLAIN_TEXT_PATTERN,
  replicaSecretSchema,
  uploadDaySchema,
  uploadDayV1Schema,
  uploadSchema,
  uploadV1Schema,
  uploadV2Schema,
  type Count,
  type Upload,
} from '../../shared/protocol.ts';
import { SLUG_PATTERN } from '../../shared/slug.ts';
import { issueMessage, issuePath } from '../../shared/validation-issues.ts';
import { MAX_ISSUES, type ValidationIssue } from './validation-issues.ts';

/** The outcome of validating an upload: the upload, or at most MAX_ISSUES issues. */
export type UploadCheck =
  { success: true; data: Upload } | { success: false; issues: ValidationIssue[] };

/** `uploadSchema.safeParse`'s verdict, with bounded work and at most MAX_ISSUES issues. */
export function checkUpload(value: unknown): UploadCheck {
  if (isOrdinaryUpload(value)) return { success: true, data: value };
  const issues = stagedIssues(value);
  if (issues.length > 0) return { success: false, issues };
  // Every part passed on its own, so the whole schema has at most a few issues left to find.
  const parsed = uploadSchema.safeParse(value);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, issues: wordIssues([], parsed.error.issues, []) };
}

/** An issue as the answer carries it: the path and the sentence at most 200 characters each. */
export function shortIssue(issue: ValidationIssue): ValidationIssue {
  const short = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);
  return { path: short(issue.path), message: short(issue.message) };
}

type Issue = z.core.$ZodIssue;

/** Words `issues` under `prefix` into `into`, up to MAX_ISSUES in all. */
function wordIssues(
  prefix: PropertyKey[],
  issues: readonly Issue[],
  into: ValidationIssue[],
): ValidationIssue[] {
  for (const issue of issues) {
    if (into.length >= MAX_ISSUES) break;
    into.push(
      shortIssue({
        path: issuePath({ path: [...prefix, ...issue.path] }),
        message: issueMessage(issue),
      }),
    );
  }
  return into;
}

// The same fields as each version's schemas, with the arrays' elements left for later stages.
const stages = {
  1: {
    upload: z.strictObject({
      ...uploadV1Schema.shape,
      days: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_DAYS_PER_UPLOAD)),
    }),
    day: z.strictObject({
      ...uploadDayV1Schema.shape,
      counts: z.array(z.unknown()).check(z.maxLength(MAX_COUNTS_PER_DAY)),
    }),
  },
  2: {
    upload: z.strictObject({
      ...uploadV2Schema.shape,
      days: z.array(z.unknown()).check(z.maxLength(MAX_DAYS_PER_UPLOAD)),
    }),
    day: z.strictObject({
      ...uploadDaySchema.shape,
      counts: z.array(z.unknown()).check(z.maxLength(MAX_COUNTS_PER_DAY)),
    }),
  },
};
// Neither version: the union's own issue names the versions there are.
const versionStage = z.object({ protocol: z.union([z.literal(1), z.literal(2)]) });

/** What is wrong with `value`, stage by stage, stopping at MAX_ISSUES. */
function stagedIssues(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const full = () => issues.length >= MAX_ISSUES;
  const version = versionStage.safeParse(value);
  if (!version.success) return wordIssues([], version.error.issues, issues);
  const stage = stages[version.data.protocol];
  const upload = stage.upload.safeParse(value);
  if (!upload.success) wordIssues([], upload.error.issues, issues);
  // An array's length is checked before its elements: an over-long one is not looked into.
  const days = (value as { days?: unknown } | null)?.days;
  if (!Array.isArray(days) || days.length > MAX_DAYS_PER_UPLOAD) return issues;
  for (const [i, dayValue] of days.entries()) {
    if (full()) return issues;
    const day = stage.day.safeParse(dayValue);
    const before = issues.length;
    if (!day.success) wordIssues(['days', i], day.error.issues, issues);
    const counts = (dayValue as { counts?: unknown } | null)?.counts;
    if (!Array.isArray(counts) || counts.length > MAX_COUNTS_PER_DAY) continue;
    for (const [j, countValue] of counts.entries()) {
      if (full()) return issues;
      const count = countSchema.safeParse(countValue);
      if (!count.success) wordIssues(['days', i, 'counts', j], count.error.issues, issues);
    }
    // The schema's own refinement, run as zod runs it: only on a day with nothing else wrong.
    if (issues.length === before) {
      const keys = new Set<string>();
      for (const [j, count] of (counts as Count[]).entries()) {
        const key = countKey(count);
        if (keys.has(key) && !full()) {
          issues.push({
            path: `days.${i}.counts.${j}`,
            message: 'the same key occurs twice in a day',
          });
        }
        keys.add(key);
      }
    }
  }
  return issues;
}

// Narrower than zod's UUID (lower case only, no nil or max UUID): what a tablet sends.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

const UPLOAD_KEYS = {
  1: new Set(['protocol', 'site', 'device', 'replica', 'sentAt', 'app', 'days']),
  2: new Set([
    'protocol',
    'site',
    'device',
    'replica',
    'secret',
    'sentAt',
    'app',
    'health',
    'days',
  ]),
};
const DAY_KEYS = {
  1: new Set(['date', 'counts', 'closed']),
  2: new Set(['date', 'counts', 'closing']),
};
const COUNT_KEYS = new Set(['counter', 'option', 'hour', 'inc', 'dec', 'incNok', 'decNok']);
const CLOSED_KEYS = new Set(['at', 'cashCountedNok']);
const CLOSING_KEYS = new Set(['closed', 'at', 'cashCountedNok']);

type Fields = Record<string, unknown>;

/** A plain object whose own keys are all in `allowed`, none of them holding `undefined`. */
function isStrictObject(value: unknown, allowed: ReadonlySet<string>): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    if (!allowed.has(key) || (value as Fields)[key] === undefined) return false;
  }
  return true;
}

const isSlug = (value: unknown) => typeof value === 'string' && SLUG_PATTERN.test(value);
const isIntIn = (value: unknown, max: number) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

const isDate = (value: unknown) => typeof value === 'string' && isCalendarDate(value);

function isDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  return match !== null && isCalendarDate(match[1]!);
}

function isCount(count: unknown): boolean {
  return (
    isStrictObject(count, COUNT_KEYS) &&
    isSlug(count.counter) &&
    (count.option === undefined || isSlug(count.option)) &&
    (count.hour === undefined || isIntIn(count.hour, 23)) &&
    isIntIn(count.inc, MAX_COUNT) &&
    isIntIn(count.dec, MAX_COUNT) &&
    (count.incNok === undefined || isIntIn(count.incNok, MAX_COUNT_NOK)) &&
    (count.decNok === undefined || isIntIn(count.decNok, MAX_COUNT_NOK))
  );
}

/** Version 1's `closed` (`closing` false) or version 2's `closing` (`closing` true). */
function isClosing(value: unknown, closing: boolean): boolean {
  return (
    isStrictObject(value, closing ? CLOSING_KEYS : CLOSED_KEYS) &&
    (!closing || typeof value.closed === 'boolean') &&
    isDateTime(value.at) &&
    (value.cashCountedNok === undefined || isIntIn(value.cashCountedNok, MAX_CASH_NOK))
  );
}

function isDay(day: unknown, version: 1 | 2): boolean {
  if (!isStrictObject(day, DAY_KEYS[version]) || !isDate(day.date)) return false;
  if (day.closed !== undefined && !isClosing(day.closed, false)) return false;
  if (day.closing !== undefined && !isClosing(day.closing, true)) return false;
  const counts = day.counts;
  if (!Array.isArray(counts) || counts.length > MAX_COUNTS_PER_DAY) return false;
  const keys = new Set<string>();
  for (const count of counts) {
    if (!isCount(count)) return false;
    keys.add(countKey(count as Count));
  }
  return keys.size === counts.length;
}

function isOrdinaryUpload(value: unknown): value is Upload {
  const version = (value as { protocol?: unknown } | null)?.protocol;
  if (version !== 1 && version !== 2) return false;
  if (
    !isStrictObject(value, UPLOAD_KEYS[version]) ||
    !isSlug(value.site) ||
    typeof value.device !== 'string' ||
    !UUID.test(value.device) ||
    typeof value.replica !== 'string' ||
    !UUID.test(value.replica) ||
    !isDateTime(value.sentAt) ||
    (value.app !== undefined &&
      (typeof value.app !== 'string' ||
        value.app.length > 64 ||
        !PLAIN_TEXT_PATTERN.test(value.app)))
  ) {
    return false;
  }
  // Version 2's secret and health are small and bounded: their schemas check them at once.
  if (version === 2) {
    if (!replicaSecretSchema.safeParse(value.secret).success) return false;
    if (value.health !== undefined && !healthSchema.safeParse(value.health).success) return false;
  }
  const days = value.days;
  const fewest = version === 2 && value.health !== undefined ? 0 : 1;
  if (!Array.isArray(days) || days.length < fewest || days.length > MAX_DAYS_PER_UPLOAD) {
    return false;
  }
  const dates = new Set<string>();
  for (const day of days) {
    if (!isDay(day, version)) return false;
    dates.add((day as { date: string }).date);
  }
  return dates.size === days.length;
}
