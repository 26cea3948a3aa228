import { describe, expect, it } from 'vitest';
import { migrateConfig, prepareConfig, slugFor } from '../../src/domain/configuration.ts';
import { isVolunteerCounter } from '../../src/domain/volunteer-hours.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import {
  siteConfigSchema,
  type CheckInQuestion,
  type SiteConfig,
} from '../../src/shared/site-config.ts';

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

// A neutral id: "t-" and a few base-36 characters, nothing the lead typed.
const NEUTRAL = /^t-[a-z0-9]{1,6}$/;

describe("preparing the editor's draft", () => {
  it('gives new items a neutral id, never from their name, unlike the ids already there', () => {
    const draft: SiteConfig = {
      ...hjerteromAlta,
      counters: [
        ...hjerteromAlta.counters,
        { id: '', kind: 'meal', name: { nb: 'Kari Nordmann' }, byHour: false },
        { id: '', kind: 'meal', name: { nb: 'Kari Nordmann' }, byHour: false },
      ],
      schedule: [
        ...hjerteromAlta.schedule,
        { id: '', kind: 'activity', title: { nb: 'Strikkekafé' }, time: '12:00', weekdays: [2] },
      ],
    };
    const prepared = prepareConfig(draft);
    const added = prepared.counters.filter((counter) => !isVolunteerCounter(counter.id));
    const [first, second] = added.slice(-2).map((counter) => counter.id);
    expect(first).toMatch(NEUTRAL);
    expect(second).toMatch(NEUTRAL);
    expect(first).not.toBe(second);
    expect(siteConfigSchema.safeParse(prepared).success).toBe(true);
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
    expect(prepared.schedule.at(-1)?.id).toMatch(NEUTRAL);
    // Once it has an id, it keeps it.
    expect(prepareConfig(prepared).counters).toEqual(prepared.counters);
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

  it("the site's own question and its answers get neutral ids, never a counter's", () => {
    const prepared = prepareConfig({
      ...hjerteromAlta,
      questions: {
        ready: ['kjonn'],
        own: {
          id: '',
          text: { nb: 'Kjønn' },
          options: [
            { id: '', label: { nb: 'Første gang' } },
            { id: 'dinner', label: { nb: 'Middag' }, countsAs: 'middag' },
          ],
        },
      },
    });
    expect(prepared.questions?.own?.id).toMatch(NEUTRAL);
    const [fresh, kept] = prepared.questions?.own?.options.map((option) => option.id) ?? [];
    expect(fresh).toMatch(NEUTRAL);
    expect(kept).toBe('dinner');
    expect(prepared.questions?.ready).toEqual(['kjonn']);
    // Answers are the question's own counter's options: the visit counter is left as it was.
    expect(prepared.counters.filter((counter) => !isVolunteerCounter(counter.id))).toEqual(
      hjerteromAlta.counters,
    );
    // Once it has an id, it keeps it.
    expect(prepareConfig(prepared).questions).toEqual(prepared.questions);
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

/** A configuration as schema v1 stored it: one optional `question`. */
function v1(question?: CheckInQuestion): Record<string, unknown> {
  const { questions: _questions, ...rest } = hjerteromAlta;
  return { ...rest, schema: 1, ...(question ? { question } : {}) };
}

describe('a configuration of schema v1', () => {
  const FIRST_TIME: CheckInQuestion = {
    text: { nb: 'Første gang her?', en: 'First time here?' },
    options: [
      { id: 'first-time', label: { nb: 'Ja, første gang' } },
      { id: 'returning', label: { nb: 'Nei, har vært her før' } },
    ],
  };
  const WHO: CheckInQuestion = {
    text: { nb: 'Jeg er …' },
    options: [
      { id: 'deltaker', label: { nb: 'Deltaker' } },
      { id: 'tidgiver', label: { nb: 'Tidgiver' }, countsAs: 'middag' },
    ],
  };

  it('with the first-time/returning question asks the ready-made first-time question', () => {
    const migrated = siteConfigSchema.parse(migrateConfig(v1(FIRST_TIME)));
    expect(migrated.schema).toBe(2);
    expect(migrated.questions).toEqual({ ready: ['forste-gang'] });
    expect(migrated).not.toHaveProperty('question');
  });

  it("with another question keeps it as the site's own, answers and countsAs included", () => {
    const migrated = siteConfigSchema.parse(migrateConfig(v1(WHO)));
    expect(migrated.questions).toEqual({ ready: [], own: { id: 'jeg-er', ...WHO } });
  });

  it('without a question asks none; everything else is kept as it was', () => {
    const migrated = siteConfigSchema.parse(migrateConfig(v1()));
    expect(migrated.questions).toBeUndefined();
    expect(migrated).toEqual({ ...hjerteromAlta, questions: undefined });
  });

  it('round trip: v1 → v2 validates, and migrating v2 again changes nothing', () => {
    for (const question of [FIRST_TIME, WHO, undefined]) {
      const once = siteConfigSchema.parse(migrateConfig(v1(question)));
      expect(migrateConfig(once)).toBe(once);
      expect(siteConfigSchema.parse(migrateConfig(JSON.parse(JSON.stringify(once))))).toEqual(once);
    }
  });

  it('is refused by the v2 schema when not migrated, and anything not v1 is left to the schema', () => {
    expect(siteConfigSchema.safeParse(v1(WHO)).success).toBe(false);
    expect(migrateConfig('garbled')).toBe('garbled');
    expect(migrateConfig(null)).toBe(null);
  });
});

describe("a counter's enabled flag", () => {
  const counterAt = (config: SiteConfig, id: string) =>
    config.counters.find((counter) => counter.id === id);
  const withBingo = (bingo: Record<string, unknown>) => ({
    ...hjerteromAlta,
    counters: hjerteromAlta.counters.map((counter) =>
      counter.id === 'bingo' ? { ...counter, ...bingo } : counter,
    ),
  });

  it('is optional: a counter without it validates and stays without it (on)', () => {
    const { enabled: _none, ...bingo } = counterAt(hjerteromAlta, 'bingo')!;
    const parsed = siteConfigSchema.parse(withBingo(bingo));
    expect(counterAt(parsed, 'bingo')).not.toHaveProperty('enabled');
  });

  it('keeps false (off) through the schema, JSON and migration', () => {
    const off = siteConfigSchema.parse(withBingo({ enabled: false }));
    expect(counterAt(off, 'bingo')?.enabled).toBe(false);
    const again = siteConfigSchema.parse(migrateConfig(JSON.parse(JSON.stringify(off))));
    expect(counterAt(again, 'bingo')?.enabled).toBe(false);
    expect(again).toEqual(off);
  });

  it('is kept when a v1 configuration is migrated, and by the editor', () => {
    const stored = { ...v1(), counters: withBingo({ enabled: false }).counters };
    const migrated = siteConfigSchema.parse(migrateConfig(stored));
    expect(counterAt(migrated, 'bingo')?.enabled).toBe(false);
    expect(counterAt(prepareConfig(migrated), 'bingo')?.enabled).toBe(false);
  });

  it('refuses anything but a boolean, naming the field', () => {
    const result = siteConfigSchema.safeParse(withBingo({ enabled: 'nei' }));
    expect(result.success).toBe(false);
    const index = hjerteromAlta.counters.findIndex((counter) => counter.id === 'bingo');
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      `counters.${index}.enabled`,
    ]);
  });
});
