import { describe, expect, it } from 'vitest';
import { prepareConfig, slugFor } from '../../src/domain/configuration.ts';
import { isVolunteerCounter } from '../../src/domain/volunteer-hours.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import type { SiteConfig } from '../../src/shared/site-config.ts';

describe('ids from names', () => {
  it.each([
    ['Øreakupunktur', 'oreakupunktur'],
    ['Kaffe & kake', 'kaffe-kake'],
    ['Blåbær-pai', 'blabaer-pai'],
    ['  Café  ', 'cafe'],
    ['!!!', 'punkt'],
  ])('"%s" becomes %s', (name, slug) => {
    expect(slugFor(name, [])).toBe(slug);
  });

  it('never takes an id twice', () => {
    expect(slugFor('Middag', ['middag', 'middag-2'])).toBe('middag-3');
  });

  it('is at most 40 characters', () => {
    expect(slugFor('a'.repeat(60), [])).toHaveLength(40);
  });
});

describe("preparing the editor's draft", () => {
  it('gives new items their id from their name, unlike the ids already there', () => {
    const draft: SiteConfig = {
      ...hjerteromAlta,
      counters: [
        ...hjerteromAlta.counters,
        { id: '', kind: 'meal', name: { nb: 'Middag' }, byHour: false },
      ],
      schedule: [
        ...hjerteromAlta.schedule,
        { id: '', kind: 'activity', title: { nb: 'Strikkekafé' }, time: '12:00', weekdays: [2] },
      ],
    };
    const prepared = prepareConfig(draft);
    const added = prepared.counters.filter((counter) => !isVolunteerCounter(counter.id));
    expect(added.at(-1)?.id).toBe('middag-2');
    // Every prepared configuration has the volunteer counters, once, never by hour.
    expect(prepared.counters.filter((counter) => isVolunteerCounter(counter.id))).toEqual([
      {
        id: 'frivillige',
        kind: 'activity',
        name: { nb: 'Frivillige', en: 'Volunteers' },
        byHour: false,
      },
      {
        id: 'frivillig-minutter',
        kind: 'activity',
        name: { nb: 'Frivillige timer (i minutter)', en: 'Volunteer hours (in minutes)' },
        byHour: false,
      },
    ]);
    expect(prepareConfig(prepared).counters).toHaveLength(prepared.counters.length);
    expect(prepared.schedule.at(-1)?.id).toBe('strikkekafe');
    // The draft is left as it was.
    expect(draft.counters.at(-1)?.id).toBe('');
  });

  it('drops opening hours without days and empty dates', () => {
    const prepared = prepareConfig({
      ...hjerteromAlta,
      openingHours: [
        ...hjerteromAlta.openingHours,
        { weekdays: [], open: '10:00', close: '12:00' },
      ],
      closedDates: ['', '2026-12-24'],
      openDates: [''],
    });
    expect(prepared.openingHours).toEqual(hjerteromAlta.openingHours);
    expect(prepared.closedDates).toEqual(['2026-12-24']);
    expect(prepared.openDates).toEqual([]);
  });

  it('an answer that refines visits is also a visit option; one that counts as another is not', () => {
    const prepared = prepareConfig({
      ...hjerteromAlta,
      question: {
        text: { nb: 'Hva kom du for?' },
        options: [
          { id: '', label: { nb: 'Første gang' } },
          { id: 'returning', label: { nb: 'Har vært her før' } },
          { id: 'dinner', label: { nb: 'Middag' }, countsAs: 'middag' },
        ],
      },
    });
    expect(prepared.question?.options.map((option) => option.id)).toEqual([
      'forste-gang',
      'returning',
      'dinner',
    ]);
    const visit = prepared.counters.find((counter) => counter.id === 'visit');
    expect(visit?.options?.map((option) => option.id)).toEqual([
      'first-time',
      'returning',
      'forste-gang',
    ]);
  });

  it('a place with a capacity counts check-outs, once', () => {
    const prepared = prepareConfig({ ...hjerteromAlta, capacity: 40 });
    const checkouts = prepared.counters.filter((counter) => counter.kind === 'checkout');
    expect(checkouts).toEqual([
      { id: 'checkout', kind: 'checkout', name: { nb: 'Sjekket ut' }, byHour: true },
    ]);
    expect(prepareConfig(prepared).counters).toEqual(prepared.counters);
    expect(prepareConfig(hjerteromAlta).counters.some((c) => c.kind === 'checkout')).toBe(false);
  });
});
