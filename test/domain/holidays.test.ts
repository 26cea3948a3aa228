import { describe, expect, it } from 'vitest';
import { easterSunday, holidayOn, publicHolidays } from '../../src/domain/holidays';
import { readHolidayFixture as readFixture } from '../support/holiday-fixture';

describe('Norwegian public holidays', () => {
  it('match the independent fixture exactly, dates and names, for every year 2024–2030', () => {
    const fixture = readFixture();
    const years = Object.keys(fixture.years).sort();
    expect(years).toEqual(['2024', '2025', '2026', '2027', '2028', '2029', '2030']);
    for (const year of years) {
      const expected = fixture.years[year]!.map(({ date, name }) => ({ date, name }));
      expect(publicHolidays(Number(year)), `year ${year}`).toEqual(expected);
    }
  });

  it('are found by date, and an ordinary day has none', () => {
    for (const days of Object.values(readFixture().years)) {
      for (const { date, name } of days) expect(holidayOn(date)).toContain(name);
    }
    expect(holidayOn('2027-05-17')).toBe('2. pinsedag og Grunnlovsdag');
    expect(holidayOn('2029-05-17')).toBe('Grunnlovsdag');
    expect(holidayOn('2024-05-20')).toBe('2. pinsedag');
    expect(holidayOn('2024-05-21')).toBeUndefined();
    expect(holidayOn('2024-12-24')).toBeUndefined();
  });

  it('are twelve every year, even when two fall on one date (2027-05-17)', () => {
    expect(publicHolidays(2027).filter((h) => h.date === '2027-05-17')).toHaveLength(2);
  });

  it('are twelve every year, Easter-based ones moving with Easter', () => {
    expect(publicHolidays(2031)).toHaveLength(12);
    expect(publicHolidays(2031).find((h) => h.name === 'Langfredag')?.date).toBe('2031-04-11');
  });
});

describe('Easter Sunday', () => {
  it('follows the Gregorian computus, including its extreme dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1818)).toBe('1818-03-22');
  });
});
