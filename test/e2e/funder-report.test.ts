// The funder report in Chromium: a fresh tablet imports a year of tallies from another tablet's
// backup (IndexedDB seeded the way a replacement tablet gets them), the lead opens the report
// for last calendar year, prints it to PDF — one A4 page, no text under 9 pt — and downloads
// its CSV, which parses back to the figures on screen.
//
// The page's clock is fixed to Monday 5 January 2026, so "last calendar year" is 2025.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDER_YEAR, funderYearBackup } from '../support/funder-year.ts';
import type { RunningServer } from './support/server.ts';
import { setUpStaffPins } from './support/staff.ts';
import { signInAsStaff } from './support/staff-mode.ts';
import { closeTablet, openTablet } from './support/tablet.ts';

const NOW = new Date('2026-01-05T10:00:00+01:00');
const PINS = { volunteer: '1111', lead: '222222' };

/** The text of a row's value cells in a report section, spaces made plain. */
async function cells(page: Page, section: string, row: string): Promise<string[]> {
  const region = page.getByRole('region', { name: section, exact: true });
  const line = region.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: row, exact: true }),
  });
  const texts = await line.getByRole('cell').allTextContents();
  return texts.map((text) => text.replace(/\s/g, ' '));
}

describe('the funder report of a seeded year, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
    await context.clock.setFixedTime(NOW);
  });

  afterAll(() => closeTablet({ server, context }));

  it('prints on one A4 page and downloads a CSV with the same figures', async () => {
    await page.goto(server.url);
    await setUpStaffPins(page, PINS);
    await signInAsStaff(page, PINS.lead);

    // A year of tallies into IndexedDB: the backup of the tablet this one replaces.
    await page.getByRole('navigation').getByRole('button', { name: 'Historikk' }).click();
    await page.getByRole('checkbox', { name: 'Bruk også oppsettet fra sikkerhetskopien' }).check();
    await page.getByLabel('Importer sikkerhetskopi').setInputFiles({
      name: 'terskel-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(funderYearBackup())),
    });
    await page.getByRole('status').filter({ hasText: 'importert' }).waitFor();

    await page.getByRole('button', { name: 'Åpne rapporten til tilskuddsgivere' }).click();
    await page
      .getByRole('article', {
        name: 'Rapport til tilskuddsgivere: Blå Kors Hjerterom Alta: 2025-01-01–2025-12-31',
      })
      .waitFor();
    const kostra = 'Åpningstid og besøk (KOSTRA)';
    expect(await cells(page, kostra, 'Besøk i alt')).toEqual(['4 800', '50']);
    expect((await cells(page, kostra, 'Åpne dager'))[0]).toBe('252');
    expect(await cells(page, 'Anslag over personer', 'Ulike personer (anslag)')).toEqual(['2 125']);
    expect(await cells(page, 'Anslag over personer', 'Nye personer (anslag)')).toEqual(['775']);
    expect(await cells(page, 'Hvordan var det i dag?', 'Misfornøyd')).toEqual([
      'under 5',
      'skjult',
    ]);

    // Printed: every piece of text in the report at 9 pt (12 px) or more, on one A4 page.
    await page.emulateMedia({ media: 'print' });
    const smallest = await page.evaluate(() => {
      const report = document.querySelector('.funder-report')!;
      let min = Infinity;
      for (const element of [report, ...report.querySelectorAll('*')]) {
        const style = getComputedStyle(element);
        if (style.display === 'none' || !element.textContent?.trim()) continue;
        min = Math.min(min, parseFloat(style.fontSize));
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(12);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    // Page objects, not the /Pages tree that holds them.
    const pages = (file: string) => file.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    expect(pages(pdf)).toBe(1);
    // The count means something: the same screen without its print stylesheet takes more.
    await page.evaluate(() => document.documentElement.classList.remove('print-funder-report'));
    expect(pages((await page.pdf({ format: 'A4' })).toString('latin1'))).toBeGreaterThan(1);
    await page.evaluate(() => document.documentElement.classList.add('print-funder-report'));
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `terskel-hjerterom-alta-rapport-${FUNDER_YEAR.from}-${FUNDER_YEAR.to}.csv`,
    );
    const text = await readFile(await download.path(), 'utf8');
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const value = (section: string, item: string, measure: string) =>
      parsed.data.find(([s, i, m]) => s === section && i === item && m === measure)?.[3];
    expect(value(kostra, 'Besøk i alt', 'Perioden')).toBe(String(FUNDER_YEAR.visits));
    expect(value(kostra, 'Besøk i alt', 'Samme periode i fjor')).toBe('50');
    expect(value(kostra, 'Åpne dager', 'Perioden')).toBe(String(FUNDER_YEAR.openingDays));
    expect(value(kostra, 'Åpne dager ikke registrert', 'Perioden')).toBe('10');
    expect(value('Anslag over personer', 'Ulike personer (anslag)', 'Antall')).toBe('2125');
    expect(value('Anslag over personer', 'Nye personer (anslag)', 'Antall')).toBe('775');
    expect(value('Hvordan var det i dag?', 'Misfornøyd', 'Antall')).toBe('under 5');
    expect(value('Frivillige', 'Frivillige timer', 'Antall')).toBe('3630,0');
  });
});
