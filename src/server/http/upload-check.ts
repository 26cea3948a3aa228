/**
 * Validates an upload the way `uploadSchema` does, quickly: a hand-written check recognises the
 * ordinary well-formed upload, and everything else goes through the zod schema, which alone
 * decides what is wrong and says so. The check may refuse a valid upload (zod then accepts it);
 * it must never accept one that zod refuses — a property test holds it to that.
 */
import {
  countKey,
  MAX_COUNTS_PER_DAY,
  MAX_DAYS_PER_UPLOAD,
  PROTOCOL_VERSION,
  uploadSchema,
  type Upload,
} from '../../shared/protocol.ts';
import { SLUG_PATTERN } from '../../shared/slug.ts';

/** The outcome of validating an upload: zod's own shape, so callers treat both paths alike. */
export type UploadParse = ReturnType<typeof uploadSchema.safeParse>;

/** `uploadSchema.safeParse`, with the common case answered without zod (same verdict). */
export function parseUpload(value: unknown): UploadParse {
  if (isOrdinaryUpload(value)) return { success: true, data: value };
  return uploadSchema.safeParse(value);
}

// Narrower than zod's UUID (lower case only, no nil or max UUID): what a tablet sends.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

const UPLOAD_KEYS = new Set(['protocol', 'site', 'device', 'replica', 'sentAt', 'app', 'days']);
const DAY_KEYS = new Set(['date', 'counts', 'closed']);
const COUNT_KEYS = new Set(['counter', 'option', 'hour', 'inc', 'dec', 'incNok', 'decNok']);
const CLOSING_KEYS = new Set(['at', 'cashCountedNok']);

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
    isIntIn(count.inc, 1_000_000) &&
    isIntIn(count.dec, 1_000_000) &&
    (count.incNok === undefined || isIntIn(count.incNok, 100_000_000)) &&
    (count.decNok === undefined || isIntIn(count.decNok, 100_000_000))
  );
}

function isClosing(closed: unknown): boolean {
  return (
    isStrictObject(closed, CLOSING_KEYS) &&
    isDateTime(closed.at) &&
    (closed.cashCountedNok === undefined || isIntIn(closed.cashCountedNok, Number.MAX_SAFE_INTEGER))
  );
}

function isDay(day: unknown): boolean {
  if (!isStrictObject(day, DAY_KEYS) || !isDate(day.date)) return false;
  if (day.closed !== undefined && !isClosing(day.closed)) return false;
  const counts = day.counts;
  if (!Array.isArray(counts) || counts.length > MAX_COUNTS_PER_DAY) return false;
  const keys = new Set<string>();
  for (const count of counts) {
    if (!isCount(count)) return false;
    keys.add(countKey(count as Upload['days'][number]['counts'][number]));
  }
  return keys.size === counts.length;
}

function isOrdinaryUpload(value: unknown): value is Upload {
  if (
    !isStrictObject(value, UPLOAD_KEYS) ||
    value.protocol !== PROTOCOL_VERSION ||
    !isSlug(value.site) ||
    typeof value.device !== 'string' ||
    !UUID.test(value.device) ||
    typeof value.replica !== 'string' ||
    !UUID.test(value.replica) ||
    !isDateTime(value.sentAt) ||
    (value.app !== undefined && (typeof value.app !== 'string' || value.app.length > 64))
  ) {
    return false;
  }
  const days = value.days;
  if (!Array.isArray(days) || days.length < 1 || days.length > MAX_DAYS_PER_UPLOAD) return false;
  const dates = new Set<string>();
  for (const day of days) {
    if (!isDay(day)) return false;
    dates.add((day as { date: string }).date);
  }
  return dates.size === days.length;
}
