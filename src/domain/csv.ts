/**
 * Owns the CSV the places open in Excel: UTF-8 with BOM, `;` separator, CRLF, and the long
 * (PROTOCOL.md days.csv) and wide (one row per day) layouts. Never lets a cell start a formula.
 */
import type { Total } from '../shared/protocol';
import type { Counter } from '../shared/site-config';
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

/**
 * The wide layout: one row per day; a column per counter's whole-day net, per counter option
 * (`visit:first-time`) and per sale counter's kroner (`bingo:nok`). Headers are ids, which
 * never change; counters no longer in the config are only in the long layout.
 */
export function wideCsvRows(
  days: ReadonlyArray<{ date: IsoDate; totals: Total[] }>,
  counters: readonly Counter[],
): CsvCell[][] {
  const columns: Array<{ label: string; value: (totals: Total[]) => number }> = [];
  for (const counter of counters) {
    columns.push({ label: counter.id, value: (totals) => netFor(totals, counter.id) });
    for (const option of counter.options ?? []) {
      columns.push({
        label: `${counter.id}:${option.id}`,
        value: (totals) => netFor(totals, counter.id, option.id),
      });
    }
    if (counter.kind === 'sale') {
      columns.push({
        label: `${counter.id}:nok`,
        value: (totals) => amountFor(totals, counter.id),
      });
    }
  }
  return [
    ['date', ...columns.map((column) => column.label)],
    ...days.map((day) => [day.date, ...columns.map((column) => column.value(day.totals))]),
  ];
}
