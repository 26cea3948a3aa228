/**
 * Totals for the lead's screens: a day's or a range's totals from this tablet's tally state
 * (every replica in the database, frozen ones included), or from the endpoint when the caller
 * passes the sync layer's reader. It says which it shows; it never reads raw events.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IsoDate } from '../domain/business-day.ts';
import { dayTotals, type DayTotals } from '../domain/reports.ts';
import type { SiteDay, Total } from '../shared/protocol.ts';
import type { KioskStore } from './kiosk-store.ts';

/** Where shown totals come from: this tablet's database, or the endpoint's sums over all tablets. */
export type TotalsSource = 'endpoint' | 'tablet';

/** One day's totals and where they come from. */
export interface SiteTotals {
  source: TotalsSource;
  totals: Total[];
}

/** A day's totals and, where it was closed, its closing with the cash the lead counted. */
export interface ClosedDayTotals extends DayTotals {
  closed?: boolean;
  cashCountedNok?: number;
}

/** A range's days (only those with counts) and where they come from. */
export interface RangeTotals {
  source: TotalsSource;
  days: ClosedDayTotals[];
}

/** Reads the endpoint's site totals (PROTOCOL.md "Reading"); rejects when it can't be reached. */
export type EndpointTotalsReader = (from: IsoDate, to: IsoDate) => Promise<SiteDay[]>;

/** This tablet's totals per day over a range: the roll-up of every replica's tally rows. */
export async function tabletDays(
  store: KioskStore,
  from: IsoDate,
  to: IsoDate,
): Promise<ClosedDayTotals[]> {
  if (to < from) return [];
  const [{ db }, { countsByDayBetween, dayRowsBetween }] = await Promise.all([
    store.storage(),
    import('../storage/index.ts'),
  ]);
  const [days, rows] = await Promise.all([
    countsByDayBetween(db, from, to),
    dayRowsBetween(db, from, to),
  ]);
  // Of the replicas that closed a day, the latest closing's counted cash stands (as on the endpoint).
  const closings = new Map<IsoDate, { at: number; cashCountedNok?: number }>();
  for (const row of rows) {
    if (row.closedAt === undefined || (closings.get(row.day)?.at ?? -1) > row.closedAt) continue;
    closings.set(row.day, { at: row.closedAt, cashCountedNok: row.cashCountedNok });
  }
  return days.map(({ day, counts }) => {
    const closing = closings.get(day);
    const totals = { date: day, totals: dayTotals(counts) };
    return closing === undefined
      ? totals
      : { ...totals, closed: true, cashCountedNok: closing.cashCountedNok };
  });
}

/** A range's totals: the endpoint's where a reader is given and answers, else the tablet's. */
export async function rangeTotals(
  store: KioskStore,
  from: IsoDate,
  to: IsoDate,
  reader?: EndpointTotalsReader,
): Promise<RangeTotals> {
  if (reader !== undefined) {
    try {
      const days = await reader(from, to);
      const read = days.map(({ date, totals, closed, cashCountedNok }) => ({
        date,
        totals,
        closed,
        cashCountedNok,
      }));
      return { source: 'endpoint', days: read };
    } catch {
      // Unreachable or refused: the tablet's own totals are the honest fallback.
    }
  }
  return { source: 'tablet', days: await tabletDays(store, from, to) };
}

/** One day's totals, from the endpoint where it answers, else from this tablet. */
export async function siteTotalsOf(
  store: KioskStore,
  day: IsoDate,
  reader?: EndpointTotalsReader,
): Promise<SiteTotals> {
  const { source, days } = await rangeTotals(store, day, day, reader);
  return { source, totals: days[0]?.totals ?? [] };
}

/** Loads something asynchronous for a component, again whenever a dependency changes. */
function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => current && setValue(loaded),
      () => current && setValue(undefined),
    );
    return () => {
      current = false;
    };
  }, deps);
  return value;
}

/** A day's totals for a screen; `refresh` reloads them (bump it after a change). */
export function useSiteTotals(
  store: KioskStore,
  day: IsoDate,
  refresh = 0,
  reader?: EndpointTotalsReader,
): SiteTotals | undefined {
  return useLoaded(() => siteTotalsOf(store, day, reader), [store, day, refresh, reader]);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A range's totals for a screen; undefined while loading or when the range is not one. */
export function useRangeTotals(
  store: KioskStore,
  from: IsoDate,
  to: IsoDate,
  refresh = 0,
  reader?: EndpointTotalsReader,
): RangeTotals | undefined {
  return useLoaded(
    () =>
      !ISO_DATE.test(from) || !ISO_DATE.test(to) || to < from
        ? Promise.reject(new RangeError('not a range'))
        : rangeTotals(store, from, to, reader),
    [store, from, to, refresh, reader],
  );
}

// The period arithmetic is a pure rule: it lives in the domain, re-exported for the screens.
export {
  isoWeekOf,
  periodKeyOf,
  PERIODS,
  sumTotals,
  totalsByPeriod,
  type Period,
  type PeriodTotals,
} from '../domain/periods.ts';
