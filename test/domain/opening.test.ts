import { describe, expect, it } from 'vitest';
import { openingMinutesOf, openingSummary, type RecordedDay } from '../../src/domain/opening';
import { hjerteromAlta } from '../../src/domain/presets';
import type { SiteConfig } from '../../src/shared/site-config';
import { readHolidayFixture } from '../support/holiday-fixture';

// Hjerterom Alta's hours: Monday–Wednesday and Friday 11–15 (4 h), Thursday 11–21 (10 h).
const alta: SiteConfig = { ...hjerteromAlta, closedDates: [], openDates: [] };
const withChanges = (changes: Partial<SiteConfig>): SiteConfig => ({ ...alta, ...changes });
const states = (summary: ReturnType<typeof openingSummary>) =>
  summary.days.map((day) => `${day.date.slice(5)} ${day.state}`);

describe('opening days around Easter 2026 (Easter Sunday 5 April)', () => {
  const recorded: RecordedDay[] = [
    { date: '2026-03-30', visits: 20 },
    { date: '2026-03-31', visits: 30 },
    // 1 April: open, nothing recorded.
    { date: '2026-04-07', visits: 10 },
    { date: '2026-04-08', visits: 0 }, // closed at the end with nobody: a true zero
    { date: '2026-04-09', visits: 40 },
    // 10 April: open, nothing recorded.
  ];
  const summary = openingSummary('2026-03-30', '2026-04-12', recorded, alta);

  it('is stengt on Skjærtorsdag, Langfredag, 2. påskedag and the weekends', () => {
    expect(states(summary)).toEqual([
      '03-30 open',
      '03-31 open',
      '04-01 not-recorded',
      '04-02 stengt',
      '04-03 stengt',
      '04-04 stengt',
      '04-05 stengt',
      '04-06 stengt',
      '04-07 open',
      '04-08 open',
      '04-09 open',
      '04-10 not-recorded',
      '04-11 stengt',
      '04-12 stengt',
    ]);
  });

  it('counts 7 opening days, 34 hours, 2 weeks, 3.5 days a week', () => {
    // Week 14: 3 × 4 h; week 15: 4 + 4 + 10 + 4 h.
    expect(summary).toMatchObject({
      openingDays: 7,
      openingMinutes: 34 * 60,
      stengtDays: 7,
      notRecordedDays: 2,
      unscheduledDays: 0,
      weeksOpen: 2,
      daysPerWeek: 3.5,
    });
  });

  it('averages visits over the 5 recorded opening days, not the 7: 100 ÷ 5 = 20', () => {
    expect(summary.visits).toBe(100);
    expect(summary.averageVisitsPerOpeningDay).toBe(20);
  });
});

describe('opening days around Christmas 2026', () => {
  // Christmas Eve (Thursday) is a closed date; the place opens after all on 1. juledag (a
  // Friday) and on 2. juledag (a Saturday, without hours of its own: it borrows 11–15).
  const christmas = withChanges({
    closedDates: ['2026-12-24'],
    openDates: ['2026-12-25', '2026-12-26'],
  });
  const summary = openingSummary('2026-12-21', '2026-12-27', [], christmas);

  it('follows closed dates and "open today after all"', () => {
    expect(states(summary)).toEqual([
      '12-21 not-recorded',
      '12-22 not-recorded',
      '12-23 not-recorded',
      '12-24 stengt',
      '12-25 not-recorded',
      '12-26 not-recorded',
      '12-27 stengt',
    ]);
    expect(summary.days[5]!.hours).toEqual({ open: '11:00', close: '15:00' });
  });

  it('counts 5 opening days and 20 hours, none recorded: no average rather than zero', () => {
    expect(summary).toMatchObject({
      openingDays: 5,
      openingMinutes: 20 * 60,
      notRecordedDays: 5,
      weeksOpen: 1,
      daysPerWeek: 5,
      visits: 0,
      averageVisitsPerOpeningDay: undefined,
    });
  });

  it('without the overrides, 1. juledag and 2. juledag are holidays and Christmas Eve is open', () => {
    expect(states(openingSummary('2026-12-24', '2026-12-26', [], alta))).toEqual([
      '12-24 not-recorded',
      '12-25 stengt',
      '12-26 stengt',
    ]);
  });
});

describe('the schedule as it was on each day', () => {
  it('counts a recorded day by its own snapshot, not by today’s schedule', () => {
    const recorded: RecordedDay[] = [
      // A Saturday, open 10–20 last year; today's schedule has no Saturday hours.
      {
        date: '2025-11-01',
        visits: 12,
        opening: { open: true, hours: { open: '10:00', close: '20:00' } },
      },
      // A Monday that was a closed day then; today's schedule opens Mondays.
      { date: '2025-11-03', visits: 0, opening: { open: false } },
    ];
    const summary = openingSummary('2025-11-01', '2025-11-04', recorded, alta);
    expect(states(summary)).toEqual([
      '11-01 open',
      '11-02 stengt',
      '11-03 stengt',
      '11-04 not-recorded', // no row, no snapshot: today's schedule (a Tuesday, 11–15)
    ]);
    expect(summary.openingMinutes).toBe(600 + 240);
    expect(summary.averageVisitsPerOpeningDay).toBe(12);
  });

  it('counts a day its snapshot calls closed as an unscheduled opening day when visitors came', () => {
    const recorded: RecordedDay[] = [{ date: '2025-11-03', visits: 7, opening: { open: false } }];
    const summary = openingSummary('2025-11-03', '2025-11-03', recorded, alta);
    expect(summary.days).toEqual([
      { date: '2025-11-03', state: 'open', minutes: 0, visits: 7, unscheduled: true },
    ]);
    expect(summary).toMatchObject({ openingDays: 1, unscheduledDays: 1, openingMinutes: 0 });
  });

  it('falls back to the current schedule for a recorded day stored before snapshots', () => {
    const summary = openingSummary(
      '2025-11-06',
      '2025-11-06',
      [{ date: '2025-11-06', visits: 3 }],
      alta,
    );
    expect(summary.days[0]).toMatchObject({ state: 'open', minutes: 600 });
  });
});

describe('opening days and KOSTRA figures over whole years', () => {
  const weekdays = withChanges({
    openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }],
  });

  it.each(Object.entries(readHolidayFixture().years))(
    '%s: every Monday–Friday but the fixture’s holidays, 8 hours each',
    (year, holidays) => {
      let mondayToFriday = 0;
      for (let t = Date.UTC(Number(year), 0, 1); t < Date.UTC(Number(year) + 1, 0, 1); t += 864e5) {
        const day = new Date(t).getUTCDay();
        if (day !== 0 && day !== 6) mondayToFriday += 1;
      }
      const onWeekdays = new Set(
        holidays
          .filter((h) => h.weekday !== 'Saturday' && h.weekday !== 'Sunday')
          .map((h) => h.date),
      );
      const summary = openingSummary(`${year}-01-01`, `${year}-12-31`, [], weekdays);
      expect(summary.openingDays).toBe(mondayToFriday - onWeekdays.size);
      expect(summary.openingMinutes).toBe(summary.openingDays * 8 * 60);
      for (const date of onWeekdays) {
        expect(summary.days.find((day) => day.date === date)?.state, date).toBe('stengt');
      }
    },
  );

  it('gives 2026 as 253 opening days in 53 weeks, averaging only the recorded one', () => {
    // 2026: 261 weekdays; holidays on weekdays: 1 Jan, 2 Apr, 3 Apr, 6 Apr, 1 May, 14 May,
    // 25 May, 25 Dec (17 May and 5 Apr fall on Sundays, 26 Dec on a Saturday): 261 − 8 = 253.
    const recorded: RecordedDay[] = [{ date: '2026-06-03', visits: 30 }];
    const summary = openingSummary('2026-01-01', '2026-12-31', recorded, weekdays);
    expect(summary.openingDays).toBe(253);
    // 1 Jan 2026 is a Thursday (week 1) and 31 Dec a Thursday (week 53).
    expect(summary.weeksOpen).toBe(53);
    expect(summary.daysPerWeek).toBeCloseTo(253 / 53, 10);
    expect(summary.notRecordedDays).toBe(252);
    expect(summary.averageVisitsPerOpeningDay).toBe(30);
  });
});

describe('weeks open at the ends of a period', () => {
  it('counts a week at either end by its Thursday: 2025 has its 52 ISO weeks, not 53', () => {
    // 29–31 December 2025 are open, but their week is 2026-W01 (Thursday 1 January 2026).
    const summary = openingSummary('2025-01-01', '2025-12-31', [], alta);
    expect(summary.days.at(-1)).toMatchObject({ date: '2025-12-31', state: 'not-recorded' });
    expect(summary.weeksOpen).toBe(52);
    expect(openingSummary('2025-12-29', '2026-01-04', [], alta).weeksOpen).toBe(1);
  });

  it('gives a period too short to hold a Thursday its one week when it opened', () => {
    expect(openingSummary('2025-12-29', '2025-12-31', [], alta)).toMatchObject({
      openingDays: 3,
      weeksOpen: 1,
      daysPerWeek: 3,
    });
    expect(openingSummary('2025-12-27', '2025-12-28', [], alta)).toMatchObject({
      openingDays: 0,
      weeksOpen: 0,
      daysPerWeek: 0,
    });
  });
});

describe('opening minutes', () => {
  it('run past midnight when the close is at or before the opening', () => {
    expect(openingMinutesOf({ open: '11:00', close: '15:00' })).toBe(240);
    expect(openingMinutesOf({ open: '20:00', close: '02:00' })).toBe(360);
  });

  it('refuse a period that ends before it starts', () => {
    expect(() => openingSummary('2026-01-02', '2026-01-01', [], alta)).toThrow(RangeError);
  });
});
