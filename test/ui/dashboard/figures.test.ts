// The dashboard's periods and sums: presets on any day of the year, last year's dates, several
// sites' days as one, and a site's configuration read from its preset and its data.
import { describe, expect, it } from 'vitest';
import {
  counterName,
  customRange,
  headline,
  lastYearOf,
  mergeSites,
  presetRange,
  reportConfig,
} from '../../../src/dashboard/figures.ts';
import { ALTA_DAYS, STEG_DAYS, day, sumsOf } from './fixtures.ts';

describe("the dashboard's periods", () => {
  it('knows this and last month and year, across a new year and a leap day', () => {
    expect(presetRange('thisMonth', '2026-02-14')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(presetRange('thisMonth', '2028-02-14')).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(presetRange('lastMonth', '2026-01-05')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(presetRange('thisMonth', '2026-12-31')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(presetRange('thisYear', '2026-07-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetRange('lastYear', '2026-07-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(lastYearOf({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
  });

  it('refuses a typed range that is missing, backwards or longer than ten years', () => {
    expect(customRange('', '2026-12-01')).toBe('missing');
    expect(customRange('2026-12-02', '2026-12-01')).toBe('to-before-from');
    expect(customRange('2010-01-01', '2026-12-01')).toBe('too-long');
    expect(customRange('2026-12-01', '2026-12-02')).toEqual({
      from: '2026-12-01',
      to: '2026-12-02',
    });
  });
});

describe("the dashboard's figures", () => {
  it('sums visits, meals by kind, activities and volunteer hours, none where absent', () => {
    expect(headline(ALTA_DAYS, 'hjerterom-alta')).toEqual({
      visits: 32,
      meals: 25,
      activities: 2,
      volunteerHours: 4.5,
    });
    expect(headline(STEG_DAYS)).toEqual({
      visits: 5,
      meals: undefined,
      activities: undefined,
      volunteerHours: undefined,
    });
  });

  it("reads a period's sums as it reads the days they sum, options and hours left out", () => {
    const sums = sumsOf('hjerterom-alta', '2026-12-01', '2026-12-31', ALTA_DAYS);
    expect(headline([sums], 'hjerterom-alta')).toEqual(headline(ALTA_DAYS, 'hjerterom-alta'));
    const answer = {
      totals: [
        { counter: 'visit', net: 2400 },
        { counter: 'visit', option: 'forste-gang', net: 400 },
        { counter: 'middag', net: 900 },
        { counter: 'frivillig-minutter', net: 600 },
      ],
    };
    // Two sites' sums together, as the overview's sum row reads them.
    expect(headline([answer, sums])).toEqual({
      visits: 2432,
      meals: 925,
      activities: 2,
      volunteerHours: 14.5,
    });
  });

  it('adds several sites up date by date, key by key', () => {
    const merged = mergeSites([ALTA_DAYS, STEG_DAYS]);
    expect(merged.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02']);
    expect(merged[1]!.totals.find((t) => t.counter === 'visit')?.net).toBe(25);
    expect(merged[1]!.replicas).toBe(2);
  });

  it("names counters as the tablet's presets do, and an unknown one by its id", () => {
    expect(counterName('middag', 'hjerterom-alta')).toBe('Middag');
    expect(counterName('visit')).toBe('Besøk');
    expect(counterName('t-4f2a')).toBe('t-4f2a');
  });

  it("reads a site's questions from its preset, and several sites' from theirs and the data", () => {
    expect(reportConfig('Alta', ALTA_DAYS, ['hjerterom-alta']).questions?.ready).toEqual([
      'forste-gang',
    ]);
    const withAge = [day('2026-12-01', 3, [{ counter: 'aldersgruppe', option: 'voksen', net: 3 }])];
    const all = reportConfig('Alle', withAge, ['hjerterom-alta', 'ukjent-sted']);
    expect(all.questions?.ready).toEqual(['forste-gang', 'aldersgruppe']);
    expect(all.openingHours).toEqual([]);
    expect(all.counters.map((c) => c.id)).toContain('aldersgruppe');
  });
});
