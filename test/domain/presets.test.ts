import { describe, expect, it } from 'vitest';
import { PRESETS, hjerteromAlta } from '../../src/domain/presets';
import { siteConfigSchema, type SiteConfig } from '../../src/shared/site-config';

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
      if (preset.question) {
        expect(preset.question.text.en).toBeTruthy();
        for (const option of preset.question.options) expect(option.label.en).toBeTruthy();
      }
    },
  );

  it('has a unique site id each', () => {
    const sites = PRESETS.map((preset) => preset.site);
    expect(new Set(sites).size).toBe(sites.length);
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

  it('asks «Første gang her?» with answers that refine the visit counter', () => {
    const visit = hjerteromAlta.counters.find((counter) => counter.id === 'visit');
    const optionIds = visit?.options?.map((option) => option.id);
    expect(hjerteromAlta.question?.text.nb).toBe('Første gang her?');
    for (const option of hjerteromAlta.question?.options ?? []) {
      expect(optionIds).toContain(option.id);
      expect(option.countsAs).toBeUndefined();
    }
  });

  it('has Ord for dagen at 13:00', () => {
    expect(hjerteromAlta.wordOfDay).toEqual({ enabled: true, time: '13:00' });
  });
});
