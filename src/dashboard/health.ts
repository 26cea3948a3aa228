/**
 * What the dashboard reads from a tablet's record, pure: whether it has been silent too long,
 * how far its clock is from the endpoint's, and its storage in words.
 *
 * The endpoint does not know a site's opening hours, but it lists the dates each site counted in
 * the last eight weeks with the sites (`countedDates`). A tablet is silent when more than two of
 * its site's counting days have passed since its last sync: a day the site counted (on another
 * tablet), or a weekday on which the site counted in those weeks, so a site's only tablet going
 * quiet is seen too. A site that counted on no day in those weeks has nothing to learn from: the
 * rule is then the time since the last sync.
 */
import { addDays, weekdayOf, type IsoDate, type Weekday } from '../domain/business-day.ts';
import type { AdminDevice } from './api.ts';
import { localToday } from './figures.ts';

/** Without counting days to learn from: longer than this without a sync is silent. */
export const SILENT_AFTER_MS = 2 * 24 * 60 * 60 * 1000;
/** More than this many of the site's counting days without a sync is silent. */
export const SILENT_AFTER_OPENING_DAYS = 2;
/**
 * A clock further off than this is worth a look: the endpoint refuses a closing stamped more
 * than five minutes past its own clock (PROTOCOL.md, Version 2).
 */
export const CLOCK_SKEW_WARNING_MS = 5 * 60 * 1000;

/** A site's counting days, as the dates it counted show them. */
export interface SiteRhythm {
  /** Every date the site has counts for. */
  counted: ReadonlySet<IsoDate>;
  /** The weekdays of those dates. */
  weekdays: ReadonlySet<Weekday>;
}

/** What the dates a site counted tell of its counting days; undefined when there are none. */
export function siteRhythm(dates: Iterable<IsoDate>): SiteRhythm | undefined {
  const counted = new Set(dates);
  if (counted.size === 0) return undefined;
  return { counted, weekdays: new Set([...counted].map((date) => weekdayOf(date))) };
}

/** Whether a tablet is silent, and by which rule that was judged. */
export interface Silence {
  silent: boolean;
  rule: 'openingDays' | 'time';
}

/**
 * Whether an active device has been silent too long (never synced: since it was added). Today
 * counts only when the site has counted today already: the tablet may not have synced yet.
 */
export function silence(device: AdminDevice, now: Date, rhythm?: SiteRhythm): Silence {
  const rule = rhythm ? 'openingDays' : 'time';
  if (device.revokedAt !== null) return { silent: false, rule };
  const since = device.lastSeenAt ?? device.createdAt;
  if (since === undefined) return { silent: true, rule };
  if (!rhythm) return { silent: now.getTime() - Date.parse(since) > SILENT_AFTER_MS, rule };
  const today = localToday(now);
  const lastDay = localToday(new Date(since));
  let missed = rhythm.counted.has(today) && today > lastDay ? 1 : 0;
  // Walks back from yesterday; it stops after a few weeks at most, as a site counts every week.
  for (
    let date = addDays(today, -1);
    date > lastDay && missed <= SILENT_AFTER_OPENING_DAYS;
    date = addDays(date, -1)
  ) {
    if (rhythm.counted.has(date) || rhythm.weekdays.has(weekdayOf(date))) missed += 1;
  }
  return { silent: missed > SILENT_AFTER_OPENING_DAYS, rule };
}

/**
 * How far the tablet's clock was from the endpoint's when its health arrived, in milliseconds
 * (ahead is positive); undefined when it has not said. The time on the way makes a tablet seem
 * a little behind.
 */
export function clockSkewMs(device: AdminDevice): number | undefined {
  if (!device.health || !device.healthAt) return undefined;
  const skew = Date.parse(device.health.clock) - Date.parse(device.healthAt);
  return Number.isFinite(skew) ? skew : undefined;
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const byteFormats = UNITS.map(
  (unit) => new Intl.NumberFormat('nb-NO', { style: 'unit', unit, maximumFractionDigits: 1 }),
);

/** "1,8 MB", "2,1 GB": decimal units, as browsers and phones show storage. */
export function bytes(n: number): string {
  let step = 0;
  let value = n;
  while (value >= 1000 && step < UNITS.length - 1) {
    value /= 1000;
    step += 1;
  }
  return byteFormats[step]!.format(value);
}
