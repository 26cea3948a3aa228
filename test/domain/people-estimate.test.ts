import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/business-day';
import {
  EARLIER_THIS_YEAR,
  FIRST_EVER,
  FIRST_THIS_YEAR,
  FIRST_TIME_COUNTER,
  NO_ANSWER,
  estimatePeople,
  firstTimeDayOf,
  sumEstimates,
  type FirstTimeDay,
} from '../../src/domain/people-estimate';

type Answers = Partial<Omit<FirstTimeDay, 'date' | 'visits'>>;

function day(date: string, visits: number, answers: Answers = {}): FirstTimeDay {
  return {
    date,
    visits,
    asked: true,
    ever: 0,
    thisYear: 0,
    earlierThisYear: 0,
    noAnswer: 0,
    ...answers,
  };
}

/** One asked day on 2 January carrying a whole period's figures. */
const oneDay = (visits: number, answers: Answers): FirstTimeDay[] => [
  day('2026-01-02', visits, answers),
];

describe('the anslag of distinct and new people', () => {
  it('gives the issue seeded year: 4,800 visits, 1,920 answered → 40 %, 2,125 distinct, 775 new', () => {
    // Spread over 240 days of 20 visits and 8 answers: 310 ever and 540 this year in all.
    const days: FirstTimeDay[] = [];
    for (let i = 0; i < 240; i++) {
      const ever = i < 70 ? 2 : i < 240 ? 1 : 0; // 140 + 170 = 310
      const thisYear = i < 60 ? 3 : 2; // 180 + 360 = 540
      days.push(
        day(addDays('2025-01-01', i), 20, {
          ever,
          thisYear,
          earlierThisYear: 8 - ever - thisYear,
          noAnswer: 12,
        }),
      );
    }
    expect(estimatePeople('2025-01-01', '2025-12-31', days)).toEqual({
      kind: 'estimate',
      distinct: 2125,
      newPeople: 775,
      basis: { visits: 4800, answered: 1920, ever: 310, thisYear: 540, share: 0.4 },
    });
  });

  it('says too few answers in a year the question was asked and nobody answered', () => {
    const days = [day('2026-03-02', 40, { noAnswer: 40 }), day('2026-03-03', 25)];
    expect(estimatePeople('2026-01-01', '2026-12-31', days)).toEqual({
      kind: 'too-few-answers',
      basis: { visits: 65, answered: 0, ever: 0, thisYear: 0, share: 0 },
    });
  });

  it('says not asked when the question was asked on no day of the period', () => {
    const days = [{ ...day('2026-03-02', 40), asked: false }];
    expect(estimatePeople('2026-01-01', '2026-12-31', days)).toEqual({ kind: 'not-asked' });
    expect(estimatePeople('2026-01-01', '2026-12-31', [])).toEqual({ kind: 'not-asked' });
  });

  it('counts only the visits of days the question was asked: begun in June, May does not dilute', () => {
    const days = [
      { ...day('2026-05-29', 1000), asked: false },
      day('2026-06-01', 300, { ever: 30, thisYear: 45, earlierThisYear: 45 }),
      day('2026-06-02', 200, { ever: 10, thisYear: 15, earlierThisYear: 55 }),
    ];
    // 500 visits, 200 answered: 40 %; (40 + 60) ÷ 0.4 = 250; 40 ÷ 0.4 = 100.
    const estimate = estimatePeople('2026-01-01', '2026-12-31', days);
    expect(estimate).toMatchObject({ kind: 'estimate', distinct: 250, newPeople: 100 });
    expect(estimate.kind === 'estimate' && estimate.basis.share).toBe(0.4);
  });

  it.each([
    // 200 visits, 80 answered: each first visit stands for 2.5 people.
    [40, 0, 100, 100],
    [41, 0, 105, 105], // 102.5 rounds half up
    [21, 20, 105, 55], // 41 × 2.5 = 102.5 → 105; 21 × 2.5 = 52.5 → 55
    [43, 0, 110, 110], // 107.5 → 110
    [1, 0, 5, 5], // 2.5 → 5
    [0, 2, 5, 0], // 5 → 5, no one new
  ])(
    'rounds to the nearest 5, half up: %i ever + %i this year → %i distinct, %i new',
    (ever, thisYear, distinct, newPeople) => {
      const answers = { ever, thisYear, earlierThisYear: 80 - ever - thisYear };
      expect(estimatePeople('2026-01-01', '2026-12-31', oneDay(200, answers))).toMatchObject({
        kind: 'estimate',
        distinct,
        newPeople,
      });
    },
  );

  it('rounds thirds too: 300 visits, 90 answered, 7 ever → 23.3 → 25, 8 ever → 26.7 → 25', () => {
    const of = (ever: number) =>
      estimatePeople('2026-01-01', '2026-06-30', oneDay(300, { ever, earlierThisYear: 90 - ever }));
    expect(of(7)).toMatchObject({ distinct: 25, newPeople: 25 });
    expect(of(8)).toMatchObject({ distinct: 25, newPeople: 25 });
    expect(of(9)).toMatchObject({ distinct: 30, newPeople: 30 });
    expect(of(6)).toMatchObject({ distinct: 20, newPeople: 20 });
  });

  it('needs 30 % of visits to have answered: 29.9 % is too few, 30 % is enough', () => {
    const answering = (answered: number) =>
      estimatePeople('2026-01-01', '2026-12-31', oneDay(1000, { ever: answered }));
    expect(answering(299)).toMatchObject({ kind: 'too-few-answers' });
    expect(answering(300)).toMatchObject({ kind: 'estimate', distinct: 1000, newPeople: 1000 });
  });

  it('needs 50 answers: 49 of 100 visits are too few, 50 are enough', () => {
    const answering = (answered: number) =>
      estimatePeople('2026-01-01', '2026-12-31', oneDay(100, { earlierThisYear: answered }));
    expect(answering(49)).toMatchObject({ kind: 'too-few-answers' });
    expect(answering(50)).toMatchObject({ kind: 'estimate', distinct: 0, newPeople: 0 });
  });

  it('is made only for a period inside one calendar year starting 1 January', () => {
    const days = oneDay(100, { ever: 60 });
    expect(estimatePeople('2026-01-01', '2026-01-31', days)).toMatchObject({ kind: 'estimate' });
    expect(estimatePeople('2026-01-01', '2026-01-01', days)).toMatchObject({ kind: 'not-asked' });
    expect(estimatePeople('2026-02-01', '2026-12-31', days)).toEqual({
      kind: 'invalid-period',
      reason: 'not-from-1-january',
    });
    expect(estimatePeople('2026-01-01', '2027-01-31', days)).toEqual({
      kind: 'invalid-period',
      reason: 'spans-years',
    });
    expect(estimatePeople('2026-01-01', '2025-12-31', days)).toEqual({
      kind: 'invalid-period',
      reason: 'to-before-from',
    });
    expect(() => estimatePeople('2026-1-1', '2026-12-31', days)).toThrow(RangeError);
  });

  it('leaves out days outside the period', () => {
    const days = [day('2025-12-31', 1000, { ever: 1000 }), day('2026-01-05', 100, { ever: 50 })];
    expect(estimatePeople('2026-01-01', '2026-12-31', days)).toMatchObject({
      distinct: 100,
      basis: { visits: 100, answered: 50 },
    });
  });
});

describe('a day of first-time answers from its totals', () => {
  it('reads the question counter, skips included, and never the hourly visit rows', () => {
    const totals = [
      { counter: 'visit', net: 30 },
      { counter: 'visit', hour: 18, net: 30 },
      { counter: FIRST_TIME_COUNTER, net: 30 },
      { counter: FIRST_TIME_COUNTER, option: FIRST_EVER, net: 2 },
      { counter: FIRST_TIME_COUNTER, option: FIRST_THIS_YEAR, net: 5 },
      { counter: FIRST_TIME_COUNTER, option: EARLIER_THIS_YEAR, net: 9 },
      { counter: FIRST_TIME_COUNTER, option: NO_ANSWER, net: 14 },
      { counter: 'middag', net: 12 },
    ];
    expect(firstTimeDayOf('2026-03-02', totals)).toEqual({
      date: '2026-03-02',
      visits: 30,
      asked: true,
      ever: 2,
      thisYear: 5,
      earlierThisYear: 9,
      noAnswer: 14,
    });
  });

  it('reads old data: visit:first-time as first ever, visit:returning as earlier this year', () => {
    const totals = [
      { counter: 'visit', net: 50 },
      { counter: 'visit', option: 'first-time', net: 4 },
      { counter: 'visit', option: 'returning', net: 21 },
      { counter: 'visit', hour: 12, net: 50 },
    ];
    expect(firstTimeDayOf('2025-05-02', totals)).toMatchObject({
      visits: 50,
      asked: true,
      ever: 4,
      thisYear: 0,
      earlierThisYear: 21,
    });
  });

  it('takes the stored flag over the guess: a day asked with no answers still counts its visits', () => {
    const totals = [{ counter: 'visit', net: 50 }];
    expect(firstTimeDayOf('2025-05-02', totals).asked).toBe(false);
    expect(firstTimeDayOf('2025-05-02', totals, true).asked).toBe(true);
  });

  it('makes one estimate from a year of old and new days: "returning" is an answer adding no one', () => {
    const old = firstTimeDayOf('2026-02-02', [
      { counter: 'visit', net: 100 },
      { counter: 'visit', option: 'first-time', net: 10 },
      { counter: 'visit', option: 'returning', net: 30 },
    ]);
    const now = firstTimeDayOf('2026-09-01', [
      { counter: 'visit', net: 100 },
      { counter: FIRST_TIME_COUNTER, option: FIRST_EVER, net: 10 },
      { counter: FIRST_TIME_COUNTER, option: FIRST_THIS_YEAR, net: 20 },
      { counter: FIRST_TIME_COUNTER, option: EARLIER_THIS_YEAR, net: 10 },
      { counter: FIRST_TIME_COUNTER, option: NO_ANSWER, net: 60 },
    ]);
    // 200 visits, 80 answered (40 %): (20 + 20) ÷ 0.4 = 100 distinct, 20 ÷ 0.4 = 50 new.
    expect(estimatePeople('2026-01-01', '2026-12-31', [old, now])).toMatchObject({
      kind: 'estimate',
      distinct: 100,
      newPeople: 50,
      basis: { visits: 200, answered: 80 },
    });
  });
});

describe('estimates summed across sites', () => {
  it('is labelled a sum and counts the sites without an estimate apart', () => {
    const year = (visits: number, ever: number) =>
      estimatePeople('2026-01-01', '2026-12-31', oneDay(visits, { ever, earlierThisYear: 60 }));
    expect(sumEstimates([year(200, 20), year(200, 40), year(1000, 0)])).toEqual({
      kind: 'sum',
      distinct: 50 + 80,
      newPeople: 50 + 80,
      sites: 2,
      sitesWithout: 1,
    });
  });
});
