import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/i18n/catalogues.ts';
import { formatClock, formatDay, formatNok, type LocaleSupport } from '../../src/i18n/translate.ts';
import { LANGUAGES } from '../../src/shared/site-config.ts';

/** A runtime like Debian's Chromium: Intl has every language but nynorsk and North Sámi. */
const withoutNnAndSe: LocaleSupport = (language) => language !== 'nn' && language !== 'se';

describe('times', () => {
  it.each(LANGUAGES)('are 24-hour in %s', (language) => {
    expect(formatClock(language, '15:00')).toMatch(/^15[.:]00$/);
    expect(formatClock(language, '00:30')).toMatch(/^00[.:]30$/);
  });

  it('English shows 15:00, never 03:00 PM', () => {
    expect(formatClock('en', '15:00')).toBe('15:00');
  });
});

describe('a runtime without nynorsk and North Sámi', () => {
  beforeAll(async () => {
    // Loading a catalogue registers our own names of days and months.
    await Promise.all([loadCatalogue('nn'), loadCatalogue('se')]);
  });

  it('names the day and month in nynorsk, not in English', () => {
    expect(formatDay('nn', '2026-12-03', withoutNnAndSe)).toBe('torsdag 3. desember');
    expect(formatDay('nn', '2026-11-23', withoutNnAndSe)).toBe('måndag 23. november');
    expect(formatDay('nn', '2026-11-28', withoutNnAndSe)).toBe('laurdag 28. november');
  });

  it('names the day and month in North Sámi, not in English', () => {
    expect(formatDay('se', '2026-12-03', withoutNnAndSe)).toBe('duorasdat 3. juovlamánnu');
    expect(formatDay('se', '2026-11-29', withoutNnAndSe)).toBe('sotnabeaivi 29. skábmamánnu');
  });

  it('uses the same words as a runtime with full ICU', () => {
    for (let day = 1; day <= 7; day++) {
      const date = `2026-01-0${day}`;
      const own = formatDay('nn', date, withoutNnAndSe);
      expect(own).toBe(formatDay('nn', date, () => true));
    }
  });

  it('writes kroner as Norwegian does, never "NOK 1,200"', () => {
    expect(formatNok('nn', 1200, withoutNnAndSe)).toBe('1\u00a0200\u00a0kr');
    expect(formatNok('se', 1234567, withoutNnAndSe)).toBe('1\u00a0234\u00a0567\u00a0kr');
    expect(formatNok('se', -50, withoutNnAndSe)).toBe('\u221250\u00a0kr');
    expect(formatNok('nn', 0, withoutNnAndSe)).toBe('0\u00a0kr');
  });

  it('writes kroner as Intl does in nb where the runtime has the language', () => {
    for (const amount of [1200, 1234567, -50, 0]) {
      expect(formatNok('nn', amount, withoutNnAndSe)).toBe(formatNok('nb', amount));
    }
  });

  it('leaves languages the runtime has to Intl', () => {
    expect(formatDay('en', '2026-12-03', withoutNnAndSe)).toBe('Thursday, December 3');
    expect(formatDay('nb', '2026-12-03', withoutNnAndSe)).toBe('torsdag 3. desember');
  });
});
