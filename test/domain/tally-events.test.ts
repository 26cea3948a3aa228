import { describe, expect, it } from 'vitest';
import type { CorrectionReason } from '../../src/domain/door-events.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import {
  correctionEvent,
  shiftEvents,
  tallyInputEvent,
  undoEvent,
  type TallyTarget,
} from '../../src/domain/tally-events.ts';
import type { Counter } from '../../src/shared/site-config.ts';

const AT = 1_000;
const THURSDAY_13 = { day: '2026-11-26', hour: 13 };
const counter = (id: string): Counter => hjerteromAlta.counters.find((c) => c.id === id)!;
const cash: TallyTarget = { counter: counter('bingo'), option: counter('bingo').options![0]! };

describe('a staff tally input', () => {
  it('a sale carries its price × n in kroner; a counter by day has no hour', () => {
    expect(tallyInputEvent(cash, 2, 'staff', AT, THURSDAY_13)).toEqual({
      day: '2026-11-26',
      at: AT,
      counter: 'bingo',
      option: 'cash',
      delta: 2,
      nok: 20,
      source: 'staff',
    });
  });

  it('a back-filled day has no hour to put the count in', () => {
    const visit: TallyTarget = { counter: counter('visit') };
    expect(tallyInputEvent(visit, 1, 'staff', AT, THURSDAY_13).hour).toBe(13);
    expect(tallyInputEvent(visit, 7, 'backfill', AT, { day: '2026-11-20' })).toEqual({
      day: '2026-11-20',
      at: AT,
      counter: 'visit',
      delta: 7,
      source: 'backfill',
    });
  });

  it('a correction is −1 with its reason; a reason outside the list is refused', () => {
    expect(correctionEvent(cash, 'counted-twice', AT, THURSDAY_13)).toMatchObject({
      delta: -1,
      nok: -10,
      source: 'staff',
      reason: 'counted-twice',
    });
    expect(() => correctionEvent(cash, 'mistake' as CorrectionReason, AT, THURSDAY_13)).toThrow(
      RangeError,
    );
  });

  it('an undo takes back the same key and kroner, by staff, at its own time', () => {
    const tap = tallyInputEvent(cash, 1, 'staff', AT, THURSDAY_13);
    expect(undoEvent(tap, AT + 9)).toEqual({
      day: '2026-11-26',
      at: AT + 9,
      counter: 'bingo',
      option: 'cash',
      delta: -1,
      nok: -10,
      source: 'staff',
    });
    const visit = tallyInputEvent({ counter: counter('visit') }, 1, 'staff', AT, THURSDAY_13);
    expect(undoEvent(visit, AT)).toMatchObject({ hour: 13, delta: -1 });
  });
});

describe('a volunteer shift', () => {
  const when = { day: '2026-11-23', hour: 12 };

  it('is two additions on the fixed counters, never by hour: people and whole minutes', () => {
    expect(shiftEvents({ volunteers: 3, minutes: 450 }, 7, when)).toEqual([
      { day: '2026-11-23', at: 7, counter: 'frivillige', delta: 3, source: 'staff' },
      { day: '2026-11-23', at: 7, counter: 'frivillig-minutter', delta: 450, source: 'staff' },
    ]);
  });

  it('taken back as a correction: the same numbers negative, with the reason; no zero event', () => {
    expect(shiftEvents({ volunteers: 2, minutes: 0 }, 7, when, 'wrong-button')).toEqual([
      {
        day: '2026-11-23',
        at: 7,
        counter: 'frivillige',
        delta: -2,
        source: 'staff',
        reason: 'wrong-button',
      },
    ]);
  });
});
