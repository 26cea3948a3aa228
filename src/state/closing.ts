/**
 * Closing the business day: the figures the lead checks, the counted cash against what the
 * cash boards should have brought in, the closing itself (this tablet's own replica only)
 * and the day's note, which stays on this tablet. Bad input is refused before anything is stored.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { IsoDate } from '../domain/business-day.ts';
import { amountFor, netFor, visitsPerHour } from '../domain/reports.ts';
import type { Total } from '../shared/protocol.ts';
import type { Counter } from '../shared/site-config.ts';
import { closeDay, doorVisitsAfter, reopenDay } from '../storage/days.ts';
import { noteOn, saveNote } from '../storage/notes.ts';
import { dayRow } from '../storage/tally.ts';
import type { KioskStore } from './kiosk-store.ts';

/** The option of a sale counter whose kroner the lead finds in the cash box. */
export const CASH_OPTION = 'cash';

/** A counter's whole-day figure and, where it has options, one per option. */
export interface CounterFigure {
  counter: Counter;
  net: number;
  options: Array<{ id: string; name: Counter['name']; net: number; amountNok?: number }>;
  amountNok?: number;
}

/** The figures the closing screen shows, from a day's totals and the site's counters. */
export interface ClosingSummary {
  visits: CounterFigure | undefined;
  visitsPerHour: Array<{ hour: number; visits: number }>;
  meals: CounterFigure[];
  sales: CounterFigure[];
  activities: CounterFigure[];
  /** Kroner of the sale counters' cash option: what the cash box should hold. */
  cashExpectedNok: number;
}

function figureOf(counter: Counter, totals: readonly Total[]): CounterFigure {
  const figure: CounterFigure = {
    counter,
    net: netFor(totals, counter.id),
    options: (counter.options ?? []).map((option) => {
      const row: CounterFigure['options'][number] = {
        id: option.id,
        name: option.name,
        net: netFor(totals, counter.id, option.id),
      };
      if (counter.kind === 'sale') row.amountNok = amountFor(totals, counter.id, option.id);
      return row;
    }),
  };
  if (counter.kind === 'sale') figure.amountNok = amountFor(totals, counter.id);
  return figure;
}

/** Groups a day's totals by the kinds of counter the site has. */
export function closingSummary(
  totals: readonly Total[],
  counters: readonly Counter[],
): ClosingSummary {
  const visit = counters.find((counter) => counter.id === 'visit');
  const ofKind = (kind: Counter['kind']) =>
    counters.filter((counter) => counter.kind === kind).map((counter) => figureOf(counter, totals));
  const sales = ofKind('sale');
  return {
    visits: visit === undefined ? undefined : figureOf(visit, totals),
    visitsPerHour: visitsPerHour(totals),
    meals: ofKind('meal'),
    sales,
    activities: ofKind('activity'),
    cashExpectedNok: sales.reduce(
      (sum, sale) =>
        sum + (sale.options.find((option) => option.id === CASH_OPTION)?.amountNok ?? 0),
      0,
    ),
  };
}

/** Why a counted-cash entry was refused. */
export type CashProblem = 'missing' | 'not-a-number' | 'negative' | 'not-whole';

export type CashParse = { ok: true; nok: number | undefined } | { ok: false; problem: CashProblem };

/**
 * Reads what the lead typed as counted cash: whole kroner, spaces allowed ("1 200"), "kr"
 * allowed. Empty is "not counted", refused only when cash was expected.
 */
export function parseCountedCash(text: string, cashExpected: boolean): CashParse {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(/kr\.?$/i, '');
  if (cleaned === '')
    return cashExpected ? { ok: false, problem: 'missing' } : { ok: true, nok: undefined };
  if (/^[-−]/.test(cleaned) && /^[-−]\d+([.,]\d+)?$/.test(cleaned)) {
    return { ok: false, problem: 'negative' };
  }
  if (/^\d+[.,]\d+$/.test(cleaned)) {
    return /^\d+[.,]0+$/.test(cleaned)
      ? { ok: true, nok: Number.parseInt(cleaned, 10) }
      : { ok: false, problem: 'not-whole' };
  }
  if (!/^\d{1,9}$/.test(cleaned)) return { ok: false, problem: 'not-a-number' };
  return { ok: true, nok: Number(cleaned) };
}

/** What the lead counted minus what was expected: positive means more cash than boards. */
export function cashDifference(expectedNok: number, countedNok: number): number {
  return countedNok - expectedNok;
}

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
  return { ok: true };
}

/** Reopens a day this tablet closed. */
export async function reopenTheDay(store: KioskStore, day: IsoDate): Promise<void> {
  await store.write(({ db, replica }) => reopenDay(db, replica, day));
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
