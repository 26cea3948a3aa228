import { describe, expect, it } from 'vitest';
import {
  amountFor,
  dayTotals,
  netFor,
  visitsByWeekdayAverage,
  visitsPerHour,
  yearReport,
  type DayTotals,
} from '../../src/domain/reports';
import type { TallyCounts } from '../../src/domain/tally';

const visitDay = (date: string, visits: number, extra: TallyCounts[] = []): DayTotals => ({
  date,
  totals: dayTotals([{ counter: 'visit', hour: 12, inc: visits, dec: 0 }, ...extra]),
});

describe('a day in totals', () => {
  const totals = dayTotals([
    { counter: 'visit', option: 'first-time', hour: 11, inc: 2, dec: 0 },
    { counter: 'visit', hour: 13, inc: 6, dec: 1 },
    { counter: 'bingo', option: 'cash', inc: 5, dec: 1, incNok: 50, decNok: 10 },
    { counter: 'bingo', option: 'vipps', inc: 3, dec: 0, incNok: 30, decNok: 0 },
  ]);

  it('reads the whole-day net and kroner of a counter or one of its options', () => {
    expect(netFor(totals, 'visit')).toBe(7);
    expect(netFor(totals, 'visit', 'first-time')).toBe(2);
    expect(netFor(totals, 'bingo')).toBe(7);
    expect(amountFor(totals, 'bingo')).toBe(70);
    expect(amountFor(totals, 'bingo', 'vipps')).toBe(30);
  });

  it('reads 0 for a counter that had nothing', () => {
    expect(netFor(totals, 'middag')).toBe(0);
    expect(amountFor(totals, 'visit')).toBe(0);
  });

  it('gives visits per hour with the hours between as 0', () => {
    expect(visitsPerHour(totals)).toEqual([
      { hour: 11, visits: 2 },
      { hour: 12, visits: 0 },
      { hour: 13, visits: 5 },
    ]);
    expect(visitsPerHour([])).toEqual([]);
  });
});

describe('the year report', () => {
  const days: DayTotals[] = [
    visitDay('2025-12-31', 99),
    visitDay('2026-01-05', 20, [{ counter: 'middag', inc: 18, dec: 0 }]),
    visitDay('2026-01-06', 25, [{ counter: 'brodmat', inc: 20, dec: 0 }]),
    visitDay('2026-01-08', 30, [
      { counter: 'bingo', option: 'cash', inc: 12, dec: 0, incNok: 120, decNok: 0 },
      { counter: 'bingo', option: 'vipps', inc: 4, dec: 0, incNok: 40, decNok: 0 },
    ]),
    visitDay('2026-01-09', 15, [{ counter: 'middag', inc: 14, dec: 1 }]),
    visitDay('2026-01-12', 25),
    visitDay('2026-01-13', 40),
    { date: '2026-01-14', totals: dayTotals([{ counter: 'middag', inc: 3, dec: 0 }]) },
    visitDay('2027-01-04', 50),
  ];
  const report = yearReport(days, 2026, {
    mealCounters: ['middag', 'brodmat'],
    saleCounters: ['bingo'],
  });

  it('counts opening days as days with at least one visit, in that year only', () => {
    expect(report.openingDays).toBe(6);
    expect(report.visits).toBe(155);
    expect(report.averageVisits).toBeCloseTo(155 / 6);
  });

  it('lists the five busiest days, the earlier first on a tie', () => {
    expect(report.busiestDays).toEqual([
      { date: '2026-01-13', visits: 40 },
      { date: '2026-01-08', visits: 30 },
      { date: '2026-01-06', visits: 25 },
      { date: '2026-01-12', visits: 25 },
      { date: '2026-01-05', visits: 20 },
    ]);
  });

  it('sums meals per meal counter and income over the sale counters', () => {
    expect(report.meals).toEqual({ middag: 34, brodmat: 20 });
    expect(report.bingoIncomeNok).toBe(160);
  });

  it('is all zeros for a year without days', () => {
    expect(yearReport(days, 2020)).toEqual({
      openingDays: 0,
      visits: 0,
      averageVisits: 0,
      busiestDays: [],
      meals: {},
      bingoIncomeNok: 0,
    });
  });
});

describe('visits by weekday', () => {
  it('averages over the days with visits, Monday first', () => {
    const averages = visitsByWeekdayAverage([
      visitDay('2026-01-05', 20),
      visitDay('2026-01-12', 30),
      visitDay('2026-01-08', 12),
      { date: '2026-01-15', totals: [] },
    ]);
    expect(averages).toHaveLength(7);
    expect(averages[0]).toEqual({ weekday: 1, days: 2, average: 25 });
    expect(averages[3]).toEqual({ weekday: 4, days: 1, average: 12 });
    expect(averages[6]).toEqual({ weekday: 7, days: 0, average: 0 });
  });
});
