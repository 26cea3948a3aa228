/**
 * Owns local time: which business day, hour and weekday a UTC instant falls in for a site's
 * time zone, and plain calendar arithmetic on ISO dates. Pure: Intl only, never the host's
 * own zone, never a date library, never a local clock string parsed as a time.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The wall clock in a time zone at one instant. */
export interface LocalTime {
  date: IsoDate;
  hour: number;
  minute: number;
  weekday: Weekday;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Real zones change offset on a quarter hour, so an offset holds for a whole bucket.
const OFFSET_BUCKET_MS = 15 * MINUTE_MS;

interface ZoneCache {
  formatter: Intl.DateTimeFormat;
  bucket: number;
  offsetMs: number;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (cache === undefined) {
    cache = {
      formatter: new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      bucket: Number.NaN,
      offsetMs: 0,
    };
    zones.set(timeZone, cache);
  }
  return cache;
}

/**
 * A stretch of time over which a zone's UTC offset was checked to stay the same: remembered
 * across starts, it lets a cold start place a tap in its day without Intl, whose first
 * formatter (the ICU zone data) costs ~40 ms on an old tablet's start-up.
 */
export interface OffsetSpan {
  timeZone: string;
  offsetMs: number;
  /** First and last instant (ms since the epoch) the offset holds for. */
  from: number;
  until: number;
}

const HOUR_MS = 60 * MINUTE_MS;
const MAX_OFFSET_MS = 18 * HOUR_MS;
/** A remembered span is trusted for at most this long (a browser update may bring new rules). */
const MAX_SPAN_MS = 8 * DAY_MS;

const knownSpans = new Map<string, OffsetSpan>();

/**
 * The span from `instantMs` over which the zone keeps its present offset, checked hour by hour
 * for up to `days` ahead (Intl only): no zone changes its offset and back within an hour.
 */
export function offsetSpanFrom(instantMs: number, timeZone: string, days = 3): OffsetSpan {
  const offsetMs = intlOffsetOf(instantMs, timeZone);
  const end = instantMs + days * DAY_MS;
  let until = instantMs;
  while (until + HOUR_MS <= end && intlOffsetOf(until + HOUR_MS, timeZone) === offsetMs) {
    until += HOUR_MS;
  }
  return { timeZone, offsetMs, from: instantMs, until };
}

/**
 * Takes a span remembered from an earlier start (anything else is ignored): instants inside
 * it get its offset without asking Intl. Returns whether it was taken.
 */
export function knowOffsetSpan(span: unknown): boolean {
  const candidate = span as Partial<OffsetSpan> | null | undefined;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.timeZone !== 'string' ||
    !Number.isInteger(candidate.offsetMs) ||
    Math.abs(candidate.offsetMs!) > MAX_OFFSET_MS ||
    !Number.isFinite(candidate.from) ||
    !Number.isFinite(candidate.until) ||
    candidate.until! < candidate.from! ||
    candidate.until! - candidate.from! > MAX_SPAN_MS
  ) {
    return false;
  }
  const { timeZone, offsetMs, from, until } = candidate as OffsetSpan;
  knownSpans.set(timeZone, { timeZone, offsetMs, from, until });
  return true;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetOf(instantMs: number, timeZone: string): number {
  const known = knownSpans.get(timeZone);
  if (known !== undefined && instantMs >= known.from && instantMs <= known.until) {
    return known.offsetMs;
  }
  return intlOffsetOf(instantMs, timeZone);
}

function intlOffsetOf(instantMs: number, timeZone: string): number {
  const cache = zoneCache(timeZone);
  const bucket = Math.floor(instantMs / OFFSET_BUCKET_MS);
  if (bucket === cache.bucket) return cache.offsetMs;
  const field = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of cache.formatter.formatToParts(instantMs)) {
    if (part.type in field) field[part.type as keyof typeof field] = Number(part.value);
  }
  // Some engines still say 24 for midnight despite h23.
  const wall = Date.UTC(
    field.year,
    field.month - 1,
    field.day,
    field.hour % 24,
    field.minute,
    field.second,
  );
  const offsetMs = wall - Math.floor(instantMs / 1000) * 1000;
  cache.bucket = bucket;
  cache.offsetMs = offsetMs;
  return offsetMs;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function isoOfUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function utcOfIso(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const weekdayOfUtc = (ms: number): Weekday => (((new Date(ms).getUTCDay() + 6) % 7) + 1) as Weekday;

/** The wall clock (date, hour, minute, ISO weekday) in `timeZone` at an instant. */
export function localTimeOf(instantMs: number, timeZone: string): LocalTime {
  const wall = instantMs + offsetOf(instantMs, timeZone);
  const minuteOfDay = Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return {
    date: isoOfUtc(wall),
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
    weekday: weekdayOfUtc(wall),
  };
}

/** The business day of an instant: the local date, the day before when before the cut-off hour. */
export function businessDayOf(instantMs: number, timeZone: string, cutoffHour: number): IsoDate {
  const local = localTimeOf(instantMs, timeZone);
  return local.hour < cutoffHour ? addDays(local.date, -1) : local.date;
}

/** The local wall-clock hour (0–23); on the 25-hour day both 02:xx hours are 2. */
export function localHourOf(instantMs: number, timeZone: string): number {
  return localTimeOf(instantMs, timeZone).hour;
}

/** The ISO weekday of a calendar date. */
export function weekdayOf(date: IsoDate): Weekday {
  return weekdayOfUtc(utcOfIso(date));
}

/** The calendar date `n` days after (or before, when negative) `date`. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return isoOfUtc(utcOfIso(date) + n * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcOfIso(to) - utcOfIso(from)) / DAY_MS);
}

/** Minutes since midnight of a wall-clock time `HH:MM`. */
export function minutesOfDay(clock: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock);
  if (match === null) throw new RangeError(`not a clock time HH:MM: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The instant at which the wall clock in `timeZone` shows `clock` on `date`. In the autumn
 * overlap the first of the two instants; in the spring gap the instant the gap ends.
 */
export function instantOf(date: IsoDate, clock: string, timeZone: string): number {
  const wall = utcOfIso(date) + minutesOfDay(clock) * MINUTE_MS;
  // The offsets a day either side bracket any single transition near this wall time.
  const before = offsetOf(wall - DAY_MS, timeZone);
  const after = offsetOf(wall + DAY_MS, timeZone);
  let found: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset;
    if (offsetOf(candidate, timeZone) === offset && (found === undefined || candidate < found)) {
      found = candidate;
    }
  }
  if (found !== undefined) return found;
  // In the gap: search the minute the new offset starts, between the two candidates.
  let low = Math.min(wall - before, wall - after);
  let high = Math.max(wall - before, wall - after);
  while (high - low > MINUTE_MS) {
    const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (mid === low) break;
    if (offsetOf(mid, timeZone) === after) high = mid;
    else low = mid;
  }
  return high;
}
