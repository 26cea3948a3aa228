import { describe, expect, it } from 'vitest';
import {
  isoWeekOf,
  periodKeyOf,
  provideEndpointTotals,
  rangeTotals,
  sumTotals,
  totalsByPeriod,
} from '../../src/state/reports.ts';
import { testKiosk } from '../support/kiosk.ts';
import { seedFrozen, seedThursday, THURSDAY, THURSDAY_1500 } from '../support/staff-seed.ts';

describe('periods', () => {
  it.each([
    ['2026-11-23', 2026, 48],
    ['2026-01-01', 2026, 1],
    ['2027-01-01', 2026, 53],
    ['2024-12-30', 2025, 1],
  ])('%s is in ISO week %i-%i', (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
  });

  it('keys a date by day, week, month and year', () => {
    expect(
      ['day', 'week', 'month', 'year'].map((p) => periodKeyOf('2026-11-26', p as 'day')),
    ).toEqual(['2026-11-26', '2026-W48', '2026-11', '2026']);
  });

  it('sums days into periods, kroner included', () => {
    const days = [
      { date: '2026-11-30', totals: [{ counter: 'visit', net: 3 }] },
      {
        date: '2026-11-23',
        totals: [
          { counter: 'visit', net: 4 },
          { counter: 'bingo', net: 2, amountNok: 20 },
        ],
      },
      {
        date: '2026-11-26',
        totals: [
          { counter: 'visit', net: 5 },
          { counter: 'bingo', net: 1, amountNok: 10 },
        ],
      },
    ];
    expect(totalsByPeriod(days, 'week')).toEqual([
      {
        key: '2026-W48',
        from: '2026-11-23',
        to: '2026-11-26',
        days: 2,
        totals: [
          { counter: 'visit', net: 9 },
          { counter: 'bingo', net: 3, amountNok: 30 },
        ],
      },
      {
        key: '2026-W49',
        from: '2026-11-30',
        to: '2026-11-30',
        days: 1,
        totals: [{ counter: 'visit', net: 3 }],
      },
    ]);
    expect(sumTotals([])).toEqual([]);
  });
});

describe('range totals', () => {
  it("sum this tablet's replica and its frozen ones, per day", async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const storage = await kiosk.storage;
    await seedThursday(storage);
    await seedFrozen(storage.db, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', [
      { day: THURSDAY, counter: 'visit', hour: 12, inc: 2 },
      { day: '2026-11-20', counter: 'visit', hour: 12, inc: 7 },
    ]);
    const { source, days } = await rangeTotals(kiosk.store, '2026-11-01', '2026-11-30');
    expect(source).toBe('tablet');
    expect(
      days.map((day) => [
        day.date,
        day.totals.find((t) => t.counter === 'visit' && t.hour === 12)?.net,
      ]),
    ).toEqual([
      ['2026-11-20', 7],
      ['2026-11-26', 10],
    ]);
  });

  it("use the endpoint's totals where a reader is provided and answers", async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const asked: string[] = [];
    provideEndpointTotals(kiosk.store, (from, to) => {
      asked.push(`${from}..${to}`);
      return Promise.resolve([
        { date: THURSDAY, replicas: 3, closed: true, totals: [{ counter: 'visit', net: 60 }] },
      ]);
    });
    expect(await rangeTotals(kiosk.store, '2026-11-01', '2026-11-30')).toEqual({
      source: 'endpoint',
      days: [{ date: THURSDAY, totals: [{ counter: 'visit', net: 60 }] }],
    });
    expect(asked).toEqual(['2026-11-01..2026-11-30']);
    provideEndpointTotals(kiosk.store, undefined);
    expect((await rangeTotals(kiosk.store, '2026-11-01', '2026-11-30')).source).toBe('tablet');
  });
});
