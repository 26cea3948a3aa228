/**
 * Owns what the tally screen offers and accepts: which +1 buttons a day has and whether an
 * amount typed from a paper sheet is one it may back-fill. Pure: it never records anything.
 */
import type { SiteConfig } from '../shared/site-config';
import { addDays } from './business-day';
import { countersOn } from './schedule';
import type { TallyTarget } from './tally-events';
import { isVolunteerCounter } from './volunteer-hours';

/** Whether a target is a visit or check-out added by staff for someone who did not tap. */
export function isStaffAdded(target: TallyTarget): boolean {
  return target.counter.kind === 'visit' || target.counter.kind === 'checkout';
}

/**
 * The +1 buttons of a day: one per counter that is on, one per option that is on where it has
 * options (a counter whose options are all off offers none).
 * Visits and check-outs get a single staff-added +1: the door's answers are the visitor's own.
 * The volunteer counters have no +1: a shift is entered as numbers (`VolunteerShift`).
 */
export function tallyTargets(config: SiteConfig, day: string): TallyTarget[] {
  return countersOn(config, day).flatMap((counter): TallyTarget[] => {
    if (isVolunteerCounter(counter.id)) return [];
    if (isStaffAdded({ counter }) || !counter.options?.length) return [{ counter }];
    return counter.options
      .filter((option) => option.enabled !== false)
      .map((option) => ({ counter, option }));
  });
}

/** A stable key for a target, for lists and form values. */
export function targetKey(target: TallyTarget): string {
  return target.option ? `${target.counter.id}/${target.option.id}` : target.counter.id;
}

export const BACKFILL_MAX = 10_000;

export type BackfillProblem = 'empty' | 'not-whole' | 'too-small' | 'too-large';

/** A back-filled amount from a paper sheet: a whole number 1–10 000, or why not. */
export function parseBackfillAmount(
  typed: string,
): { ok: true; amount: number } | { ok: false; problem: BackfillProblem } {
  const text = typed.trim().replace(/\s/g, '');
  if (text === '') return { ok: false, problem: 'empty' };
  if (!/^[+-]?\d+$/.test(text)) return { ok: false, problem: 'not-whole' };
  const amount = Number(text);
  if (amount < 1) return { ok: false, problem: 'too-small' };
  if (amount > BACKFILL_MAX) return { ok: false, problem: 'too-large' };
  return { ok: true, amount };
}

/**
 * Back-fills and shift corrections above this many (volunteers, hours) ask to be confirmed
 * first: a slip of the finger adds a zero.
 */
export const CONFIRM_ABOVE = 5;

/** Whether taking back a shift asks first: more than `CONFIRM_ABOVE` volunteers or hours. */
export function shiftNeedsConfirming(shift: { volunteers: number; minutes: number }): boolean {
  return shift.volunteers > CONFIRM_ABOVE || shift.minutes > CONFIRM_ABOVE * 60;
}

/** The earliest day a back-fill may be for: yesterday for a volunteer, any day for the lead. */
export function earliestBackfillDay(today: string, lead: boolean): string | undefined {
  return lead ? undefined : addDays(today, -1);
}
