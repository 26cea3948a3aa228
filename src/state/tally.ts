/**
 * The volunteer's tally: which +1 buttons today has, the running totals across replicas, and
 * every staff write — tap, undo of this session's last tap, correction with a fixed reason and
 * back-fill from a paper sheet. All writes go through the kiosk store's `record`; nothing here
 * deletes or edits an event.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { countersOn } from '../domain/schedule.ts';
import { rollUp } from '../domain/tally.ts';
import type { Total } from '../shared/protocol.ts';
import type { Counter, CounterOption, SiteConfig } from '../shared/site-config.ts';
import { CORRECTION_REASONS, type CorrectionReason } from '../storage/database.ts';
import type { EventInput } from '../storage/events.ts';
import { countsOfDay } from '../storage/tally.ts';
import type { KioskStorage, KioskStore, WriteOutcome } from './kiosk-store.ts';
import { observable, type Observable } from './observable.ts';
import { useLiveQuery } from './use-live-query.ts';

export { CORRECTION_REASONS, type CorrectionReason };

/** One +1 on the tally screen: a counter, or one option of it. */
export interface TallyTarget {
  counter: Counter;
  option?: CounterOption;
}

/** Whether a target is a visit or check-out added by staff for someone who did not tap. */
export function isStaffAdded(target: TallyTarget): boolean {
  return target.counter.kind === 'visit' || target.counter.kind === 'checkout';
}

/**
 * The +1 buttons of a day: one per counter that is on, one per option where it has options.
 * Visits and check-outs get a single staff-added +1: the door's answers are the visitor's own.
 */
export function tallyTargets(config: SiteConfig, day: string): TallyTarget[] {
  return countersOn(config, day).flatMap((counter): TallyTarget[] => {
    if (isStaffAdded({ counter }) || !counter.options?.length) return [{ counter }];
    return counter.options.map((option) => ({ counter, option }));
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

/** What a staff write did, for the screen's confirmation. */
export interface TallyWrite {
  target: TallyTarget;
  delta: number;
  stored: boolean;
  kind: 'tap' | 'undo' | 'correction' | 'backfill';
  day: string;
}

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
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A staff session's tally writes (one per sign-in, so undo never reaches another's tap). */
export function createTallyActions(store: KioskStore): TallyActions {
  const lastTap = observable<TallyWrite | undefined>(undefined);
  let lastEvent: EventInput | undefined;

  function input(
    target: TallyTarget,
    delta: number,
    source: EventInput['source'],
    at: number,
    day?: string,
  ): Omit<EventInput, 'id'> {
    const here = store.dayOf(at);
    const event: Omit<EventInput, 'id'> = {
      day: day ?? here.day,
      at,
      counter: target.counter.id,
      delta,
      source,
    };
    if (target.option) event.option = target.option.id;
    // A back-filled day has no hour to put the count in; the day total still carries it.
    if (target.counter.byHour && day === undefined) event.hour = here.hour;
    if (target.counter.priceNok !== undefined) event.nok = target.counter.priceNok * delta;
    return event;
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
      const outcome = await store.record([input(target, 1, 'staff', store.now())]);
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
      const undo: Omit<EventInput, 'id'> = {
        day: event.day,
        at: store.now(),
        counter: event.counter,
        delta: -event.delta,
        source: 'staff',
      };
      if (event.option !== undefined) undo.option = event.option;
      if (event.hour !== undefined) undo.hour = event.hour;
      if (event.nok !== undefined) undo.nok = -event.nok;
      return written(tap.target, 'undo', await store.record([undo]));
    },

    async correct(target, reason) {
      if (!CORRECTION_REASONS.includes(reason)) throw new RangeError(`Unknown reason: ${reason}`);
      const event = { ...input(target, -1, 'staff', store.now()), reason };
      return written(target, 'correction', await store.record([event]));
    },

    async backfill(target, day, typedAmount) {
      if (!ISO_DAY.test(day)) return { ok: false, problem: 'bad-day' };
      const now = store.now();
      if (day > store.dayOf(now).day) return { ok: false, problem: 'future-day' };
      const parsed = parseBackfillAmount(typedAmount);
      if (!parsed.ok) return parsed;
      const outcome = await store.record([input(target, parsed.amount, 'backfill', now, day)]);
      return { ok: true, write: written(target, 'backfill', outcome) };
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
