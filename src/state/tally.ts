/**
 * The volunteer's tally: which +1 buttons today has, the running totals across replicas, and
 * every staff write — tap, undo of this session's last tap, correction with a fixed reason and
 * back-fill from a paper sheet. All writes go through the kiosk store's `record`; nothing here
 * deletes or edits an event.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { rollUp } from '../domain/tally.ts';
import type { CorrectionReason } from '../domain/door-events.ts';
import {
  correctionEvent,
  shiftEvents,
  tallyInputEvent,
  undoEvent,
  type TallyTarget,
} from '../domain/tally-events.ts';
import { parseBackfillAmount, type BackfillProblem } from '../domain/tally-targets.ts';
import {
  parseVolunteerShift,
  type VolunteerCountRefusal,
  type VolunteerHoursRefusal,
  type VolunteerShift,
} from '../domain/volunteer-hours.ts';
import type { Total } from '../shared/protocol.ts';
import { countsOfDay, type EventInput } from '../storage/index.ts';
import type { KioskStorage, KioskStore, WriteOutcome } from './kiosk-store.ts';
import { observable, type Observable } from './observable.ts';
import { useLiveQuery } from './use-live-query.ts';

export { CORRECTION_REASONS, type CorrectionReason } from '../domain/door-events.ts';
export type { TallyTarget } from '../domain/tally-events.ts';
export {
  BACKFILL_MAX,
  isStaffAdded,
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
  | { ok: false; problem: BackfillProblem | 'future-day' | 'bad-day' };

export interface TallyActions {
  /** This session's last tap, while it can still be undone. */
  lastTap: Observable<TallyWrite | undefined>;
  tap(target: TallyTarget): Promise<TallyWrite>;
  /** A −1 with the same key and kroner as the last tap; undefined when there is none. */
  undo(): Promise<TallyWrite | undefined>;
  /** A −1 on today's count with a reason from the fixed list. */
  correct(target: TallyTarget, reason: CorrectionReason): Promise<TallyWrite>;
  /** +n for a day from a paper tally sheet; refused with a reason when n is not 1–10 000. */
  backfill(target: TallyTarget, day: string, typedAmount: string): Promise<BackfillResult>;
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

/** A staff session's tally writes (one per sign-in, so undo never reaches another's tap). */
export function createTallyActions(store: KioskStore): TallyActions {
  const lastTap = observable<TallyWrite | undefined>(undefined);
  let lastEvent: EventInput | undefined;

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
      const write = written(target, 'tap', outcome);
      lastEvent = outcome.events[0];
      lastTap.set(write);
      return write;
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
      return written(target, 'correction', await store.record([event]));
    },

    async backfill(target, day, typedAmount) {
      if (!ISO_DAY.test(day)) return { ok: false, problem: 'bad-day' };
      const now = store.now();
      if (day > store.dayOf(now).day) return { ok: false, problem: 'future-day' };
      const parsed = parseBackfillAmount(typedAmount);
      if (!parsed.ok) return parsed;
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

/** The kiosk's open storage once it is ready (undefined before, or when it cannot open). */
export function useStorage(store: KioskStore): KioskStorage | undefined {
  const [storage, setStorage] = useState<KioskStorage | undefined>(undefined);
  useEffect(() => {
    let current = true;
    store.storage().then(
      (ready) => current && setStorage(ready),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [store]);
  return storage;
}

/** A day's totals summed over every replica on this tablet, re-read after every write. */
export function useDayTotals(store: KioskStore, day: string): Total[] | undefined {
  const storage = useStorage(store);
  const counts = useLiveQuery(storage ? () => countsOfDay(storage.db, day) : undefined, [
    storage,
    day,
  ]);
  return useMemo(() => (counts ? rollUp(counts) : undefined), [counts]);
}

/** The net count (and kroner) of a counter, or one of its options, in a day's totals. */
export function totalOf(
  totals: readonly Total[] | undefined,
  counter: string,
  option?: string,
): { net: number; amountNok?: number } {
  const found = totals?.find(
    (total) => total.counter === counter && total.option === option && total.hour === undefined,
  );
  if (found === undefined) return { net: 0 };
  return found.amountNok === undefined
    ? { net: found.net }
    : { net: found.net, amountNok: found.amountNok };
}
