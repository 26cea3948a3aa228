import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/domain/business-day';
import {
  PRESETS,
  enAinnaPlass,
  hjerteromAlta,
  hjerteromBarnUnge,
  montenegroHammerfest,
  presetById,
  stegForSteg,
} from '../../src/domain/presets';
import { doorQuestions } from '../../src/domain/door-questions';
import { countersOn, doorStatus, programmeFor } from '../../src/domain/schedule';
import { tallyTargets, targetKey } from '../../src/domain/tally-targets';
import { LANGUAGES, siteConfigSchema, type SiteConfig } from '../../src/shared/site-config';
import { configTexts, siteConfigInputSchema } from '../../src/shared/text-limits';

/** The staff tally's +1 buttons of a preset on a day, by key. */
const tallyOn = (preset: SiteConfig, day: string) => tallyTargets(preset, day).map(targetKey);

const issuesOf = (config: SiteConfig): string[] => {
  const result = siteConfigSchema.safeParse(config);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('every preset', () => {
  it.each(PRESETS.map((preset) => [preset.site, preset] as const))(
    '%s validates as a site configuration',
    (_site, preset) => {
      expect(issuesOf(preset)).toEqual([]);
    },
  );

  it.each(PRESETS.map((preset) => [preset.site, preset] as const))(
    '%s is a Norwegian site: Oslo time, cut-off 04, bokmål first, North Sámi offered',
    (_site, preset) => {
      expect(preset).toMatchObject({
        timeZone: 'Europe/Oslo',
        cutoffHour: 4,
        idleTimeoutSeconds: 60,
        retentionDays: 30,
        defaultLanguage: 'nb',
        languages: ['nb', 'nn', 'se', 'en', 'uk', 'ar'],
      });
      expect(preset.preset).toBe(preset.site);
    },
  );

  it.each(PRESETS.map((preset) => [preset.site, preset] as const))(
    '%s names every counter and question option in bokmål and English',
    (_site, preset) => {
      for (const counter of preset.counters) {
        expect(counter.name.en, counter.id).toBeTruthy();
        for (const option of counter.options ?? []) expect(option.name.en, option.id).toBeTruthy();
      }
      const own = preset.questions?.own;
      if (own) {
        expect(own.text.en).toBeTruthy();
        for (const option of own.options) expect(option.label.en).toBeTruthy();
      }
    },
  );

  it.each(PRESETS.map((preset) => [preset.site, preset] as const))(
    '%s words every text of its own (questions, answers, programme, counters) in all six languages, within the limits',
    (_site, preset) => {
      const texts = configTexts(preset);
      expect(texts.length).toBeGreaterThan(0);
      const missing = texts.flatMap(({ path, text }) =>
        LANGUAGES.filter((language) => !text[language]?.trim()).map(
          (language) => `${path.join('.')}.${language}`,
        ),
      );
      expect(missing).toEqual([]);
      expect(siteConfigInputSchema.safeParse(preset).success).toBe(true);
    },
  );

  it('is one per seed, in seed order, found by its id', () => {
    expect(PRESETS.map((preset) => preset.site)).toEqual([
      'hjerterom-alta',
      'hjerterom-barn-unge',
      'steg-for-steg',
      'en-ainna-plass',
      'montenegro-hammerfest',
    ]);
    for (const preset of PRESETS) expect(presetById(preset.site)).toBe(preset);
    expect(presetById('nowhere')).toBeUndefined();
  });

  it.each(PRESETS.map((preset) => [preset.site, preset] as const))(
    '%s (schema 2): at most three questions, each its own counter, never a counter of the site',
    (_site, preset) => {
      expect(preset.schema).toBe(2);
      const asked = doorQuestions(preset).map((question) => question.id);
      expect(asked.length).toBeLessThanOrEqual(3);
      expect(new Set(asked).size).toBe(asked.length);
      const counters = preset.counters.map((counter) => counter.id);
      for (const id of asked) expect(counters).not.toContain(id);
      for (const option of preset.questions?.own?.options ?? []) {
        if (option.countsAs !== undefined) expect(counters).toContain(option.countsAs);
      }
    },
  );

  it('has a unique site id each', () => {
    const sites = PRESETS.map((preset) => preset.site);
    expect(new Set(sites).size).toBe(sites.length);
  });
});

describe('services a seed only hints at', () => {
  it('start off; the services the seeds state (support and mapping conversations, tidgiver activities, acupuncture, training, NAV, police) are on', () => {
    const off = PRESETS.flatMap((preset) =>
      preset.counters
        .filter((counter) => counter.enabled === false)
        .map((counter) => `${preset.site}/${counter.id}`),
    );
    expect(off).toEqual([
      'hjerterom-alta/telefonsamtale',
      'hjerterom-alta/hjemmebesok',
      'hjerterom-alta/folgetjeneste',
    ]);
    const stated = [
      ['en-ainna-plass', 'stottesamtale'],
      ['steg-for-steg', 'kartleggingssamtale'],
      ['steg-for-steg', 'aktivitet-tidgiver'],
      ['montenegro-hammerfest', 'oreakupunktur'],
      ['montenegro-hammerfest', 'fellestrening'],
      ['montenegro-hammerfest', 'nav-besok'],
      ['montenegro-hammerfest', 'politi-besok'],
      ['hjerterom-alta', 'samtale-enerom'],
    ];
    for (const [site, id] of stated) {
      const counter = presetById(site!)?.counters.find((candidate) => candidate.id === id);
      expect(counter, `${site}/${id}`).toMatchObject({ id, kind: 'activity' });
      expect(counter, `${site}/${id}`).not.toHaveProperty('enabled');
    }
  });
});

describe('Hjerterom Alta', () => {
  it('is the first preset', () => {
    expect(PRESETS[0]).toBe(hjerteromAlta);
    expect(hjerteromAlta.name).toBe('Blå Kors Hjerterom Alta');
  });

  it('sells bingo boards at 10 kr on Thursdays, paid in cash or by Vipps', () => {
    const bingo = hjerteromAlta.counters.find((counter) => counter.id === 'bingo');
    expect(bingo).toMatchObject({ kind: 'sale', priceNok: 10, weekdays: [4] });
    expect(bingo?.options?.map((option) => option.id)).toEqual(['cash', 'vipps']);
  });

  it('asks the ready-made «Første gang her?» (also «første gang i år») and no own question', () => {
    expect(hjerteromAlta.questions).toEqual({ ready: ['forste-gang'] });
    // Its old answers stay names of visit options, so days of the one-question shape read.
    const visit = hjerteromAlta.counters.find((counter) => counter.id === 'visit');
    expect(visit?.options?.map((option) => option.id)).toEqual(['first-time', 'returning']);
  });

  it("tallies the social-worker and deacon service's outputs on every opening day", () => {
    const services = ['samtale-enerom', 'telefonsamtale', 'hjemmebesok', 'folgetjeneste'];
    expect(
      hjerteromAlta.counters
        .filter((counter) => services.includes(counter.id))
        .map((c) => c.name.nb),
    ).toEqual(['Samtale i enerom', 'Telefonsamtale', 'Hjemmebesøk', 'Følgetjeneste']);
    // Monday 2026-11-23 and Thursday 2026-11-26: open days with different meals. Only the
    // private conversation is on; the seed gives the rest as a possibility (next test).
    expect(tallyOn(hjerteromAlta, '2026-11-23')).toEqual(['visit', 'middag', 'samtale-enerom']);
    expect(tallyOn(hjerteromAlta, '2026-11-28')).toEqual(['visit']);
    expect(tallyOn(hjerteromAlta, '2026-11-26')).toEqual([
      'visit',
      'brodmat',
      'bingo/cash',
      'bingo/vipps',
      'samtale-enerom',
    ]);
  });

  it('starts with phone calls, home visits and accompaniment off: the seed only offers them', () => {
    const off = hjerteromAlta.counters.filter((counter) => counter.enabled === false);
    expect(off.map((counter) => counter.id)).toEqual([
      'telefonsamtale',
      'hjemmebesok',
      'folgetjeneste',
    ]);
    // Switched on by the lead, they are tallied on the opening days like the rest.
    const switchedOn = {
      ...hjerteromAlta,
      counters: hjerteromAlta.counters.map(({ enabled: _off, ...counter }) => counter),
    };
    expect(tallyOn(switchedOn, '2026-11-23')).toEqual([
      'visit',
      'middag',
      'samtale-enerom',
      'telefonsamtale',
      'hjemmebesok',
      'folgetjeneste',
    ]);
  });

  it('has Ord for dagen at 13:00', () => {
    expect(hjerteromAlta.wordOfDay).toEqual({ enabled: true, time: '13:00' });
  });
});

describe('Hjerterom for children and youth', () => {
  it('asks who checks in: child, youth or guardian', () => {
    expect(hjerteromBarnUnge.questions?.own?.text.nb).toBe('Hvem er du?');
    expect(hjerteromBarnUnge.questions?.own?.options.map((option) => option.id)).toEqual([
      'barn',
      'ungdom',
      'foresatt',
    ]);
  });

  it("has guardians' share on trips as a sale, and no Ord for dagen", () => {
    expect(hjerteromBarnUnge.counters.find((counter) => counter.id === 'egenandel')).toMatchObject({
      kind: 'sale',
      priceNok: 50,
      name: { nb: 'Egenandel tur (foresatt)' },
    });
    expect(hjerteromBarnUnge.wordOfDay.enabled).toBe(false);
  });
});

describe('Blå Kors steg for steg', () => {
  it('counts a tidgiver checking in as present, not as a visitor', () => {
    const tidgiver = stegForSteg.questions?.own?.options.find((option) => option.id === 'tidgiver');
    expect(tidgiver?.countsAs).toBe('tidgiver');
    expect(stegForSteg.counters.find((counter) => counter.id === 'tidgiver')).toMatchObject({
      kind: 'activity',
      name: { nb: 'Tidgiver til stede' },
    });
  });

  it('lets staff tally first conversations and activities with a tidgiver on weekdays', () => {
    expect(tallyOn(stegForSteg, '2026-11-23')).toEqual([
      'visit',
      'tidgiver',
      'kartleggingssamtale',
      'aktivitet-tidgiver',
    ]);
    // Saturday: the staff's service counters are off; visits are always on.
    expect(tallyOn(stegForSteg, '2026-11-28')).toEqual(['visit', 'tidgiver']);
    expect(countersOn(stegForSteg, '2026-11-23').map((counter) => counter.id)).toEqual([
      'visit',
      'tidgiver',
      'kartleggingssamtale',
      'aktivitet-tidgiver',
    ]);
  });
});

describe('En ainna plass', () => {
  it('asks what you will do today, with just hanging out as an answer', () => {
    expect(enAinnaPlass.questions?.own?.text.nb).toBe('Hva vil du gjøre i dag?');
    expect(enAinnaPlass.questions?.own?.options.map((option) => option.id)).toEqual([
      'musikkstudio',
      'maling',
      'switch',
      'bordtennis',
      'henge',
    ]);
    expect(enAinnaPlass.questions?.own?.options.at(-1)?.label.nb).toBe('Bare henge');
  });

  it('lets staff tally support conversations on its open evenings, not on a closed one', () => {
    expect(tallyOn(enAinnaPlass, '2026-11-24')).toEqual(['visit', 'stottesamtale']);
    expect(tallyOn(enAinnaPlass, '2026-11-27')).toEqual(['visit']);
  });

  it('on a closed evening (a Friday) says it opens Tuesday at 17:00', () => {
    const status = doorStatus(enAinnaPlass, instantOf('2026-11-27', '18:00', 'Europe/Oslo'));
    expect(status).toMatchObject({
      phase: 'closed-day',
      closedReason: 'no-hours',
      nextOpening: { date: '2026-12-01', open: '17:00' },
    });
  });

  it('on an open evening before 17:00 says it opens today', () => {
    const status = doorStatus(enAinnaPlass, instantOf('2026-11-24', '15:00', 'Europe/Oslo'));
    expect(status).toMatchObject({
      phase: 'before-opening',
      nextOpening: { date: '2026-11-24', open: '17:00' },
    });
  });
});

describe('Montenegro lavterskel', () => {
  it('has room for 15 and counts check-outs every day', () => {
    expect(montenegroHammerfest.capacity).toBe(15);
    expect(countersOn(montenegroHammerfest, '2026-11-29').map((counter) => counter.id)).toEqual([
      'visit',
      'checkout',
      'varm-mat',
      'fellestrening',
      'oreakupunktur',
    ]);
  });

  it("tallies NAV's visits on Tuesdays and Thursdays and the police's on Wednesdays", () => {
    const every = ['visit', 'checkout', 'varm-mat', 'fellestrening', 'oreakupunktur'];
    expect(tallyOn(montenegroHammerfest, '2026-11-24')).toEqual([...every, 'nav-besok']);
    expect(tallyOn(montenegroHammerfest, '2026-11-25')).toEqual([...every, 'politi-besok']);
    expect(tallyOn(montenegroHammerfest, '2026-11-26')).toEqual([...every, 'nav-besok']);
    expect(tallyOn(montenegroHammerfest, '2026-11-29')).toEqual(every);
  });

  it('shows NAV twice a week and the police once, and never a devotional', () => {
    const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    const itemsOfWeek = week.flatMap((date) => programmeFor(montenegroHammerfest, date));
    expect(itemsOfWeek.filter((item) => item.id === 'nav')).toHaveLength(2);
    expect(itemsOfWeek.filter((item) => item.id === 'politi')).toHaveLength(1);
    expect(montenegroHammerfest.schedule.some((item) => item.kind === 'word')).toBe(false);
    expect(montenegroHammerfest.wordOfDay.enabled).toBe(false);
  });

  it('is open on public holidays, which the place celebrates together', () => {
    expect(
      doorStatus(montenegroHammerfest, instantOf('2026-12-25', '12:00', 'Europe/Oslo')).phase,
    ).toBe('open');
  });
});
