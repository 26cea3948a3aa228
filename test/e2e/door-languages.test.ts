import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { loadCatalogue } from '../../src/i18n/catalogues.ts';
import { nb } from '../../src/i18n/nb.ts';
import { formatDay } from '../../src/i18n/translate.ts';
import type { Language } from '../../src/shared/site-config.ts';
import type { RunningServer } from './support/server.ts';
import { setUpStaffPins } from './support/staff.ts';
import { closeTablet, openTablet } from './support/tablet.ts';

const ENGLISH_WEEKDAY = /(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;

/** Today's business day in Oslo, and the day before (for a run between midnight and 04:00). */
function osloDays(): string[] {
  const day = (ms: number) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(ms));
  return [day(Date.now()), day(Date.now() - 24 * 3600 * 1000)];
}

describe('the door in nynorsk and North Sámi, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let browserLocales: string[];

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
    await page.goto(server.url);
    await setUpStaffPins(page);
    browserLocales = await page.evaluate(() =>
      Intl.DateTimeFormat.supportedLocalesOf(['nn', 'se']),
    );
    await Promise.all([loadCatalogue('nn'), loadCatalogue('se')]);
  });

  afterAll(() => closeTablet({ server, context }));

  it.each(['nn', 'se'] as const)(
    '%s names the day in its own words',
    async (language: Language) => {
      await page.getByRole('button', { name: nb[`lang.${language}`] }).click();
      await page.waitForFunction(
        (wanted) => document.querySelector('main')?.getAttribute('lang') === wanted,
        language,
      );
      const hasLocale = (wanted: Language) => browserLocales.includes(wanted);
      const expected = osloDays().map((day) => formatDay(language, day, hasLocale));
      // Between midnight and 04:00 the line goes on with the calendar date ("natt til …").
      const dayOf = (line: string | null | undefined) => (line ?? '').split(' (')[0];
      await page.waitForFunction(
        (texts) =>
          texts.includes(
            (document.querySelector('.door-date')?.textContent ?? '').split(' (')[0] ?? '',
          ),
        expected,
      );
      const shown = await page.locator('.door-date').textContent();
      expect(expected).toContain(dayOf(shown));
      expect(shown).not.toMatch(ENGLISH_WEEKDAY);
    },
  );
});
