/** Looking up and filling in messages, and formatting dates, times and kroner with Intl. */
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
export function formatDay(language: Language, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return formatter(language, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A wall-clock time `HH:MM` in the language's style; Norwegian writes 13.15 (Språkrådet). */
export function formatClock(language: Language, clock: string): string {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  const text = formatter(language, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' }).format(
    new Date(Date.UTC(2000, 0, 1, h, m)),
  );
  return language === 'nb' || language === 'nn' ? text.replace(':', '.') : text;
}

/**
 * Whole kroner, "1 200 kr". Norwegian writes the amount first; older locale data (the ICU of
 * Debian's WebKitGTK) puts "kr" first, so for nb and nn the order is ours, not the engine's.
 */
export function formatNok(language: Language, amount: number): string {
  const parts = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'NOK',
    maximumFractionDigits: 0,
  }).formatToParts(amount);
  const currency = parts[0]?.type === 'currency' ? parts[0].value : undefined;
  if ((language === 'nb' || language === 'nn') && currency !== undefined) {
    const number = parts.filter((part) => part.type !== 'currency' && part.type !== 'literal');
    return `${number.map((part) => part.value).join('')}\u00a0${currency}`;
  }
  return parts.map((part) => part.value).join('');
}
