/**
 * Owns the CSV the places open in Excel: UTF-8 with BOM, `;` separator, CRLF; the endpoint's
 * long layout (PROTOCOL.md days.csv, ids, for machines) and the tablet's two layouts for the
 * lead (display names and words in the lead's language). Never lets a cell start a formula.
 */
import type { Total } from '../shared/protocol';
import type { Counter, Language, LocalizedText } from '../shared/site-config';
import type { IsoDate } from './business-day';
import { amountFor, netFor } from './reports';

/** One cell: text, a number, or empty. */
export type CsvCell = string | number | undefined;

/** The long layout's header; the same as the protocol's `LONG_CSV_HEADER` (kept zod-free). */
export const LONG_CSV_COLUMNS = ['date', 'counter', 'option', 'hour', 'net', 'amount_nok'] as const;

// A spreadsheet runs text starting with these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

function cellText(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: BOM, `;` between cells, CRLF after every row (the last one too). */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  let document = '\uFEFF';
  for (const row of rows) document += `${row.map(cellText).join(';')}\r\n`;
  return document;
}

/** The long layout: a header, then one row per total, as the endpoint's days.csv. */
export function longCsvRows(days: ReadonlyArray<{ date: IsoDate; totals: Total[] }>): CsvCell[][] {
  const rows: CsvCell[][] = [[...LONG_CSV_COLUMNS]];
  for (const day of days) {
    for (const total of day.totals) {
      rows.push([day.date, total.counter, total.option, total.hour, total.net, total.amountNok]);
    }
  }
  return rows;
}

/** A day as the tablet's export reads it: its totals and, where it was closed, the closing. */
export interface CsvDay {
  date: IsoDate;
  totals: Total[];
  closed?: boolean;
  cashCountedNok?: number;
}

/** The words of the tablet's CSV in the lead's language (staff mode's catalogue gives them). */
export interface CsvWords {
  date: string;
  row: string;
  total: string;
  perAnswer: string;
  perHour: string;
  closing: string;
  counter: string;
  answer: string;
  hour: string;
  count: string;
  kroner: string;
  /** A sale counter's kroner, with `{counter}` for its name: "Bingobrett, kroner". */
  counterKroner: string;
  closed: string;
  cashCounted: string;
  yes: string;
  no: string;
}

function nameIn(text: LocalizedText, language: Language): string {
  return text[language] || text.nb;
}

/**
 * The wide layout: one row per day; a column per counter's whole-day net, per counter option
 * and per sale counter's kroner, headed by the names the lead gave them, then the day's
 * closing and counted cash. An option's name is prefixed by its counter's only where two
 * columns would read the same. Counters no longer in the config are only in the long layout.
 */
export function wideCsvRows(
  days: readonly CsvDay[],
  counters: readonly Counter[],
  words: CsvWords,
  language: Language,
): CsvCell[][] {
  const columns: Array<{ label: string; qualified?: string; value: (totals: Total[]) => number }> =
    [];
  for (const counter of counters) {
    const name = nameIn(counter.name, language);
    columns.push({ label: name, value: (totals) => netFor(totals, counter.id) });
    for (const option of counter.options ?? []) {
      const label = nameIn(option.name, language);
      columns.push({
        label,
        qualified: `${name}, ${label}`,
        value: (totals) => netFor(totals, counter.id, option.id),
      });
    }
    if (counter.kind === 'sale') {
      columns.push({
        label: words.counterKroner.replace('{counter}', name),
        value: (totals) => amountFor(totals, counter.id),
      });
    }
  }
  const uses = new Map<string, number>();
  for (const { label } of columns) uses.set(label, (uses.get(label) ?? 0) + 1);
  for (const column of columns) {
    if (column.qualified !== undefined && uses.get(column.label)! > 1)
      column.label = column.qualified;
  }
  return [
    [words.date, ...columns.map((column) => column.label), words.closed, words.cashCounted],
    ...days.map((day) => [
      day.date,
      ...columns.map((column) => column.value(day.totals)),
      day.closed ? words.yes : words.no,
      day.cashCountedNok,
    ]),
  ];
}

/**
 * The tablet's long layout: one row per total, each saying what it is (the whole day, one
 * answer or one hour), so a filter on that column gives the totals and a sum counts each
 * visit once; a closed day adds its closing row with the counted cash.
 */
export function namedLongCsvRows(
  days: readonly CsvDay[],
  counters: readonly Counter[],
  words: CsvWords,
  language: Language,
): CsvCell[][] {
  const rows: CsvCell[][] = [
    [words.date, words.row, words.counter, words.answer, words.hour, words.count, words.kroner],
  ];
  for (const day of days) {
    for (const total of day.totals) {
      const counter = counters.find((candidate) => candidate.id === total.counter);
      const option = counter?.options?.find((candidate) => candidate.id === total.option);
      rows.push([
        day.date,
        total.option !== undefined
          ? words.perAnswer
          : total.hour !== undefined
            ? words.perHour
            : words.total,
        counter ? nameIn(counter.name, language) : total.counter,
        option ? nameIn(option.name, language) : total.option,
        total.hour,
        total.net,
        total.amountNok,
      ]);
    }
    if (day.closed) {
      rows.push([
        day.date,
        words.closing,
        words.cashCounted,
        undefined,
        undefined,
        undefined,
        day.cashCountedNok,
      ]);
    }
  }
  return rows;
}
