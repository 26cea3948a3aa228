/**
 * Closing the business day on this tablet: the closing itself (this tablet's own replica only)
 * with the counted cash, and the day's note, which stays on this tablet. The figures and the
 * reading of the cash are the domain's (domain/closing.ts); a refused entry stores nothing.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { IsoDate } from '../domain/business-day.ts';
import { parseCountedCash, type CashProblem } from '../domain/closing.ts';
import {
  closeDay,
  dayRow,
  doorVisitsAfter,
  noteOn,
  reopenDay,
  saveNote,
} from '../storage/index.ts';
import type { KioskStore } from './kiosk-store.ts';
import { rememberOpening } from './opening-snapshot.ts';

export {
  CASH_OPTION,
  cashDifference,
  closingSummary,
  parseCountedCash,
  type CashParse,
  type CashProblem,
  type ClosingFigure as CounterFigure,
  type ClosingSummary,
} from '../domain/closing.ts';

/** This tablet's closing of a day and what happened after it. */
export interface ClosingRecord {
  closedAt?: number;
  cashCountedNok?: number;
  /** Door visits recorded after the closing (from raw events while they are kept). */
  visitsAfterClosing: number;
  note: string;
}

/** Reads this tablet's closing of a day, the visits after it and the day's note. */
export async function loadClosingRecord(store: KioskStore, day: IsoDate): Promise<ClosingRecord> {
  const { db, replica } = await store.storage();
  const row = await dayRow(db, replica, day);
  const record: ClosingRecord = { visitsAfterClosing: 0, note: await noteOn(db, day) };
  if (row?.closedAt !== undefined) {
    record.closedAt = row.closedAt;
    record.visitsAfterClosing = await doorVisitsAfter(db, replica, day, row.closedAt);
  }
  if (row?.cashCountedNok !== undefined) record.cashCountedNok = row.cashCountedNok;
  return record;
}

/** Whether this tablet has closed a day (the door shows later taps as "after closing"). */
export async function isDayClosed(store: KioskStore, day: IsoDate): Promise<boolean> {
  const { db, replica } = await store.storage();
  return (await dayRow(db, replica, day))?.closedAt !== undefined;
}

export type CloseOutcome = { ok: true } | { ok: false; problem: CashProblem };

/**
 * Closes a day on this tablet's own replica with the counted cash. A refused entry stores
 * nothing. Closing again replaces the earlier closing (a later `at` wins in sync too).
 */
export async function closeTheDay(
  store: KioskStore,
  day: IsoDate,
  countedText: string,
  cashExpectedNok: number,
): Promise<CloseOutcome> {
  const parsed = parseCountedCash(countedText, cashExpectedNok > 0);
  if (!parsed.ok) return parsed;
  await store.write(({ db, replica }) =>
    closeDay(db, replica, day, {
      at: store.now(),
      ...(parsed.nok !== undefined ? { cashCountedNok: parsed.nok } : {}),
    }),
  );
  // The day's opening as its schedule has it now, when the day is today (kept once).
  await rememberOpening(store, day).catch(() => false);
  return { ok: true };
}

/** Reopens a day this tablet closed. */
export async function reopenTheDay(store: KioskStore, day: IsoDate): Promise<void> {
  await store.write(({ db, replica }) => reopenDay(db, replica, day, store.now()));
}

/** Saves the day's note on this tablet (never synced, never in a backup). */
export async function saveDayNote(store: KioskStore, day: IsoDate, text: string): Promise<void> {
  await store.write(({ db }) => saveNote(db, day, text));
}

/** A day's closing record for a screen, with `reload` for after a change. */
export function useClosingRecord(
  store: KioskStore,
  day: IsoDate,
): { record: ClosingRecord | undefined; reload(): void; version: number } {
  const [version, setVersion] = useState(0);
  const [record, setRecord] = useState<ClosingRecord | undefined>(undefined);
  // A day first seen by staff keeps today's opening snapshot (off the tap's path).
  useEffect(() => void rememberOpening(store, day).catch(() => false), [store, day]);
  useEffect(() => {
    let current = true;
    loadClosingRecord(store, day).then(
      (loaded) => current && setRecord(loaded),
      () => current && setRecord(undefined),
    );
    return () => {
      current = false;
    };
  }, [store, day, version]);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { record, reload, version };
}
