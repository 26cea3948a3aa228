import { describe, expect, it } from 'vitest';
import {
  CASH_OPTION,
  cashDifference,
  closingSummary,
  parseCountedCash,
} from '../../src/domain/closing.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import type { Total } from '../../src/shared/protocol.ts';
import type { Counter } from '../../src/shared/site-config.ts';

// A Thursday as the endpoint reads it: 20 visits (12 at 13, 8 at 14), 31 dinners (a meal the
// preset serves on other days: the summary follows the counters, not the weekday) and 12
// bingo boards, 9 by cash and 3 by Vipps at 10 kr.
const THURSDAY: Total[] = [
  { counter: 'bingo', net: 12, amountNok: 120 },
  { counter: 'bingo', option: 'cash', net: 9, amountNok: 90 },
  { counter: 'bingo', option: 'vipps', net: 3, amountNok: 30 },
  { counter: 'middag', net: 31 },
  { counter: 'visit', net: 20 },
  { counter: 'visit', option: 'first-time', net: 2 },
  { counter: 'visit', hour: 13, net: 12 },
  { counter: 'visit', hour: 14, net: 8 },
];

describe('the closing summary', () => {
  const summary = closingSummary(THURSDAY, hjerteromAlta.counters);

  it('groups the figures by kind of counter, options with their own net', () => {
    expect(summary.visits).toMatchObject({ net: 20 });
    expect(summary.visits?.options.map((option) => [option.id, option.net])).toEqual([
      ['first-time', 2],
      ['returning', 0],
    ]);
    expect(summary.visitsPerHour).toEqual([
      { hour: 13, visits: 12 },
      { hour: 14, visits: 8 },
    ]);
    expect(summary.meals.map((meal) => [meal.counter.id, meal.net])).toEqual([
      ['middag', 31],
      ['brodmat', 0],
    ]);
    // The social-worker and deacon service's tallies, none on this day.
    expect(summary.activities.map((activity) => [activity.counter.id, activity.net])).toEqual([
      ['samtale-enerom', 0],
      ['telefonsamtale', 0],
      ['hjemmebesok', 0],
      ['folgetjeneste', 0],
    ]);
  });

  it("a sale carries kroner per option; the cash box should hold the cash option's", () => {
    expect(summary.sales).toHaveLength(1);
    expect(summary.sales[0]).toMatchObject({ net: 12, amountNok: 120 });
    expect(summary.sales[0]?.options).toEqual([
      { id: CASH_OPTION, name: expect.objectContaining({ nb: 'Kontant' }), net: 9, amountNok: 90 },
      { id: 'vipps', name: expect.objectContaining({ nb: 'Vipps' }), net: 3, amountNok: 30 },
    ]);
    expect(summary.cashExpectedNok).toBe(90);
  });

  it('a site without a visit counter or cash sales expects no cash', () => {
    const meals: Counter[] = hjerteromAlta.counters.filter((c) => c.kind === 'meal');
    const plain = closingSummary(THURSDAY, meals);
    expect(plain.visits).toBeUndefined();
    expect(plain.sales).toEqual([]);
    expect(plain.cashExpectedNok).toBe(0);
  });
});

describe('counted cash', () => {
  it('100 counted against 90 expected is +10; 80 is −10', () => {
    expect(cashDifference(90, 100)).toBe(10);
    expect(cashDifference(90, 80)).toBe(-10);
  });

  it.each([
    ['100', true, { ok: true, nok: 100 }],
    ['1 200 kr', true, { ok: true, nok: 1200 }],
    ['90,00', true, { ok: true, nok: 90 }],
    ['', false, { ok: true, nok: undefined }],
    ['', true, { ok: false, problem: 'missing' }],
    ['ti', true, { ok: false, problem: 'not-a-number' }],
    ['12abc', true, { ok: false, problem: 'not-a-number' }],
    ['-5', true, { ok: false, problem: 'negative' }],
    ['−5', true, { ok: false, problem: 'negative' }],
    ['12,5', true, { ok: false, problem: 'not-whole' }],
    // Norwegian ways of writing kroner: a no-break or narrow space between the thousands
    // (as Intl prints them), "kr" before the amount, "kr." after it; øre are refused.
    ['1\u00a0234', true, { ok: true, nok: 1234 }],
    ['1\u202f234', true, { ok: true, nok: 1234 }],
    ['kr 90', true, { ok: true, nok: 90 }],
    ['KR 1 200,-', true, { ok: true, nok: 1200 }],
    ['1200,- kr', true, { ok: true, nok: 1200 }],
    // A dot or comma before three digits groups thousands (nb "1.000", en "1,000"): a thousand
    // kroner, never one; before one or two digits it starts øre.
    ['1.000', true, { ok: true, nok: 1000 }],
    ['1,000', true, { ok: true, nok: 1000 }],
    ['12.345.678', true, { ok: true, nok: 12_345_678 }],
    ['1.000,00', true, { ok: true, nok: 1000 }],
    ['1,000.00', true, { ok: true, nok: 1000 }],
    ['1.000,50', true, { ok: false, problem: 'not-whole' }],
    ['1.000.00', true, { ok: false, problem: 'not-a-number' }],
    ['1.00.0', true, { ok: false, problem: 'not-a-number' }],
    ['1.0000', true, { ok: false, problem: 'not-a-number' }],
    ['-1.000', true, { ok: false, problem: 'negative' }],
    ['90 kr.', true, { ok: true, nok: 90 }],
    ['1 234,50', true, { ok: false, problem: 'not-whole' }],
    ['kr -5', true, { ok: false, problem: 'negative' }],
    ['kr', true, { ok: false, problem: 'missing' }],
    ['1234567890', true, { ok: false, problem: 'not-a-number' }],
  ])('reads a counted cash of "%s" (cash expected: %s)', (text, expected, result) => {
    expect(parseCountedCash(text, expected)).toEqual(result);
  });
});
