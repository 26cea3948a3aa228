/**
 * Owns what a site's day looks like: open or closed (opening hours, public holidays, closed
 * and reopened dates), the programme, the counters that are on, what is next and when the
 * place opens again. Pure functions of the config and a date or instant; no clock of its own.
 */
import type { Counter, ScheduleItem, SiteConfig } from '../shared/site-config';
import {
  addDays,
  businessDayOf,
  localTimeOf,
  minutesOfDay,
  weekdayOf,
  type IsoDate,
} from './business-day';
import { holidayOn } from './holidays';

/** Opening and closing time of an open day, `HH:MM`. */
export interface DayHours {
  open: string;
  close: string;
}

/** Why a day is closed. */
export type ClosedReason = 'holiday' | 'closed-date' | 'no-hours';

/** Whether a date is an opening day, with its hours, or why not. */
export type DayStatus =
  { open: true; hours: DayHours } | { open: false; reason: ClosedReason; holiday?: string };

/** The programme item that comes next today and how many minutes until it starts. */
export interface NextUp {
  item: ScheduleItem;
  minutesUntil: number;
}

/** The next time a place opens. */
export interface NextOpening {
  date: IsoDate;
  open: string;
}

/** Where the door is within its business day. */
export type DoorPhase = 'open' | 'before-opening' | 'after-closing' | 'closed-day';

/** Everything the door screen shows about today, from one instant. */
export interface DoorStatus {
  day: IsoDate;
  /** The calendar date on the wall: the day after `day` in the small hours before the cut-off. */
  calendarDate: IsoDate;
  phase: DoorPhase;
  hours?: DayHours;
  closedReason?: ClosedReason;
  holiday?: string;
  nextOpening?: NextOpening;
  /** The day's programme items that are not over yet. */
  programme: ScheduleItem[];
  next?: NextUp;
}

/**
 * What the door says first when it is not open: closed today (a holiday or a day without
 * hours) or closed now (before opening, after closing), and when it opens again.
 */
export interface ClosedNotice {
  closed: 'today' | 'now';
  holiday?: string;
  opens?: NextOpening;
}

const NEXT_OPENING_HORIZON_DAYS = 400;
const MINUTES_PER_DAY = 24 * 60;

function hoursOnWeekday(config: SiteConfig, date: IsoDate): DayHours | undefined {
  const weekday = weekdayOf(date);
  const entry = config.openingHours.find((hours) => hours.weekdays.includes(weekday));
  return entry && { open: entry.open, close: entry.close };
}

/** Whether the site is open on a date, and its hours or the reason it is closed. */
export function dayStatus(config: SiteConfig, date: IsoDate): DayStatus {
  const weekdayHours = hoursOnWeekday(config, date);
  if (config.openDates.includes(date)) {
    // Opened after all: a weekday without hours borrows the first entry's hours.
    const first = config.openingHours[0];
    const hours = weekdayHours ?? (first && { open: first.open, close: first.close });
    if (hours !== undefined) return { open: true, hours };
  }
  const holiday = config.observePublicHolidays ? holidayOn(date) : undefined;
  if (holiday !== undefined) return { open: false, reason: 'holiday', holiday };
  if (config.closedDates.includes(date)) return { open: false, reason: 'closed-date' };
  if (weekdayHours === undefined) return { open: false, reason: 'no-hours' };
  return { open: true, hours: weekdayHours };
}

/**
 * The programme of a date, by time: weekly items on its weekday and one-off items on it.
 * Empty on a closed day. *Ord for dagen* items show only while the site has it enabled.
 */
export function programmeFor(config: SiteConfig, date: IsoDate): ScheduleItem[] {
  if (!dayStatus(config, date).open) return [];
  const weekday = weekdayOf(date);
  return config.schedule
    .filter((item) =>
      item.date !== undefined ? item.date === date : item.weekdays?.includes(weekday),
    )
    .filter((item) => item.kind !== 'word' || config.wordOfDay.enabled)
    .map((item, index) => ({ item, index, minutes: minutesOfDay(item.time) }))
    .sort((a, b) => a.minutes - b.minutes || a.index - b.index)
    .map(({ item }) => item);
}

/** Whether staff are offered a counter (`enabled` absent or true); visits and check-outs always. */
function isCounterInUse(counter: Counter): boolean {
  return counter.kind === 'visit' || counter.kind === 'checkout' || counter.enabled !== false;
}

/**
 * The counters that are on for a date: in use and on that weekday; visits and check-outs
 * always are. Only what staff are offered: counts already made show wherever they are.
 */
export function countersOn(config: SiteConfig, date: IsoDate): Counter[] {
  const weekday = weekdayOf(date);
  return config.counters.filter(
    (counter) =>
      isCounterInUse(counter) &&
      (counter.kind === 'visit' ||
        counter.kind === 'checkout' ||
        counter.weekdays === undefined ||
        counter.weekdays.includes(weekday)),
  );
}

/**
 * The first programme item of a date starting at or after `minutesNow`, and how soon.
 * *Ord for dagen* is never "next": the door shows it on its own card, with its time.
 */
export function nextUp(config: SiteConfig, date: IsoDate, minutesNow: number): NextUp | undefined {
  for (const item of programmeFor(config, date)) {
    if (item.kind === 'word') continue;
    const minutesUntil = minutesOfDay(item.time) - minutesNow;
    if (minutesUntil >= 0) return { item, minutesUntil };
  }
  return undefined;
}

/** The next time the site opens strictly after `minutesNow` on `date` (up to 400 days ahead). */
export function nextOpening(
  config: SiteConfig,
  date: IsoDate,
  minutesNow: number,
): NextOpening | undefined {
  const today = dayStatus(config, date);
  if (today.open && minutesNow < minutesOfDay(today.hours.open)) {
    return { date, open: today.hours.open };
  }
  for (let n = 1; n <= NEXT_OPENING_HORIZON_DAYS; n++) {
    const day = addDays(date, n);
    const status = dayStatus(config, day);
    if (status.open) return { date: day, open: status.hours.open };
  }
  return undefined;
}

/** Minutes of the closing time; a close at or before the opening is past midnight. */
function closingMinutes(hours: DayHours): number {
  const open = minutesOfDay(hours.open);
  const close = minutesOfDay(hours.close);
  return close <= open ? close + MINUTES_PER_DAY : close;
}

/**
 * The programme of a date without the items that are over at `minutesNow` (minutes since the
 * date's midnight, past 24:00 in the small hours). An item is over at its end time; one
 * without an end time when a later item starts, and the last one at closing time.
 */
export function programmeLeft(
  config: SiteConfig,
  date: IsoDate,
  minutesNow: number,
): ScheduleItem[] {
  const status = dayStatus(config, date);
  const closing = status.open ? closingMinutes(status.hours) : MINUTES_PER_DAY;
  const programme = programmeFor(config, date);
  return programme.filter((item) => {
    const start = minutesOfDay(item.time);
    const later = programme.find((other) => minutesOfDay(other.time) > start);
    const end =
      item.endTime !== undefined
        ? closingMinutes({ open: item.time, close: item.endTime })
        : later !== undefined
          ? minutesOfDay(later.time)
          : Math.max(closing, start + 1);
    return minutesNow < end;
  });
}

/** What the door says first at this status, or undefined while the place is open. */
export function closedNotice(status: DoorStatus): ClosedNotice | undefined {
  if (status.phase === 'open') return undefined;
  return {
    closed: status.phase === 'closed-day' ? 'today' : 'now',
    ...(status.holiday !== undefined ? { holiday: status.holiday } : {}),
    ...(status.nextOpening !== undefined ? { opens: status.nextOpening } : {}),
  };
}

/** What the door shows at an instant, in the site's time zone and business day. */
export function doorStatus(config: SiteConfig, nowMs: number): DoorStatus {
  const day = businessDayOf(nowMs, config.timeZone, config.cutoffHour);
  const local = localTimeOf(nowMs, config.timeZone);
  // Past midnight but before the cut-off, the clock runs on past 24:00 of the business day.
  const minutesNow = local.hour * 60 + local.minute + (local.date === day ? 0 : MINUTES_PER_DAY);
  const status = dayStatus(config, day);
  const programme = programmeLeft(config, day, minutesNow);
  const next = nextUp(config, day, minutesNow);
  const base = {
    day,
    calendarDate: local.date,
    programme,
    ...(next !== undefined ? { next } : {}),
  };
  if (!status.open) {
    const opening = nextOpening(config, day, minutesNow);
    return {
      ...base,
      phase: 'closed-day',
      closedReason: status.reason,
      ...(status.holiday !== undefined ? { holiday: status.holiday } : {}),
      ...(opening !== undefined ? { nextOpening: opening } : {}),
    };
  }
  const { hours } = status;
  let phase: DoorPhase = 'open';
  if (minutesNow < minutesOfDay(hours.open)) phase = 'before-opening';
  else if (minutesNow >= closingMinutes(hours)) phase = 'after-closing';
  if (phase === 'open') return { ...base, phase, hours };
  const opening = nextOpening(config, day, minutesNow);
  return { ...base, phase, hours, ...(opening !== undefined ? { nextOpening: opening } : {}) };
}
