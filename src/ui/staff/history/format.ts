/** Short labels for dates and periods on the lead's history screen. */
import type { Translator } from '../../../i18n/index.ts';
import type { Period } from '../../../state/staff.ts';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = language + JSON.stringify(options);
  let found = formats.get(key);
  if (found === undefined) formats.set(key, (found = new Intl.DateTimeFormat(language, options)));
  return found;
}

function utcOf(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** "23.11.2026" (the date itself, no zone shift). */
export function shortDate(language: string, isoDate: string): string {
  return format(language, {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(utcOf(isoDate));
}

/** "23.11" for chart labels. */
export function dayMonth(language: string, isoDate: string): string {
  return format(language, { timeZone: 'UTC', day: '2-digit', month: '2-digit' }).format(
    utcOf(isoDate),
  );
}

/** A period key (`2026-11-23`, `2026-W48`, `2026-11`, `2026`) as people read it. */
export function periodLabel(translator: Translator, period: Period, key: string): string {
  switch (period) {
    case 'day':
      return shortDate(translator.language, key);
    case 'week': {
      const [year, week] = key.split('-W');
      return translator.t('staff.history.weekLabel', { week: Number(week), year: year ?? '' });
    }
    case 'month':
      return format(translator.language, {
        timeZone: 'UTC',
        month: 'long',
        year: 'numeric',
      }).format(utcOf(`${key}-01`));
    case 'year':
      return key;
  }
}
