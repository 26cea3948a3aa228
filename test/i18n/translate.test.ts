import { beforeAll, describe, expect, it, vi } from 'vitest';
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

describe('Norwegian dates and times on the door', () => {
  beforeAll(() => loadCatalogue('nn'));

  /** Every day of a year, as `YYYY-MM-DD`. */
  const year = Array.from({ length: 365 }, (_, i) =>
    new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
  );

  it('are written as Intl writes them, without building an Intl formatter', () => {
    const dates = (language: 'nb' | 'nn') =>
      new Intl.DateTimeFormat(language, {
        timeZone: 'UTC',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
      });
    const expected = (['nb', 'nn'] as const).map((language) =>
      year.map((day) => dates(language).format(new Date(`${day}T00:00:00Z`))),
    );
    const clocks = ['00:00', '07:05', '13:15', '23:59'];
    const expectedClocks = clocks.map((clock) =>
      new Intl.DateTimeFormat('nb', {
        timeZone: 'UTC',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(new Date(`2000-01-01T${clock}:00Z`))
        .replace(':', '.'),
    );
    // The door's first render must not pay for Intl's locale data (~110 ms at 4× on a slow tablet).
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    const supported = vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf');
    expect(year.map((day) => formatDay('nb', day))).toEqual(expected[0]);
    expect(year.map((day) => formatDay('nn', day))).toEqual(expected[1]);
    expect(clocks.map((clock) => formatClock('nb', clock))).toEqual(expectedClocks);
    expect(clocks.map((clock) => formatClock('nn', clock))).toEqual(expectedClocks);
    expect(built).not.toHaveBeenCalled();
    expect(supported).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
