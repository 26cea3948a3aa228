/**
 * Owns the events staff create on the tally screen: an input (tap, back-fill), a correction
 * with its reason and the undo of an earlier event. Pure: it never stores or edits an event.
 * Kept apart from door-events.ts so that staff's rules load with staff mode, not the door.
 */
import type { Counter, CounterOption } from '../shared/site-config';
import {
  CORRECTION_REASONS,
  type CorrectionReason,
  type DayAndHour,
  type EventSource,
  type TallyEvent,
} from './door-events';
import { volunteerCounters, type VolunteerShift } from './volunteer-hours';

/** One +1 on the tally screen: a counter, or one option of it. */
export interface TallyTarget {
  counter: Counter;
  option?: CounterOption;
}

/**
 * A staff input on the tally screen: ±n on a counter (or option), with its price times n in
 * kroner where it is a sale. By hour where the counter keeps hours and `when` has an hour; a
 * back-filled day (`{ day }` alone) has no hour to put it in, and the day total carries it.
 */
export function tallyInputEvent(
  target: TallyTarget,
  delta: number,
  source: EventSource,
  at: number,
  when: { day: string; hour?: number },
): TallyEvent {
  const event: TallyEvent = { day: when.day, at, counter: target.counter.id, delta, source };
  if (target.option) event.option = target.option.id;
  if (target.counter.byHour && when.hour !== undefined) event.hour = when.hour;
  if (target.counter.priceNok !== undefined) event.nok = target.counter.priceNok * delta;
  return event;
}

/** Staff's −1 on today's count, with a reason from the fixed list (any other is refused). */
export function correctionEvent(
  target: TallyTarget,
  reason: CorrectionReason,
  at: number,
  when: DayAndHour,
): TallyEvent {
  if (!CORRECTION_REASONS.includes(reason)) throw new RangeError(`Unknown reason: ${reason}`);
  return { ...tallyInputEvent(target, -1, 'staff', at, when), reason };
}

/** The undo of an event: the same day, key and kroner, the opposite delta, made by staff. */
export function undoEvent(event: TallyEvent, at: number): TallyEvent {
  const undo: TallyEvent = {
    day: event.day,
    at,
    counter: event.counter,
    delta: -event.delta,
    source: 'staff',
  };
  if (event.option !== undefined) undo.option = event.option;
  if (event.hour !== undefined) undo.hour = event.hour;
  if (event.nok !== undefined) undo.nok = -event.nok;
  return undo;
}

/**
 * A volunteer shift as additions on the fixed volunteer counters (people, whole minutes), so
 * two tablets' shifts sum; with a reason, the same numbers taken back as a correction.
 */
export function shiftEvents(
  shift: VolunteerShift,
  at: number,
  when: DayAndHour,
  correction?: CorrectionReason,
): TallyEvent[] {
  const sign = correction === undefined ? 1 : -1;
  const [volunteers, minutes] = volunteerCounters();
  const amounts: [Counter, number][] = [
    [volunteers!, shift.volunteers],
    [minutes!, shift.minutes],
  ];
  return amounts
    .filter(([, amount]) => amount !== 0)
    .map(([counter, amount]) => {
      const event = tallyInputEvent({ counter }, sign * amount, 'staff', at, when);
      return correction === undefined ? event : { ...event, reason: correction };
    });
}
