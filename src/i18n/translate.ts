/**
 * Looking up and filling in messages, and formatting dates, times and kroner with Intl. Where
 * the runtime's Intl lacks a language (Debian's Chromium has no nn or se), dates use our own
 * names of days and months, registered when that language's catalogue loads, and kroner our own
 * format: never the runtime's English. Norwegian (nb, nn) dates and clock times are always our
 * own, written as Intl writes them: the door's first render then builds no Intl formatter,
 * whose locale data cost ~110 ms of an old tablet's cold start (`profile.ts cold`, 4×).
 */
import type { Language } from '../shared/site-config.ts';
import { nb, type Catalogue, type MessageKey } from './nb.ts';

export type Params = Record<string, string | number>;

/** A translator bound to one language's catalogue, falling back to bokmål. */
export interface Translator {
  language: Language;
  t(key: MessageKey, params?: Params): string;
}

/** Right-to-left languages mirror the layout. */
export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}

/** Bokmål, the fallback of every catalogue: the door's texts, and staff mode's once loaded. */
const source: Catalogue = { ...nb };

/** Adds bokmål texts that load later (staff mode's) to the fallback. */
export function addSourceMessages(messages: Catalogue): void {
  Object.assign(source, messages);
}

export function createTranslator(language: Language, catalogue: Catalogue = {}): Translator {
  return {
    language,
    t(key, params) {
      const template = catalogue[key] ?? source[key] ?? key;
      if (params === undefined) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
  };
}

/** Whether the runtime's Intl has a language's own data (injected by tests as a runtime without). */
export type LocaleSupport = (language: Language) => boolean;

/** The runtime's answer. */
export const runtimeLocaleSupport: LocaleSupport = (language) =>
  Intl.DateTimeFormat.supportedLocalesOf(language).length > 0;

/** Our own names for a language Intl may lack, Monday and January first; "torsdag 3. desember". */
export interface CalendarNames {
  weekdays: readonly string[];
  months: readonly string[];
}

/** The months, the same in bokmål and nynorsk (CLDR's). */
export const NORWEGIAN_MONTHS: readonly string[] = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

/**
 * Bokmål's names, CLDR's, here rather than beside nynorsk's (calendar-names.ts): a module the
 * door shares with the lazy catalogues would be split into a chunk of its own with what else
 * they share, and the first paint would load it.
 */
const nbCalendar: CalendarNames = {
  weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  months: NORWEGIAN_MONTHS,
};

const calendars = new Map<Language, CalendarNames>([['nb', nbCalendar]]);
/** Written with our own names whatever the runtime has: Norwegian's order is fixed. */
const norwegian = (language: Language) => language === 'nb' || language === 'nn';
/** Registers our own names for a language (its catalogue's loader does, before first use). */
export function addCalendarNames(language: Language, names: CalendarNames): void {
  calendars.set(language, names);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = language + JSON.stringify(options);
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, options);
    formatters.set(key, format);
  }
  return format;
}

/** "mandag 23. november" for a business day `YYYY-MM-DD` (the date itself, no zone shift). */
export function formatDay(
  language: Language,
  isoDate: string,
  hasLocale: LocaleSupport = runtimeLocaleSupport,
): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const own = calendars.get(language);
  if (own !== undefined && (norwegian(language) || !hasLocale(language))) {
    // getUTCDay counts from Sunday, our names from Monday.
    return `${own.weekdays[(date.getUTCDay() + 6) % 7]} ${d}. ${own.months[m - 1]}`;
  }
  return formatter(language, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(date);
}

/**
 * A wall-clock time `HH:MM` in the language's digits, 24-hour in every language (a door never
 * says "03:00 PM"); Norwegian writes 13.15 (Språkrådet).
 */
export function formatClock(language: Language, clock: string): string {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  if (norwegian(language)) return `${twoDigits(h)}.${twoDigits(m)}`;
  return formatter(language, {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * Whole kroner, "1 200 kr". Norwegian writes the amount first, so for nb and nn — and for any
 * language the runtime's Intl lacks — the format is ours (as Intl writes it in nb: U+2212
 * minus, no-break spaces), not the engine's: older locale data (Debian's WebKitGTK) says "kr 90".
 */
export function formatNok(
  language: Language,
  amount: number,
  hasLocale: LocaleSupport = runtimeLocaleSupport,
): string {
  if (language === 'nb' || language === 'nn' || !hasLocale(language)) {
    const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+$)/g, '\u00a0');
    return `${amount < 0 ? '\u2212' : ''}${digits}\u00a0kr`;
  }
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'NOK',
    maximumFractionDigits: 0,
  }).format(amount);
}
