/**
 * Owns the closing arithmetic: a day's figures grouped by the kinds of counter the site has,
 * the cash the boards should have brought in, and reading what the lead typed as counted cash.
 * Pure: totals and text in, figures and refusal codes out; it never stores a closing.
 */
import type { Total } from '../shared/protocol';
import type { Counter } from '../shared/site-config';
import { amountFor, netFor, visitsPerHour } from './reports';

/** The option of a sale counter whose kroner the lead finds in the cash box. */
export const CASH_OPTION = 'cash';

/** A counter's whole-day figure and, where it has options, one per option. */
export interface ClosingFigure {
  counter: Counter;
  net: number;
  options: Array<{ id: string; name: Counter['name']; net: number; amountNok?: number }>;
  amountNok?: number;
}

/** The figures the closing screen shows, from a day's totals and the site's counters. */
export interface ClosingSummary {
  visits: ClosingFigure | undefined;
  visitsPerHour: Array<{ hour: number; visits: number }>;
  meals: ClosingFigure[];
  sales: ClosingFigure[];
  activities: ClosingFigure[];
  /** Kroner of the sale counters' cash option: what the cash box should hold. */
  cashExpectedNok: number;
}

function figureOf(counter: Counter, totals: readonly Total[]): ClosingFigure {
  const figure: ClosingFigure = {
    counter,
    net: netFor(totals, counter.id),
    options: (counter.options ?? []).map((option) => {
      const row: ClosingFigure['options'][number] = {
        id: option.id,
        name: option.name,
        net: netFor(totals, counter.id, option.id),
      };
      if (counter.kind === 'sale') row.amountNok = amountFor(totals, counter.id, option.id);
      return row;
    }),
  };
  if (counter.kind === 'sale') figure.amountNok = amountFor(totals, counter.id);
  return figure;
}

/** Groups a day's totals by the kinds of counter the site has. */
export function closingSummary(
  totals: readonly Total[],
  counters: readonly Counter[],
): ClosingSummary {
  const visit = counters.find((counter) => counter.id === 'visit');
  const ofKind = (kind: Counter['kind']) =>
    counters.filter((counter) => counter.kind === kind).map((counter) => figureOf(counter, totals));
  const sales = ofKind('sale');
  return {
    visits: visit === undefined ? undefined : figureOf(visit, totals),
    visitsPerHour: visitsPerHour(totals),
    meals: ofKind('meal'),
    sales,
    activities: ofKind('activity'),
    cashExpectedNok: sales.reduce(
      (sum, sale) =>
        sum + (sale.options.find((option) => option.id === CASH_OPTION)?.amountNok ?? 0),
      0,
    ),
  };
}

/** Why a counted-cash entry was refused: a code the screen words, never a sentence. */
export type CashProblem = 'missing' | 'not-a-number' | 'negative' | 'not-whole';

export type CashParse = { ok: true; nok: number | undefined } | { ok: false; problem: CashProblem };

/**
 * Reads what the lead typed as counted cash: whole kroner, the thousands set apart by spaces
 * (also no-break: "1 200"), by dots ("1.200") or by commas ("1,200", as English writes it),
 * "kr" before or after ("kr 90", "90 kr."), a zero fraction ("90,00") or a dash ("1 200,-").
 * A separator followed by three digits groups thousands, by one or two it starts øre, which are
 * refused ("1 234,50"); so "1.000" is a thousand kroner, never one. Empty is "not counted",
 * refused only when cash was expected.
 */
export function parseCountedCash(text: string, cashExpected: boolean): CashParse {
  const cleaned = text
    .replace(/\s/g, '')
    .replace(/^kr\.?|kr\.?$/gi, '')
    .replace(/[.,]-$/, '');
  if (cleaned === '')
    return cashExpected ? { ok: false, problem: 'missing' } : { ok: true, nok: undefined };
  if (/^[-−]\d[\d.,]*$/.test(cleaned)) return { ok: false, problem: 'negative' };
  const fraction = /([.,])(\d{1,2})$/.exec(cleaned);
  const whole = fraction ? cleaned.slice(0, fraction.index) : cleaned;
  const grouped = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.exec(whole);
  // "1.000.00": the same mark cannot both group thousands and start the øre.
  if (grouped && fraction && grouped[1] === fraction[1]) {
    return { ok: false, problem: 'not-a-number' };
  }
  const digits = grouped ? whole.replace(/[.,]/g, '') : whole;
  if (!/^\d{1,9}$/.test(digits)) return { ok: false, problem: 'not-a-number' };
  if (fraction && !/^0+$/.test(fraction[2]!)) return { ok: false, problem: 'not-whole' };
  return { ok: true, nok: Number(digits) };
}

/** What the lead counted minus what was expected: positive means more cash than boards. */
export function cashDifference(expectedNok: number, countedNok: number): number {
  return countedNok - expectedNok;
}
