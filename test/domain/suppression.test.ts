import { describe, expect, it } from 'vitest';
import { estimatePeople, type FirstTimeDay } from '../../src/domain/people-estimate';
import {
  shownCount,
  suppressAnswers,
  suppressEstimate,
  type ShownCell,
} from '../../src/domain/suppression';

const answers = (...counts: number[]) =>
  counts.map((count, i) => ({ option: `svar-${i + 1}`, count }));
const countsOf = (...counts: number[]): ShownCell[] =>
  suppressAnswers(answers(...counts)).answers.map((answer) => answer.count);
const sharesOf = (...counts: number[]): ShownCell[] =>
  suppressAnswers(answers(...counts)).answers.map((answer) => answer.share);

describe('a single count as shown', () => {
  it.each([
    [0, 0],
    [1, 'under-5'],
    [4, 'under-5'],
    [5, 5],
    [310, 310],
  ])('%i shows as %s', (count, shown) => {
    expect(shownCount(count)).toBe(shown);
  });
});

describe("a question's answers as shown", () => {
  it('shows every count and share when none is 1–4', () => {
    expect(suppressAnswers(answers(10, 30, 0, 60))).toEqual({
      total: 100,
      answers: [
        { option: 'svar-1', count: 10, share: 0.1 },
        { option: 'svar-2', count: 30, share: 0.3 },
        { option: 'svar-3', count: 0, share: 0 },
        { option: 'svar-4', count: 60, share: 0.6 },
      ],
    });
  });

  it('hides a lone count of 1–4 and the smallest other count that would give it away', () => {
    // 3 alone could be read as 40 − 12 − 25; hiding 12 too leaves only "15 between them".
    expect(countsOf(3, 25, 12, 0)).toEqual(['under-5', 25, 'suppressed', 0]);
    expect(sharesOf(3, 25, 12, 0)).toEqual(['suppressed', 25 / 40, 'suppressed', 0]);
    expect(suppressAnswers(answers(3, 25, 12, 0)).total).toBe(40);
  });

  it('hides the first of two equal smallest counts', () => {
    expect(countsOf(12, 4, 12, 30)).toEqual(['suppressed', 'under-5', 12, 30]);
  });

  it('needs no second hidden count when two of 1–4 leave their split open', () => {
    expect(countsOf(2, 3, 40)).toEqual(['under-5', 'under-5', 40]);
    expect(sharesOf(2, 3, 40)).toEqual(['suppressed', 'suppressed', 40 / 45]);
  });

  it('hides one more when the hidden counts sum to all ones or all fours', () => {
    expect(countsOf(1, 1, 20, 30)).toEqual(['under-5', 'under-5', 'suppressed', 30]);
    expect(countsOf(4, 4, 4, 20, 30)).toEqual(['under-5', 'under-5', 'under-5', 'suppressed', 30]);
  });

  it('shows a small total as under 5 and needs nothing more', () => {
    expect(suppressAnswers(answers(3, 0, 0))).toEqual({
      total: 'under-5',
      answers: [
        { option: 'svar-1', count: 'under-5', share: 'suppressed' },
        { option: 'svar-2', count: 0, share: 0 },
        { option: 'svar-3', count: 0, share: 0 },
      ],
    });
  });

  it('shows a question nobody answered as zeros', () => {
    expect(suppressAnswers(answers(0, 0))).toEqual({
      total: 0,
      answers: [
        { option: 'svar-1', count: 0, share: 0 },
        { option: 'svar-2', count: 0, share: 0 },
      ],
    });
  });
});

describe('the anslag as shown', () => {
  const year = (ever: number, thisYear: number): FirstTimeDay[] => [
    {
      date: '2026-02-02',
      visits: 200,
      asked: true,
      ever,
      thisYear,
      earlierThisYear: 80 - ever - thisYear,
      noAnswer: 0,
    },
  ];
  const shown = (ever: number, thisYear: number) =>
    suppressEstimate(estimatePeople('2026-01-01', '2026-12-31', year(ever, thisYear)));

  it('says new people are under 5 (færre enn 5) when "ever" is 1–4', () => {
    expect(shown(4, 30)).toEqual({ distinct: 85, newPeople: 'under-5' });
    expect(shown(1, 30)).toEqual({ distinct: 80, newPeople: 'under-5' });
  });

  it('shows both when "ever" is 0 or at least 5', () => {
    expect(shown(0, 30)).toEqual({ distinct: 75, newPeople: 0 });
    expect(shown(5, 30)).toEqual({ distinct: 90, newPeople: 15 });
  });

  it('says distinct people are under 5 too when ever and this year together are 1–4', () => {
    expect(shown(1, 3)).toEqual({ distinct: 'under-5', newPeople: 'under-5' });
    expect(shown(0, 4)).toEqual({ distinct: 'under-5', newPeople: 0 });
  });

  it('has nothing to show without an estimate', () => {
    expect(suppressEstimate({ kind: 'not-asked' })).toBeUndefined();
  });
});
