/**
 * The volunteer's tally: which +1 buttons today has and every staff write — tap, undo of this
 * session's last tap, correction with a fixed reason and back-fill from a paper sheet (the
 * running totals across replicas are read in day-totals.ts). All writes go through the kiosk
 * store's `record`; nothing here deletes or edits an event.
 */
import type { CorrectionReason } from '../domain/door-events.ts';
import {
  correctionEvent,
  shiftEvents,
  tallyInputEvent,
  undoEvent,
  type TallyTarget,
} from '../domain/tally-events.ts';
import {
  CONFIRM_ABOVE,
  earliestBackfillDay,
  parseBackfillAmount,
  type BackfillProblem,
} from '../domain/tally-targets.ts';
import {
  parseVolunteerShift,
  type VolunteerCountRefusal,
  type VolunteerHoursRefusal,
  type VolunteerShift,
} from '../domain/volunteer-hours.ts';
import type { EventInput } from '../storage/index.ts';
import type { KioskStore, WriteOutcome } from './kiosk-store.ts';
import { observable, type Observable } from './observable.ts';
import type { StaffRole } from './pins.ts';

export { CORRECTION_REASONS, type CorrectionReason } from '../domain/door-events.ts';
export type { TallyTarget } from '../domain/tally-events.ts';
export {
  BACKFILL_MAX,
  CONFIRM_ABOVE,
  isStaffAdded,
  shiftNeedsConfirming,
  parseBackfillAmount,
  tallyTargets,
  targetKey,
  type BackfillProblem,
} from '../domain/tally-targets.ts';

/** What a staff write did, for the screen's confirmation. */
export interface TallyWrite {
  target: TallyTarget;
  delta: number;
  stored: boolean;
  kind: 'tap' | 'undo' | 'correction' | 'backfill';
  day: string;
}

/** A shift's volunteers and minutes added (or taken back), or why it was refused. */
export type ShiftResult =
  | { ok: true; shift: VolunteerShift; stored: boolean; correction: boolean }
  | { ok: false; reason: VolunteerHoursRefusal | VolunteerCountRefusal };

export type BackfillResult =
  | { ok: true; write: TallyWrite }
  | { ok: false; problem: 'confirm'; amount: number }
  | { ok: false; problem: BackfillProblem | 'future-day' | 'bad-day' | 'too-old' };

export interface TallyActions {
  /** This session's last tap or correction, while it can still be undone. */
  lastTap: Observable<TallyWrite | undefined>;
  tap(target: TallyTarget): Promise<TallyWrite>;
  /** The last tap or correction taken back (same key and kroner); undefined when none. */
  undo(): Promise<TallyWrite | undefined>;
  /** A −1 on today's count with a reason from the fixed list. */
  correct(target: TallyTarget, reason: CorrectionReason): Promise<TallyWrite>;
  /**
   * +n for a day from a paper tally sheet; refused with a reason when n is not 1–10 000, or
   * the day is more than yesterday for a volunteer. Above `CONFIRM_ABOVE` it stores
   * nothing until called again `confirmed`.
   */
  backfill(
    target: TallyTarget,
    day: string,
    typedAmount: string,
    confirmed?: boolean,
  ): Promise<BackfillResult>;
  /** The earliest day this session's role may back-fill (undefined: any day). */
  earliestBackfill(today: string): string | undefined;
  /**
   * A shift's volunteers and typed hours added to today's `frivillige` and `frivillig-minutter`
   * in one write (whole minutes); with a reason, the same numbers taken back as a correction.
   * Refused (nothing stored) when negative, not a number or over 24 hours a volunteer.
   */
  addShift(
    typedVolunteers: string,
    typedHours: string,
    correction?: CorrectionReason,
  ): Promise<ShiftResult>;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A staff session's tally writes (one per sign-in, so undo never reaches another's tap). A
 * volunteer back-fills today and yesterday; the lead any day.
 */
export function createTallyActions(store: KioskStore, role: StaffRole = 'lead'): TallyActions {
  const lastTap = observable<TallyWrite | undefined>(undefined);
  let lastEvent: EventInput | undefined;
  const earliestBackfill = (today: string) => earliestBackfillDay(today, role === 'lead');

  // Undo and correction agree on "last": both taps and corrections are what undo takes back.
  function remember(write: TallyWrite, outcome: WriteOutcome): TallyWrite {
    lastEvent = outcome.events[0];
    lastTap.set(write);
    return write;
  }

  function written(
    target: TallyTarget,
    kind: TallyWrite['kind'],
    outcome: WriteOutcome,
  ): TallyWrite {
    const event = outcome.events[0]!;
    return { target, kind, delta: event.delta, stored: outcome.stored, day: event.day };
  }

  return {
    lastTap,

    async tap(target) {
      const at = store.now();
      const outcome = await store.record([
        tallyInputEvent(target, 1, 'staff', at, store.dayOf(at)),
      ]);
      return remember(written(target, 'tap', outcome), outcome);
    },

    async undo() {
      const tap = lastTap.get();
      const event = lastEvent;
      if (tap === undefined || event === undefined) return undefined;
      // Cleared first: a second press while this one is saving must not undo twice.
      lastTap.set(undefined);
      lastEvent = undefined;
      return written(tap.target, 'undo', await store.record([undoEvent(event, store.now())]));
    },

    async correct(target, reason) {
      const at = store.now();
      const event = correctionEvent(target, reason, at, store.dayOf(at));
      const outcome = await store.record([event]);
      return remember(written(target, 'correction', outcome), outcome);
    },

    earliestBackfill,

    async backfill(target, day, typedAmount, confirmed = false) {
      if (!ISO_DAY.test(day)) return { ok: false, problem: 'bad-day' };
      const now = store.now();
      const today = store.dayOf(now).day;
      if (day > today) return { ok: false, problem: 'future-day' };
      if (day < (earliestBackfill(today) ?? day)) return { ok: false, problem: 'too-old' };
      const parsed = parseBackfillAmount(typedAmount);
      if (!parsed.ok) return parsed;
      if (parsed.amount > CONFIRM_ABOVE && !confirmed) {
        return { ok: false, problem: 'confirm', amount: parsed.amount };
      }
      const event = tallyInputEvent(target, parsed.amount, 'backfill', now, { day });
      const outcome = await store.record([event]);
      return { ok: true, write: written(target, 'backfill', outcome) };
    },

    async addShift(typedVolunteers, typedHours, correction) {
      const parsed = parseVolunteerShift(typedVolunteers, typedHours);
      if (!parsed.ok) return parsed;
      const { shift } = parsed;
      const at = store.now();
      const outcome = await store.record(shiftEvents(shift, at, store.dayOf(at), correction));
      return { ok: true, shift, stored: outcome.stored, correction: correction !== undefined };
    },
  };
}
