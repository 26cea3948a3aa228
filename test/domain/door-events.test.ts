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

describe('an answer to a door question', () => {
  const checkIn = { ...checkInEvent(hjerteromAlta, AT, THURSDAY_13), id: 'tap-1' };
  const DAY_MS = 86_400_000;
  const LATER = Date.UTC(2026, 10, 26, 12, 0, 5);
  const site: SiteConfig = {
    ...hjerteromAlta,
    questions: {
      own: {
        id: 'middag-i-dag',
        text: { nb: 'Spiser du middag?' },
        options: [
          { id: 'ja', label: { nb: 'Ja' } },
          { id: 'dinner', label: { nb: 'Bare middag' }, countsAs: 'middag' },
        ],
      },
      ready: ['forste-gang', 'kjonn'],
    },
  };

  it("is +1 on the question's own counter, its option the answer, with no hour and no link to the tap", () => {
    expect(answerEvents(hjerteromAlta, checkIn, 'forste-gang', 'forste-i-ar', LATER)).toEqual([
      {
        day: '2026-11-26',
        at: LATER - (LATER % DAY_MS),
        counter: 'forste-gang',
        option: 'forste-i-ar',
        delta: 1,
        source: 'door',
      },
    ]);
  });

  it("an answer's instant is its day's, not its hour's", () => {
    const [event] = answerEvents(site, checkIn, 'kjonn', 'annet', LATER);
    expect(new Date(event!.at).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('a skip or time-out counts no-answer, on the own question too', () => {
    expect(answerEvents(site, checkIn, 'kjonn', 'no-answer', AT)).toMatchObject([
      { counter: 'kjonn', option: 'no-answer', delta: 1 },
    ]);
    expect(answerEvents(site, checkIn, 'middag-i-dag', 'no-answer', AT)).toMatchObject([
      { counter: 'middag-i-dag', option: 'no-answer', delta: 1 },
    ]);
    expect(answerEvents(site, checkIn, 'middag-i-dag', 'ja', AT)[0]).not.toHaveProperty('hour');
  });

  it('an own answer that counts as another counter moves the check-in there, without an option', () => {
    const [undo, moved] = answerEvents(site, checkIn, 'middag-i-dag', 'dinner', AT + 5);
    expect(undo).toEqual({
      day: '2026-11-26',
      at: AT + 5,
      counter: 'visit',
      hour: 13,
      delta: -1,
      source: 'door',
      refines: 'tap-1',
    });
    // Dinner is counted by day: the moved count has no hour.
    expect(moved).toEqual({
      day: '2026-11-26',
      at: AT + 5,
      counter: 'middag',
      delta: 1,
      source: 'door',
      refines: 'tap-1',
    });
  });

  it('a question the site does not ask, or an own answer that is gone, counts nothing', () => {
    expect(answerEvents(site, checkIn, 'middag-i-dag', 'gone', AT)).toEqual([]);
    expect(answerEvents(site, checkIn, 'aldersgruppe', 'under-18', AT)).toEqual([]);
    expect(
      answerEvents(
        { ...hjerteromAlta, questions: undefined },
        checkIn,
        'forste-gang',
        'noensinne',
        AT,
      ),
    ).toEqual([]);
  });
});
