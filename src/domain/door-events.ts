/**
 * Owns the events' shape (`TallyEvent`, its sources and the fixed correction reasons) and the
 * events the door creates: a tap, a check-out or staff's count of who is here, and the move an
 * answer makes. Pure: it never stores, numbers or edits an event. Part of the first paint.
 */
import type { SiteConfig } from '../shared/site-config';

/** Who made an event: the door, staff in the app, or staff back-filling a paper sheet. */
export type EventSource = 'door' | 'staff' | 'backfill';

/** The fixed reasons a correction may carry: never free text. */
export const CORRECTION_REASONS = ['wrong-button', 'counted-twice', 'test'] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

/** An event before it is recorded (storage gives it its id and replica). */
export interface TallyEvent {
  day: string;
  at: number;
  counter: string;
  option?: string;
  hour?: number;
  delta: number;
  nok?: number;
  source: EventSource;
  reason?: CorrectionReason;
  /** The event this one moves (an answer to the check-in question). */
  refines?: string;
}

/** Where an instant falls at the site: its business day and local hour. */
export interface DayAndHour {
  day: string;
  hour: number;
}

// A counter the site does not list (yet) keeps hours: the door's visits always have.
const keepsHours = (site: Pick<SiteConfig, 'counters'>, counter: string): boolean =>
  site.counters.find((candidate) => candidate.id === counter)?.byHour ?? true;

/**
 * A visit or check-out counted now: a tap at the door, a check-out, or staff's correction of
 * who is here. By hour unless the site's counter says otherwise.
 */
export function presenceEvent(
  site: Pick<SiteConfig, 'counters'>,
  counter: 'visit' | 'checkout',
  delta: number,
  source: 'door' | 'staff',
  at: number,
  { day, hour }: DayAndHour,
): TallyEvent {
  const event: TallyEvent = { day, at, counter, delta, source };
  if (keepsHours(site, counter)) event.hour = hour;
  return event;
}

/** One visitor tapping in at the door. */
export function checkInEvent(
  site: Pick<SiteConfig, 'counters'>,
  at: number,
  when: DayAndHour,
): TallyEvent {
  return presenceEvent(site, 'visit', 1, 'door', at, when);
}

/**
 * The visitor's answer to the check-in question moves their check-in to the answer's key: a
 * −1 on the check-in's key and a +1 on the answer's (its option, or the counter it counts
 * as), both refining the check-in (its id, given once recorded). None when the answer is
 * not (or no longer) an option.
 */
export function answerEvents(
  site: Pick<SiteConfig, 'counters' | 'question'>,
  checkIn: TallyEvent & { id?: string },
  optionId: string,
  at: number,
): TallyEvent[] {
  const option = site.question?.options.find((candidate) => candidate.id === optionId);
  if (option === undefined) return [];
  const target = option.countsAs ?? checkIn.counter;
  const refines = checkIn.id;
  const moved: TallyEvent = {
    day: checkIn.day,
    at,
    counter: target,
    delta: 1,
    source: 'door',
    refines,
  };
  if (option.countsAs === undefined) moved.option = option.id;
  const targetCounter = site.counters.find((counter) => counter.id === target);
  if (checkIn.hour !== undefined && (targetCounter?.byHour ?? false)) moved.hour = checkIn.hour;
  const undo: TallyEvent = {
    day: checkIn.day,
    at,
    counter: checkIn.counter,
    delta: -1,
    source: 'door',
    refines,
  };
  if (checkIn.option !== undefined) undo.option = checkIn.option;
  if (checkIn.hour !== undefined) undo.hour = checkIn.hour;
  return [undo, moved];
}
