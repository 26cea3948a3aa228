import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../src/domain/business-day';
import {
  USER_VOICE_COUNTER,
  funderReport,
  sameDateLastYear,
  type FunderReport,
  type FunderReportPlan,
  type ReportDay,
} from '../../src/domain/funder-report';
import {
  EARLIER_THIS_YEAR,
  FIRST_EVER,
  FIRST_THIS_YEAR,
  FIRST_TIME_COUNTER,
  NO_ANSWER,
} from '../../src/domain/people-estimate';
import { hjerteromAlta } from '../../src/domain/presets';
import { dayTotals } from '../../src/domain/reports';
import { dayStatus } from '../../src/domain/schedule';
import type { TallyCounts } from '../../src/domain/tally';
import { VOLUNTEER_MINUTES_COUNTER, VOLUNTEERS_COUNTER } from '../../src/domain/volunteer-hours';
import type { SiteConfig } from '../../src/shared/site-config';
import { seeded } from '../support/seeded';

// Hjerterom Alta: Monday–Wednesday and Friday 11–15, Thursday 11–21; public holidays closed.
const alta: SiteConfig = { ...hjerteromAlta, closedDates: [], openDates: [] };
const AGE = 'aldersgruppe';
const AGE_GROUPS = ['under-18', '18-25', '26-66', '67-pluss', 'vil-ikke-svare', NO_ANSWER];

const plan: FunderReportPlan = {
  questions: [
    {
      counter: FIRST_TIME_COUNTER,
      options: [FIRST_EVER, FIRST_THIS_YEAR, EARLIER_THIS_YEAR, NO_ANSWER],
    },
    { counter: AGE, options: AGE_GROUPS },
  ],
  meals: ['middag', 'brodmat'],
  services: ['samtale', 'hjemmebesok'],
  sales: ['bingo'],
  userVoice: true,
};

/** Labels `counts[i]` copies of `labels[i]`, in a seeded random order. */
function shuffled(rand: () => number, counts: number[], labels: string[]): string[] {
  const out = counts.flatMap((count, i) => Array.from({ length: count }, () => labels[i]!));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface SeededYear {
  days: ReportDay[];
  openingDays: number;
  unrecorded: Set<string>;
  meals: Record<string, number>;
  bingo: { cash: number; vipps: number };
  services: Record<string, number>;
}

/**
 * A year of Hjerterom Alta as tally rows rolled up per day: `visits` spread at random over the
 * opening days but 10, with the given first-time answers, age groups and faces.
 */
function seededYear(year: number, seed: number, visits: number): SeededYear {
  const rand = seeded(seed);
  const open: string[] = [];
  for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
    if (dayStatus(alta, date).open) open.push(date);
  }
  const unrecorded = new Set<string>();
  while (unrecorded.size < 10) unrecorded.add(open[Math.floor(rand() * open.length)]!);
  const recorded = open.filter((date) => !unrecorded.has(date));
  const rows = new Map<string, Map<string, TallyCounts>>(recorded.map((date) => [date, new Map()]));
  const bump = (
    date: string,
    counter: string,
    n: number,
    option?: string,
    hour?: number,
    nok?: number,
  ) => {
    const day = rows.get(date)!;
    const key = `${counter}|${option ?? ''}|${hour ?? ''}`;
    let row = day.get(key);
    if (row === undefined) {
      row = { counter, inc: 0, dec: 0 };
      if (option !== undefined) row.option = option;
      if (hour !== undefined) row.hour = hour;
      day.set(key, row);
    }
    row.inc += n;
    if (nok !== undefined) row.incNok = (row.incNok ?? 0) + nok;
  };
  const slots = Array.from(
    { length: visits },
    () => recorded[Math.floor(rand() * recorded.length)]!,
  );
  const firstTime = shuffled(
    rand,
    [310, 540, 1070, visits - 1920],
    [FIRST_EVER, FIRST_THIS_YEAR, EARLIER_THIS_YEAR, NO_ANSWER],
  );
  const age = shuffled(rand, [600, 900, 1200, 3, 97, visits - 2800], AGE_GROUPS);
  const faces = shuffled(rand, [400, 50, 2], ['fornoyd', 'noytral', 'misfornoyd']);
  slots.forEach((date, i) => {
    bump(date, 'visit', 1, undefined, 11 + Math.floor(rand() * 4));
    bump(date, FIRST_TIME_COUNTER, 1, firstTime[i]);
    bump(date, AGE, 1, age[i]);
    if (i < faces.length) bump(date, USER_VOICE_COUNTER, 1, faces[i]);
  });
  const meals = { middag: 0, brodmat: 0 };
  const bingo = { cash: 0, vipps: 0 };
  const services = { samtale: 0, hjemmebesok: 0 };
  for (const date of recorded) {
    const weekday = weekdayOf(date);
    const meal = weekday === 2 || weekday === 4 ? 'brodmat' : 'middag';
    const served = 10 + Math.floor(rand() * 20);
    meals[meal] += served;
    bump(date, meal, served);
    if (weekday === 4) {
      const cash = Math.floor(rand() * 15);
      const vipps = Math.floor(rand() * 15);
      bingo.cash += cash;
      bingo.vipps += vipps;
      if (cash > 0) bump(date, 'bingo', cash, 'cash', undefined, cash * 10);
      if (vipps > 0) bump(date, 'bingo', vipps, 'vipps', undefined, vipps * 10);
    }
    const talks = Math.floor(rand() * 3);
    services.samtale += talks;
    if (talks > 0) bump(date, 'samtale', talks);
    bump(date, VOLUNTEERS_COUNTER, 2);
    bump(date, VOLUNTEER_MINUTES_COUNTER, 900); // two volunteers, 7,5 hours each
  }
  return {
    days: recorded.map((date) => ({
      date,
      totals: dayTotals([...rows.get(date)!.values()]),
      opening: dayStatus(alta, date),
    })),
    openingDays: open.length,
    unrecorded,
    meals,
    bingo,
    services,
  };
}

function reportOf(...args: Parameters<typeof funderReport>): FunderReport {
  const result = funderReport(...args);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.report;
}

describe('the funder report for a seeded year (Hjerterom Alta 2025)', () => {
  const year = seededYear(2025, 14, 4800);
  const report = reportOf('2025-01-01', '2025-12-31', year.days, alta, plan);

  it('gives the issue figures: 4,800 visits, 1,920 answered (40 %), anslag 2,125 distinct and 775 new', () => {
    expect(report.visits.total).toBe(4800);
    expect(report.estimate).toEqual({
      kind: 'estimate',
      distinct: 2125,
      newPeople: 775,
      basis: { visits: 4800, answered: 1920, ever: 310, thisYear: 540, share: 0.4 },
    });
    expect(report.shownEstimate).toEqual({ distinct: 2125, newPeople: 775 });
  });

  it("counts KOSTRA's inputs from the schedule, leaving the 10 unrecorded days out of the average", () => {
    // 2025: Monday–Friday 261 days less 9 weekday holidays (1 Jan, 17 Apr, 18 Apr, 21 Apr,
    // 1 May, 29 May, 9 Jun, 25 Dec, 26 Dec; 17 May is a Saturday).
    expect(year.openingDays).toBe(252);
    expect(report.opening).toMatchObject({
      openingDays: 252,
      notRecordedDays: 10,
      unscheduledDays: 0,
      stengtDays: 365 - 252,
      averageVisitsPerOpeningDay: 4800 / 242,
    });
    // 4 hours a day, 10 on Thursdays: 52 in 2025 less Skjærtorsdag, 1 May, Kristi himmelfart
    // and 1. juledag, which are Thursdays.
    const thursdays = 52 - 4;
    expect(report.opening.openingHours).toBe((252 - thursdays) * 4 + thursdays * 10);
    expect(report.opening.weeksOpen).toBe(52);
    expect(report.opening.daysPerWeek).toBe(252 / 52);
  });

  it('spreads the visits over the months and weekdays, none on weekends', () => {
    expect(report.visits.perMonth.map((month) => month.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    expect(report.visits.perMonth.reduce((sum, month) => sum + month.visits, 0)).toBe(4800);
    expect(report.visits.perMonth.reduce((sum, month) => sum + month.recordedDays, 0)).toBe(242);
    expect(report.visits.byWeekday.reduce((sum, day) => sum + day.visits, 0)).toBe(4800);
    expect(report.visits.byWeekday.slice(5)).toEqual([
      { weekday: 6, visits: 0, recordedDays: 0 },
      { weekday: 7, visits: 0, recordedDays: 0 },
    ]);
  });

  it('shows the first-time answers exactly, none being 1–4', () => {
    expect(report.questions[0]).toEqual({
      counter: FIRST_TIME_COUNTER,
      answers: {
        total: 4800,
        answers: [
          { option: FIRST_EVER, count: 310, share: 310 / 4800 },
          { option: FIRST_THIS_YEAR, count: 540, share: 540 / 4800 },
          { option: EARLIER_THIS_YEAR, count: 1070, share: 1070 / 4800 },
          { option: NO_ANSWER, count: 2880, share: 2880 / 4800 },
        ],
      },
    });
  });

  it('hides 3 answers of 67+ as under 5, and the 97 "vil ikke svare" that would give it away', () => {
    expect(
      report.questions[1]!.answers.answers.map((answer) => [answer.option, answer.count]),
    ).toEqual([
      ['under-18', 600],
      ['18-25', 900],
      ['26-66', 1200],
      ['67-pluss', 'under-5'],
      ['vil-ikke-svare', 'suppressed'],
      [NO_ANSWER, 2000],
    ]);
  });

  it('shows the user voice with its 2 unhappy faces hidden', () => {
    expect(report.userVoice?.answers.map((answer) => answer.count)).toEqual([
      400,
      'suppressed',
      'under-5',
    ]);
  });

  it('sums meals, services, volunteers and sales by payment method', () => {
    expect(report.meals).toEqual([
      { counter: 'middag', count: year.meals.middag },
      { counter: 'brodmat', count: year.meals.brodmat },
    ]);
    expect(report.services).toEqual([
      { counter: 'samtale', count: year.services.samtale },
      { counter: 'hjemmebesok', count: 0 },
    ]);
    expect(report.volunteers).toEqual({ volunteers: 2 * 242, minutes: 900 * 242, hours: 15 * 242 });
    const { cash, vipps } = year.bingo;
    expect(report.sales).toEqual([
      {
        counter: 'bingo',
        count: cash + vipps,
        amountNok: 10 * (cash + vipps),
        byPayment: [
          { option: 'cash', count: cash, amountNok: 10 * cash },
          { option: 'vipps', count: vipps, amountNok: 10 * vipps },
        ],
      },
    ]);
  });

  it('has no last year beside it without last year’s data', () => {
    expect(report.lastYear).toBeUndefined();
  });

  it('puts the same period last year beside it when there is data', () => {
    const lastYear = seededYear(2024, 13, 3000);
    const withLast = reportOf('2025-01-01', '2025-12-31', year.days, alta, plan, lastYear.days);
    expect(withLast.lastYear).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      visits: { total: 3000 },
      opening: { openingDays: lastYear.openingDays, notRecordedDays: 10 },
    });
    // Last year's data but none in the same period: nothing beside it.
    const beside = reportOf(
      '2025-01-01',
      '2025-01-31',
      year.days,
      alta,
      plan,
      lastYear.days.filter((day) => day.date >= '2024-02-01'),
    );
    expect(beside.lastYear).toBeUndefined();
  });

  it('reads each day’s totals a fixed number of times, never re-scanning the period per day', () => {
    let reads = 0;
    const counted = year.days.map((day) => ({
      ...day,
      totals: new Proxy(day.totals, {
        get(target, key, receiver) {
          if (key === Symbol.iterator) reads += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
    }));
    let passes = 0;
    const days = new Proxy(counted, {
      get(target, key, receiver) {
        if (key === Symbol.iterator || key === 'filter' || key === 'map') passes += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    reportOf('2025-01-01', '2025-12-31', days, alta, plan);
    expect(reads).toBe(2 * year.days.length);
    expect(passes).toBeLessThanOrEqual(2);
  });

  it('computes a year in well under 100 ms (best of 5, unthrottled; npm run bench throttles)', () => {
    const lastYear = seededYear(2024, 13, 3000);
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      funderReport('2025-01-01', '2025-12-31', year.days, alta, plan, lastYear.days);
      best = Math.min(best, performance.now() - started);
    }
    expect(best).toBeLessThan(100);
  });
});

describe('the funder report’s period', () => {
  it('refuses to before from, and a date that is not one', () => {
    expect(funderReport('2025-12-31', '2025-01-01', [], alta, plan)).toEqual({
      ok: false,
      reason: 'to-before-from',
    });
    expect(funderReport('2025-02-30', '2025-03-01', [], alta, plan)).toEqual({
      ok: false,
      reason: 'not-a-date',
    });
    expect(funderReport('2025-1-1', '2025-03-01', [], alta, plan)).toEqual({
      ok: false,
      reason: 'not-a-date',
    });
  });

  it('gives no anslag for a period not starting 1 January, and still the rest', () => {
    const year = seededYear(2025, 14, 4800);
    const spring = reportOf('2025-03-01', '2025-05-31', year.days, alta, plan);
    expect(spring.estimate).toEqual({ kind: 'invalid-period', reason: 'not-from-1-january' });
    expect(spring.shownEstimate).toBeUndefined();
    expect(spring.visits.perMonth.map((month) => month.month)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
  });

  it('takes 29 February last year as 28 February', () => {
    expect(sameDateLastYear('2028-02-29')).toBe('2027-02-28');
    expect(sameDateLastYear('2026-01-01')).toBe('2025-01-01');
  });
});

describe('a site that asks no first-time question', () => {
  it('shows no anslag, whatever answers are stored', () => {
    const year = seededYear(2025, 14, 4800);
    const withoutQuestion = { ...plan, questions: plan.questions.slice(1) };
    const report = reportOf('2025-01-01', '2025-12-31', year.days, alta, withoutQuestion);
    expect(report.estimate).toEqual({ kind: 'not-asked' });
    expect(report.shownEstimate).toBeUndefined();
    expect(report.questions.map((question) => question.counter)).toEqual([AGE]);
  });
});

describe('old data in the funder report', () => {
  it('reads visit:first-time and visit:returning as answers to the first-time question', () => {
    const day: ReportDay = {
      date: '2025-03-03',
      totals: dayTotals([
        { counter: 'visit', hour: 12, inc: 60, dec: 0 },
        { counter: 'visit', option: 'first-time', hour: 12, inc: 12, dec: 0 },
        { counter: 'visit', option: 'returning', hour: 12, inc: 40, dec: 0 },
      ]),
    };
    const report = reportOf('2025-01-01', '2025-12-31', [day], alta, plan);
    expect(report.visits.total).toBe(112);
    expect(report.questions[0]!.answers.answers.map((answer) => answer.count)).toEqual([
      12, 0, 40, 0,
    ]);
    // 112 visits, 52 answered (46 %): 12 × 112 ÷ 52 = 25.8 → 25 distinct and new.
    expect(report.estimate).toMatchObject({ kind: 'estimate', distinct: 25, newPeople: 25 });
  });
});
