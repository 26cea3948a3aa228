import { describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import {
  isStaffAdded,
  parseBackfillAmount,
  tallyTargets,
  targetKey,
  earliestBackfillDay,
  shiftNeedsConfirming,
} from '../../src/domain/tally-targets.ts';

/**
 * Hjerterom Alta's social-worker and deacon service, tallied on every opening weekday: the
 * preset starts with only private conversations on (phone calls and the rest are off).
 */
const SERVICES = ['samtale-enerom'];

const MONDAY = '2026-11-23';
const THURSDAY = '2026-11-26';

describe('tally targets', () => {
  it('Monday has dinner and a staff-added visit; no bingo', () => {
    expect(tallyTargets(hjerteromAlta, MONDAY).map(targetKey)).toEqual([
      'visit',
      'middag',
      ...SERVICES,
    ]);
  });

  it('Thursday has sandwiches and bingo by cash and Vipps', () => {
    expect(tallyTargets(hjerteromAlta, THURSDAY).map(targetKey)).toEqual([
      'visit',
      'brodmat',
      'bingo/cash',
      'bingo/vipps',
      ...SERVICES,
    ]);
  });
});

describe('a counter that is off', () => {
  const withMiddag = (enabled: boolean | undefined) => ({
    ...hjerteromAlta,
    counters: hjerteromAlta.counters.map((counter) =>
      counter.id === 'middag' ? { ...counter, enabled } : counter,
    ),
  });

  it('has no +1 button; absent or true means on', () => {
    expect(tallyTargets(withMiddag(false), MONDAY).map(targetKey)).toEqual(['visit', ...SERVICES]);
    expect(tallyTargets(withMiddag(true), MONDAY).map(targetKey)).toEqual([
      'visit',
      'middag',
      ...SERVICES,
    ]);
  });

  it('never hides the staff-added visit', () => {
    const visitOff = {
      ...hjerteromAlta,
      counters: hjerteromAlta.counters.map((counter) =>
        counter.id === 'visit' ? { ...counter, enabled: false } : counter,
      ),
    };
    expect(tallyTargets(visitOff, MONDAY).map(targetKey)).toEqual(['visit', 'middag', ...SERVICES]);
  });
});

describe('an option that is off', () => {
  const bingoWith = (cash: boolean | undefined, vipps: boolean | undefined) => ({
    ...hjerteromAlta,
    counters: hjerteromAlta.counters.map((counter) =>
      counter.id === 'bingo'
        ? {
            ...counter,
            options: [
              { ...counter.options![0]!, enabled: cash },
              { ...counter.options![1]!, enabled: vipps },
            ],
          }
        : counter,
    ),
  });

  it('has no +1 button; a counter with every option off offers none', () => {
    const keys = (config: ReturnType<typeof bingoWith>) =>
      tallyTargets(config, THURSDAY)
        .map(targetKey)
        .filter((key) => key.startsWith('bingo'));
    expect(keys(bingoWith(false, undefined))).toEqual(['bingo/vipps']);
    expect(keys(bingoWith(true, true))).toEqual(['bingo/cash', 'bingo/vipps']);
    expect(keys(bingoWith(false, false))).toEqual([]);
  });
});

describe('back-fill amounts', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not-whole'],
    ['1.5', 'not-whole'],
    ['12,0', 'not-whole'],
    ['-3', 'too-small'],
    ['0', 'too-small'],
    ['10001', 'too-large'],
  ])('"%s" is refused as %s', (typed, problem) => {
    expect(parseBackfillAmount(typed)).toEqual({ ok: false, problem });
  });

  it.each([
    ['12', 12],
    [' 7 ', 7],
    ['10 000', 10_000],
    ['1', 1],
  ])('"%s" is %d', (typed, amount) => {
    expect(parseBackfillAmount(typed)).toEqual({ ok: true, amount });
  });
});

describe('staff-added targets', () => {
  it('visits and check-outs are added by staff; a meal is counted', () => {
    const kinds = tallyTargets(hjerteromAlta, MONDAY).map((target) => [
      targetKey(target),
      isStaffAdded(target),
    ]);
    expect(kinds).toEqual([
      ['visit', true],
      ['middag', false],
      ...SERVICES.map((id) => [id, false]),
    ]);
  });
});

describe('what asks before it is stored, and how far back a back-fill reaches', () => {
  it('a shift taken back asks first above five volunteers or five hours', () => {
    expect(shiftNeedsConfirming({ volunteers: 5, minutes: 300 })).toBe(false);
    expect(shiftNeedsConfirming({ volunteers: 6, minutes: 60 })).toBe(true);
    expect(shiftNeedsConfirming({ volunteers: 1, minutes: 301 })).toBe(true);
  });

  it('a volunteer back-fills from yesterday, the lead any day', () => {
    expect(earliestBackfillDay('2026-01-01', false)).toBe('2025-12-31');
    expect(earliestBackfillDay('2026-01-01', true)).toBeUndefined();
  });
});
