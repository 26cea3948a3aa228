/**
 * What the month totals' migration must keep, for either store: a database whose site-days were
 * rolled up into `site_day_totals` before `site_month_totals` existed answers a period's sums
 * right after the upgrade, because every kept site-day is marked again and the first reading
 * sums its months. month-totals-migration.test.ts runs it on SQLite, postgres-store.test.ts on
 * PostgreSQL; each writes OLD_DAYS in its own dialect's count rows.
 */
import { expect } from 'vitest';
import { COUNT_COLUMNS } from '../../../src/server/store/schema.ts';
import { siteDayTotals } from '../../../src/server/store/site-days.ts';
import { mergeDayCounts, type DayCounts } from '../../../src/server/store/sqlite-day-counts.ts';
import { countRow, type Store, type StoredCount } from '../../../src/server/store/index.ts';
import type { Count } from '../../../src/shared/protocol.ts';

export const OLD_SITE = 'hjerterom-alta';

const REPLICAS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

/** Two replicas' counts on three dates of three months, as an endpoint before it kept them. */
export const OLD_DAYS: ReadonlyArray<{ date: string; replica: string; counts: Count[] }> = [
  {
    date: '2025-01-31',
    replica: REPLICAS[0]!,
    counts: [
      { counter: 'visit', hour: 12, inc: 3, dec: 0 },
      { counter: 'bingo', option: 'cash', inc: 2, dec: 0, incNok: 40, decNok: 0 },
    ],
  },
  {
    date: '2025-02-10',
    replica: REPLICAS[0]!,
    counts: [{ counter: 'visit', option: 'first-time', inc: 4, dec: 0 }],
  },
  { date: '2025-02-10', replica: REPLICAS[1]!, counts: [{ counter: 'visit', inc: 2, dec: 1 }] },
  { date: '2025-03-01', replica: REPLICAS[1]!, counts: [{ counter: 'middag', inc: 5, dec: 0 }] },
];

type Row = { sql: string; params: unknown[] };

/**
 * OLD_DAYS's count rows in a dialect's table: SQLite's one JSON row per replica and day,
 * PostgreSQL's one row per key.
 */
export function oldCountRows(dialect: 'sqlite' | 'postgres'): Row[] {
  if (dialect === 'sqlite') {
    return OLD_DAYS.map((day) => {
      const counts: DayCounts = {};
      mergeDayCounts(counts, day.counts);
      return {
        sql: 'INSERT INTO day_counts (site, date, replica, counts) VALUES ($1, $2, $3, $4)',
        params: [OLD_SITE, day.date, day.replica, JSON.stringify(counts)],
      };
    });
  }
  return OLD_DAYS.flatMap((day) =>
    day.counts.map((count) => {
      const row = countRow(count);
      return {
        sql: `INSERT INTO counts (${COUNT_COLUMNS})
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        params: [
          ...[OLD_SITE, day.replica, day.date, row.counter, row.option, row.hour],
          ...[row.inc, row.dec, row.incNok, row.decNok, row.hasNok],
        ],
      };
    }),
  );
}

/**
 * The site and OLD_DAYS's rows in the dialect's tables as an endpoint of schema "site-day
 * totals kept for reading" left them after a reading: the counts, and each date's rolled-up
 * totals with no mark left (migrations to that schema must have run).
 */
export function oldKeptRows(dialect: 'sqlite' | 'postgres'): Row[] {
  const byDate = new Map<string, StoredCount[]>();
  for (const day of OLD_DAYS) {
    const counts = day.counts.map((count) => ({ ...count, date: day.date, replica: day.replica }));
    byDate.set(day.date, [...(byDate.get(day.date) ?? []), ...counts]);
  }
  return [
    {
      sql: 'INSERT INTO sites (slug, name, created_at) VALUES ($1, $2, $3)',
      params: [OLD_SITE, 'Hjerterom Alta', '2025-01-01T10:00:00.000Z'],
    },
    ...oldCountRows(dialect),
    ...[...byDate].map(([date, counts]) => {
      const kept = siteDayTotals(counts)!;
      return {
        sql: `INSERT INTO site_day_totals (site, date, replicas, totals, daily)
              VALUES ($1, $2, $3, $4, $5)`,
        params: [OLD_SITE, date, kept.replicas, kept.totals, kept.daily],
      };
    }),
  ];
}

/** The upgraded store's sums of OLD_DAYS: a whole year, a whole month, and edges around one. */
export async function expectSumsAfterUpgrade(store: Store): Promise<void> {
  expect(await store.readSiteSums(OLD_SITE, '2025-01-01', '2025-12-31')).toEqual({
    days: 3,
    totals: [
      { counter: 'bingo', net: 2, amountNok: 40 },
      { counter: 'bingo', option: 'cash', net: 2, amountNok: 40 },
      { counter: 'visit', net: 8 },
      { counter: 'visit', option: 'first-time', net: 4 },
      { counter: 'middag', net: 5 },
    ],
  });
  expect(await store.readSiteSums(OLD_SITE, '2025-02-01', '2025-02-28')).toEqual({
    days: 1,
    totals: [
      { counter: 'visit', net: 5 },
      { counter: 'visit', option: 'first-time', net: 4 },
    ],
  });
  expect(await store.readSiteSums(OLD_SITE, '2025-01-31', '2025-03-01')).toMatchObject({
    days: 3,
  });
}
