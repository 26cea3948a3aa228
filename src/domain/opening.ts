/**
 * Owns what a period's days were: open, stengt (not an opening day) or open but not recorded,
 * and the figures KOSTRA asks for (opening days and hours, days a week, weeks a year, average
 * visits per opening day). Pure; it never lets today's schedule rewrite a day that kept its own.
 *
 * Schedule as it was: a recorded day carries the opening it had (its snapshot, a `DayStatus`
 * taken with that day's schedule). A day without a snapshot — every unrecorded day, and
 * recorded days from before snapshots were stored — falls back to the current schedule
 * (opening hours, public holidays, closed dates, "open today after all"). "Recorded" is the
 * caller's day row: any count, or the day closed at the end (avsluttet), so a closed day with
 * no visitors is a true zero, and an open day with no row is "ikke registrert", never a zero.
 */
import type { SiteConfig } from '../shared/site-config';
import { addDays, minutesOfDay, weekdayOf, type IsoDate } from './business-day';
import { periodKeyOf } from './periods';
import { dayStatus, type DayHours } from './schedule';

/** The opening a day kept with it: open with its hours, or not (structurally a `DayStatus`). */
export type OpeningSnapshot = { open: true; hours: DayHours } | { open: false };

/** A day that has a row: its visits, and its opening snapshot when one was stored. */
export interface RecordedDay {
  date: IsoDate;
  visits: number;
  opening?: OpeningSnapshot;
}

/** Open and recorded, stengt, or open with nothing recorded ("ikke registrert"). */
export type OpeningState = 'open' | 'stengt' | 'not-recorded';

/** One day of the period as reports count it. */
export interface OpeningDay {
  date: IsoDate;
  state: OpeningState;
  /** The hours it was open by its schedule; absent on a stengt day and an unscheduled one. */
  hours?: DayHours;
  /** Opening minutes by its schedule (0 when stengt or unscheduled). */
  minutes: number;
  visits: number;
  /** Stengt by its schedule, yet visitors were counted: it counts as an opening day. */
  unscheduled: boolean;
}

/** A period's opening figures: KOSTRA's inputs and the average they multiply. */
export interface OpeningSummary {
  days: OpeningDay[];
  /** Open days, recorded or not. */
  openingDays: number;
  openingMinutes: number;
  stengtDays: number;
  notRecordedDays: number;
  unscheduledDays: number;
  /**
   * ISO weeks with an opening day, a week at either end counted when its Thursday is in the
   * period: a calendar year has at most its 52 or 53 ISO weeks, never a split week twice.
   */
  weeksOpen: number;
  /** Opening days ÷ weeks open; 0 when none. */
  daysPerWeek: number;
  /** Visits on recorded opening days. */
  visits: number;
  /** Visits ÷ recorded opening days, never folding unrecorded days in as zeros; undefined when none. */
  averageVisitsPerOpeningDay: number | undefined;
}

const MINUTES_PER_DAY = 24 * 60;

/** What a configuration's schedule says of a date, as the day keeps it (no reason, no holiday name). */
export function openingSnapshotOf(config: SiteConfig, date: IsoDate): OpeningSnapshot {
  const status = dayStatus(config, date);
  return status.open
    ? { open: true, hours: { open: status.hours.open, close: status.hours.close } }
    : { open: false };
}

/** Minutes from opening to closing; a close at or before the opening is past midnight. */
export function openingMinutesOf(hours: DayHours): number {
  const open = minutesOfDay(hours.open);
  const close = minutesOfDay(hours.close);
  return (close <= open ? close + MINUTES_PER_DAY : close) - open;
}

/**
 * Every day from `from` to `to` (inclusive; `to` not before `from`) classified, and the
 * period's opening figures. Recorded days outside the period are ignored.
 */
export function openingSummary(
  from: IsoDate,
  to: IsoDate,
  recorded: readonly RecordedDay[],
  current: SiteConfig,
): OpeningSummary {
  if (to < from) throw new RangeError(`the period ends before it starts: ${from}–${to}`);
  const byDate = new Map<IsoDate, RecordedDay>();
  for (const day of recorded) byDate.set(day.date, day);
  const summary: OpeningSummary = {
    days: [],
    openingDays: 0,
    openingMinutes: 0,
    stengtDays: 0,
    notRecordedDays: 0,
    unscheduledDays: 0,
    weeksOpen: 0,
    daysPerWeek: 0,
    visits: 0,
    averageVisitsPerOpeningDay: undefined,
  };
  const weeks = new Set<string>();
  let recordedOpenDays = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const row = byDate.get(date);
    const opening: OpeningSnapshot = row?.opening ?? dayStatus(current, date);
    const visits = row?.visits ?? 0;
    const unscheduled = !opening.open && row !== undefined && visits > 0;
    const state: OpeningState =
      !opening.open && !unscheduled ? 'stengt' : row === undefined ? 'not-recorded' : 'open';
    const minutes = opening.open ? openingMinutesOf(opening.hours) : 0;
    summary.days.push({
      date,
      state,
      ...(opening.open ? { hours: opening.hours } : {}),
      minutes,
      visits,
      unscheduled,
    });
    if (state === 'stengt') {
      summary.stengtDays += 1;
      continue;
    }
    summary.openingDays += 1;
    summary.openingMinutes += minutes;
    // ISO's rule at the period's ends: a week counts when its Thursday is in the period.
    const thursday = addDays(date, 4 - weekdayOf(date));
    if (thursday >= from && thursday <= to) weeks.add(periodKeyOf(date, 'week'));
    if (unscheduled) summary.unscheduledDays += 1;
    if (state === 'not-recorded') {
      summary.notRecordedDays += 1;
      continue;
    }
    recordedOpenDays += 1;
    summary.visits += visits;
  }
  // A period too short to hold a Thursday still has its one week when it opened at all.
  summary.weeksOpen = weeks.size === 0 && summary.openingDays > 0 ? 1 : weeks.size;
  summary.daysPerWeek = summary.weeksOpen === 0 ? 0 : summary.openingDays / summary.weeksOpen;
  summary.averageVisitsPerOpeningDay =
    recordedOpenDays === 0 ? undefined : summary.visits / recordedOpenDays;
  return summary;
}
