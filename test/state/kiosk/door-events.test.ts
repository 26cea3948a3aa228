// The door's events: a check-in, and the move an answer makes of it.
import { describe, expect, it } from 'vitest';
import { answerEvents, checkInEvent } from '../../../src/state/kiosk/door-events.ts';
import { hjerteromAlta } from '../../../src/domain/presets/index.ts';
import type { SiteConfig } from '../../../src/shared/site-config.ts';

const DAY = '2026-11-23';

describe('door events', () => {
  it('a check-in counts one visit by the hour, unless the visit counter is not by the hour', () => {
    expect(checkInEvent(hjerteromAlta, 7, DAY, 12)).toEqual({
      day: DAY,
      at: 7,
      counter: 'visit',
      hour: 12,
      delta: 1,
      source: 'door',
    });
    const noHours: SiteConfig = {
      ...hjerteromAlta,
      counters: hjerteromAlta.counters.map((counter) =>
        counter.id === 'visit' ? { ...counter, byHour: false } : counter,
      ),
    };
    expect(checkInEvent(noHours, 7, DAY, 12)).not.toHaveProperty('hour');
  });

  it("an answer undoes the check-in's key and counts it at the answer's option", () => {
    const option = hjerteromAlta.question!.options[0]!;
    const checkIn = { id: 'c1', ...checkInEvent(hjerteromAlta, 7, DAY, 12) };
    const [undo, moved] = answerEvents(hjerteromAlta, checkIn, option.id, 9);
    expect(undo).toEqual({
      day: DAY,
      at: 9,
      counter: 'visit',
      hour: 12,
      delta: -1,
      source: 'door',
      refines: 'c1',
    });
    expect(moved).toEqual({
      day: DAY,
      at: 9,
      counter: 'visit',
      option: option.id,
      hour: 12,
      delta: 1,
      source: 'door',
      refines: 'c1',
    });
  });

  it('an option the site does not have moves nothing', () => {
    const checkIn = { id: 'c1', ...checkInEvent(hjerteromAlta, 7, DAY, 12) };
    expect(answerEvents(hjerteromAlta, checkIn, 'no-such-option', 9)).toEqual([]);
  });
});
