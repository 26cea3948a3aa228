import { describe, expect, it } from 'vitest';
import { answerEvents, checkInEvent, presenceEvent } from '../../src/domain/door-events.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import type { SiteConfig } from '../../src/shared/site-config.ts';

const AT = 1_000;
const THURSDAY_13 = { day: '2026-11-26', hour: 13 };
const withoutHours = (id: string): SiteConfig => ({
  ...hjerteromAlta,
  counters: hjerteromAlta.counters.map((c) => (c.id === id ? { ...c, byHour: false } : c)),
});

describe('a tap at the door', () => {
  it('is +1 visit from the door, in its hour', () => {
    expect(checkInEvent(hjerteromAlta, AT, THURSDAY_13)).toEqual({
      day: '2026-11-26',
      at: AT,
      counter: 'visit',
      hour: 13,
      delta: 1,
      source: 'door',
    });
  });

  it('has no hour where the site keeps visits by day only', () => {
    expect(checkInEvent(withoutHours('visit'), AT, THURSDAY_13)).not.toHaveProperty('hour');
  });

  it('keeps hours where the site lists no visit counter', () => {
    expect(checkInEvent({ counters: [] }, AT, THURSDAY_13).hour).toBe(13);
  });
});

describe('an occupancy count', () => {
  it('staff counting n people out is +n check-outs by staff, in the hour', () => {
    expect(presenceEvent(hjerteromAlta, 'checkout', 3, 'staff', AT, THURSDAY_13)).toEqual({
      day: '2026-11-26',
      at: AT,
      counter: 'checkout',
      hour: 13,
      delta: 3,
      source: 'staff',
    });
  });
});

describe('an answer to the check-in question', () => {
  const checkIn = { ...checkInEvent(hjerteromAlta, AT, THURSDAY_13), id: 'tap-1' };

  it('moves the check-in to the answer: −1 on its key, +1 on the option, both refining it', () => {
    expect(answerEvents(hjerteromAlta, checkIn, 'first-time', AT + 5)).toEqual([
      {
        day: '2026-11-26',
        at: AT + 5,
        counter: 'visit',
        hour: 13,
        delta: -1,
        source: 'door',
        refines: 'tap-1',
      },
      {
        day: '2026-11-26',
        at: AT + 5,
        counter: 'visit',
        option: 'first-time',
        hour: 13,
        delta: 1,
        source: 'door',
        refines: 'tap-1',
      },
    ]);
  });

  it('an answer that counts as another counter moves it there, without an option', () => {
    const site: SiteConfig = {
      ...hjerteromAlta,
      question: {
        ...hjerteromAlta.question!,
        options: [{ id: 'dinner', label: { nb: 'Middag' }, countsAs: 'middag' }],
      },
    };
    const [undo, moved] = answerEvents(site, checkIn, 'dinner', AT);
    expect(undo).toMatchObject({ counter: 'visit', hour: 13, delta: -1 });
    // Dinner is counted by day: the moved count has no hour.
    expect(moved).toEqual({
      day: '2026-11-26',
      at: AT,
      counter: 'middag',
      delta: 1,
      source: 'door',
      refines: 'tap-1',
    });
  });

  it('an answer that is no longer an option moves nothing', () => {
    expect(answerEvents(hjerteromAlta, checkIn, 'gone', AT)).toEqual([]);
    expect(
      answerEvents({ ...hjerteromAlta, question: undefined }, checkIn, 'first-time', AT),
    ).toEqual([]);
  });
});
