/**
 * Owns the CSV the places open in Excel: UTF-8 with BOM, `;` separator, CRLF; the endpoint's
 * long layout (PROTOCOL.md days.csv, ids, for machines) and the tablet's two layouts for the
 * lead (display names and words in the lead's language). Never lets a cell start a formula.
 */
import type { Total } from '../shared/protocol';
import type { Counter, Language, LocalizedText } from '../shared/site-config';
import type { IsoDate } from './business-day';
import { amountFor, netFor } from './reports';
import { decimalHours, VOLUNTEER_MINUTES_COUNTER } from './volunteer-hours';

/** One cell: text, a number, or empty. */
export type CsvCell = string | number | undefined;

/** The long layout's header: PROTOCOL.md's days.csv header, for the endpoint and the tablet. */
export const LONG_CSV_COLUMNS = [
  'date',
  'counter',
  'option',
  'hour',
  'net',
  'amount_nok',
  'label',
] as const;

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

/** Names a counter (and option) id for people: undefined when the configuration has none. */
export type CsvLabel = (counter: string, option?: string) => string | undefined;

/**
 * The labels of a site's configuration, in bokmål: a counter's name, and "counter: option" for
 * an option's row. Counters switched off keep their names, so counts made earlier stay named.
 */
export function configLabels(counters: readonly Counter[]): CsvLabel {
  const byId = new Map(counters.map((counter) => [counter.id, counter]));
  return (id, option) => {
    const counter = byId.get(id);
    if (!counter) return undefined;
    if (option === undefined) return counter.name.nb;
    const named = counter.options?.find((candidate) => candidate.id === option);
    return named ? `${counter.name.nb}: ${named.name.nb}` : undefined;
  };
}

/**
 * The long layout: a header, then one row per total, as the endpoint's days.csv; `label` names
 * each row from the site's published configuration (empty without one).
 */
export function longCsvRows(
  days: ReadonlyArray<{ date: IsoDate; totals: Total[] }>,
  label: CsvLabel = () => undefined,
): CsvCell[][] {
  const rows: CsvCell[][] = [[...LONG_CSV_COLUMNS]];
  for (const day of days) {
    for (const total of day.totals) {
      rows.push([
        day.date,
        total.counter,
        total.option,
        total.hour,
        total.net,
        total.amountNok,
        label(total.counter, total.option),
      ]);
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
  /** A door question's answer column, with `{question}` and `{answer}`. */
  questionAnswer: string;
  /** The volunteer minutes counter's name, shown as hours. */
  volunteerHours: string;
}

/**
 * A door question (or the user voice) as the lead reads it: its counter, its text and its
 * answers (the options, `no-answer` included) in the lead's language; the state layer names
 * them, since the texts are i18n's.
 */
export interface NamedQuestion {
  counter: string;
  name: string;
  answers: ReadonlyArray<{ option: string; name: string }>;
}

function nameIn(text: LocalizedText, language: Language): string {
  return text[language] || text.nb;
}

/** A counter's name in the CSV: volunteer minutes are shown as hours, so named as hours. */
function counterName(counter: Counter, words: CsvWords, language: Language): string {
  return counter.id === VOLUNTEER_MINUTES_COUNTER
    ? words.volunteerHours
    : nameIn(counter.name, language);
}

/** A whole-day or option count as the CSV shows it: volunteer minutes as decimal hours. */
function countCell(counter: string, net: number): CsvCell {
  return counter === VOLUNTEER_MINUTES_COUNTER ? decimalHours(net) : net;
}

/**
 * The wide layout: one row per day; a column per counter's whole-day net, per counter option
 * and per sale counter's kroner, headed by the names the lead gave them, then a column per
 * door question's answer ("Første gang her?: Første gang i år"), then the day's closing and
 * counted cash. An option's name is prefixed by its counter's only where two columns would
 * read the same. Counters no longer in the config are only in the long layout.
 */
export function wideCsvRows(
  days: readonly CsvDay[],
  counters: readonly Counter[],
  words: CsvWords,
  language: Language,
  questions: readonly NamedQuestion[] = [],
): CsvCell[][] {
  const columns: Array<{ label: string; qualified?: string; value: (totals: Total[]) => CsvCell }> =
    [];
  for (const counter of counters) {
    const name = counterName(counter, words, language);
    columns.push({
      label: name,
      value: (totals) => countCell(counter.id, netFor(totals, counter.id)),
    });
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
  for (const question of questions) {
    for (const answer of question.answers) {
      columns.push({
        label: words.questionAnswer
          .replace('{question}', question.name)
          .replace('{answer}', answer.name),
        value: (totals) => netFor(totals, question.counter, answer.option),
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
 * visit once; a closed day adds its closing row with the counted cash. A door question has
 * only its answer rows (per answer): its whole-day sum is answers, not visits, and would
 * otherwise be summed with them.
 */
export function namedLongCsvRows(
  days: readonly CsvDay[],
  counters: readonly Counter[],
  words: CsvWords,
  language: Language,
  questions: readonly NamedQuestion[] = [],
): CsvCell[][] {
  const rows: CsvCell[][] = [
    [words.date, words.row, words.counter, words.answer, words.hour, words.count, words.kroner],
  ];
  for (const day of days) {
    for (const total of day.totals) {
      const question = questions.find((candidate) => candidate.counter === total.counter);
      if (question !== undefined) {
        if (total.option === undefined) continue;
        const answer = question.answers.find((candidate) => candidate.option === total.option);
        rows.push([
          day.date,
          words.perAnswer,
          question.name,
          answer?.name ?? total.option,
          undefined,
          total.net,
          undefined,
        ]);
        continue;
      }
      const counter = counters.find((candidate) => candidate.id === total.counter);
      const option = counter?.options?.find((candidate) => candidate.id === total.option);
      rows.push([
        day.date,
        total.option !== undefined
          ? words.perAnswer
          : total.hour !== undefined
            ? words.perHour
            : words.total,
        counter ? counterName(counter, words, language) : total.counter,
        option ? nameIn(option.name, language) : total.option,
        total.hour,
        countCell(total.counter, total.net),
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
