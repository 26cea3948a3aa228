/** How the dashboard writes numbers, dates and times: Norwegian, with Intl. */
import type { IsoDate } from '../domain/business-day.ts';
import { createTranslator, type Translator } from '../i18n/translate.ts';
import '../i18n/dashboard.ts';
// The funder report is worded with staff mode's texts, as the tablet words it.
import '../i18n/staff.ts';

/** The dashboard speaks bokmål. */
export const translator: Translator = createTranslator('nb');
export const t = translator.t;

const whole = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

/** A count, "1 234"; hours with one decimal, "7,5". */
export const count = (n: number): string => whole.format(n);
export const hours = (n: number): string => oneDecimal.format(n);

const dateFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
});
const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

/** "5.12.2026". */
export const longDate = (date: IsoDate): string => dateFormat.format(utc(date));
/** "5.12.", the way a day is written short on a chart's axis. */
export const shortDate = (date: IsoDate): string =>
  `${Number(date.slice(8))}.${Number(date.slice(5, 7))}.`;

const monthFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'UTC',
  month: 'short',
  year: 'numeric',
});
/** "des. 2026" for "2026-12". */
export const monthLabel = (month: string): string => monthFormat.format(utc(`${month}-01`));

const momentFormat = new Intl.DateTimeFormat('nb-NO', {
  dateStyle: 'short',
  timeStyle: 'short',
});
/** A moment the endpoint recorded, in the browser's time: "05.12.2026, 14:03". */
export const moment = (iso: string): string => momentFormat.format(new Date(iso));
