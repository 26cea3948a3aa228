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

const DAY_MS = 86_400_000;

/**
 * A visitor's answer to one door question (`no-answer` for a skip or a time-out). The answer
 * is a +1 on the question's counter with the answer as its option, never by hour and never
 * tied to the check-in, its instant coarsened to its UTC day: so no key or event joins an
 * answer to an hour or to another answer. Only the site's own question may send the tap to
 * another counter (`countsAs`, a tidgiver is not a visitor): that answer instead moves the
 * check-in, a −1 on its key and a +1 on that counter's (by hour if that counter is), both
 * refining the check-in (its id, given once recorded). None when the site does not ask the
 * question or the answer is not (or no longer) one of the own question's. The user voice
 * (`brukerstemme`) is answered the same way; only the check-in's day is read for it.
 */
export function answerEvents(
  site: Pick<SiteConfig, 'counters' | 'questions'>,
  checkIn: TallyEvent & { id?: string },
  questionId: string,
  optionId: string,
  at: number,
): TallyEvent[] {
  const own = site.questions?.own;
  if (own?.id === questionId) {
    const option = own.options.find((candidate) => candidate.id === optionId);
    if (option?.countsAs !== undefined) return moveEvents(site, checkIn, option.countsAs, at);
    if (option === undefined && optionId !== 'no-answer') return [];
  } else if (
    questionId !== 'brukerstemme' &&
    !site.questions?.ready.includes(questionId as never)
  ) {
    return [];
  }
  return [answerEvent(checkIn.day, questionId, optionId, at)];
}

/**
 * One answer counted on its own: +1 on the counter's option, never by hour, its instant
 * coarsened to its UTC day (a door question's answer, a face of the user voice).
 */
export function answerEvent(day: string, counter: string, option: string, at: number): TallyEvent {
  return { day, at: at - (at % DAY_MS), counter, option, delta: 1, source: 'door' };
}

// The check-in moved to another counter: undone on its own key, counted on the target's.
function moveEvents(
  site: Pick<SiteConfig, 'counters'>,
  checkIn: TallyEvent & { id?: string },
  target: string,
  at: number,
): TallyEvent[] {
  const refines = checkIn.id;
  const moved: TallyEvent = {
    day: checkIn.day,
    at,
    counter: target,
    delta: 1,
    source: 'door',
    refines,
  };
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
