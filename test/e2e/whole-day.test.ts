// A whole day in Chromium: a fresh tablet is set up, 20 visitors tap in at the door, a
// volunteer tallies 31 dinners and 12 bingo boards (9 cash, 3 Vipps), the lead closes the day
// with the counted cash and downloads the day's CSV, whose rows match.
//
// The page's clock is fixed to Thursday 26 November 2026, 13:30 in Oslo (timers still run),
// so the day is the same whenever the test runs. Hjerterom Alta serves dinner Mon/Wed/Fri and
// bingo on Thursday; on this Thursday the lead first turns dinner on in Settings (there is
// dinner today), so the volunteer gets both +1 buttons.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInAtDoor, tallyNet } from './support/door.ts';
import type { RunningServer } from './support/server.ts';
import { closeTablet, openTablet } from './support/tablet.ts';
import { setUpStaffPins } from './support/staff.ts';
import { leaveStaffMode, signInAsStaff } from './support/staff-mode.ts';
import { visitors } from './support/visitors.ts';

const DAY = '2026-11-26';
const NOW = new Date('2026-11-26T13:30:00+01:00');
const PINS = { volunteer: '1111', lead: '2222' };

async function csvOf(download: Download): Promise<{ name: string; text: string }> {
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('a whole day at Hjerterom Alta, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
    await context.clock.setFixedTime(NOW);
  });

  afterAll(() => closeTablet({ server, context }));

  it('set-up, 20 door taps, the tally, the closing and the CSV agree', async () => {
    const started = Date.now();
    await page.goto(server.url);
    await setUpStaffPins(page, PINS);

    // Morning: the lead turns dinner on for Thursdays (it is served today).
    await signInAsStaff(page, PINS.lead);
    await page.getByRole('navigation').getByRole('button', { name: 'Innstillinger' }).click();
    const dinner = page
      .getByRole('group', { name: 'Middag', exact: true })
      .filter({ has: page.getByRole('textbox', { name: 'Pris i kroner (tomt = gratis)' }) });
    await dinner.getByRole('checkbox', { name: 'tor', exact: true }).check();
    await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await page.getByRole('status').filter({ hasText: 'Innstillingene er lagret.' }).waitFor();
    await leaveStaffMode(page);

    // The door: 5 visitors tap Sjekk inn each on their own (the door takes 4 s to be ready
    // again), then one brings 14 companions with «Én til».
    for (let i = 0; i < 5; i++) await checkInAtDoor(page);
    await visitors(page, 15);
    const skip = page.getByRole('button', { name: 'Hopp over' });
    if (await skip.isVisible()) await skip.click();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor({ timeout: 15_000 });
    expect(await tallyNet(page, 'visit')).toBe(20);

    // The volunteer's tally: a +1 per plate and per board sold.
    await signInAsStaff(page, PINS.volunteer);
    await page.getByRole('heading', { name: 'Telling' }).waitFor();
    const tap = async (name: string, times: number) => {
      const button = page.getByRole('button', { name, exact: true });
      for (let i = 0; i < times; i++) await button.click();
    };
    await tap('+1 Middag', 31);
    await tap('+1 Kontant, Bingobrett', 9);
    await tap('+1 Vipps, Bingobrett', 3);
    await page.getByRole('status').filter({ hasText: 'Lagret: +1 Vipps, Bingobrett' }).waitFor();
    await expect.poll(() => tallyNet(page, 'middag')).toBe(31);
    await expect.poll(() => tallyNet(page, 'bingo')).toBe(12);
    await leaveStaffMode(page);

    // The lead closes the day with the counted cash: 9 boards at 10 kr, 100 kr in the box.
    await signInAsStaff(page, PINS.lead);
    await page.getByRole('navigation').getByRole('button', { name: 'Dagsoppgjør' }).click();
    await page.getByText('Besøk i alt: 20').waitFor();
    await page.getByText(/Forventet i kassen: 90\s*kr/).waitFor();
    await page.getByRole('textbox', { name: 'Opptalt kontant (kr)' }).fill('100');
    await page.getByText(/Differanse: \+10\s*kr/).waitFor();
    await page.getByRole('button', { name: 'Avslutt dagen' }).click();
    await page.getByText('Dagen ble avsluttet kl. 13.30.').waitFor();
    await page.getByText(/Opptalt kontant: 100\s*kr/).waitFor();
    expect(await page.getByText(/Differanse: \+10\s*kr/).count()).toBe(1);

    // History: today's CSV, one row per day, and the long layout.
    await page.getByRole('navigation').getByRole('button', { name: 'Historikk' }).click();
    await page.getByLabel('Fra', { exact: true }).fill(DAY);
    await page.getByLabel('Til', { exact: true }).fill(DAY);
    const download = async (layout: string) => {
      await page.getByRole('radio', { name: layout, exact: true }).check();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Last ned CSV' }).click(),
      ]);
      return csvOf(file);
    };

    const wide = await download('Én rad per dag');
    expect(wide.name).toBe(`terskel-hjerterom-alta-${DAY}-${DAY}-per-dag.csv`);
    expect(wide.text.startsWith('\uFEFFdate;')).toBe(true);
    const wideRows = Papa.parse<Record<string, string>>(wide.text, {
      header: true,
      skipEmptyLines: true,
    });
    expect(wideRows.errors).toEqual([]);
    expect(wideRows.data).toEqual([
      {
        date: DAY,
        visit: '20',
        'visit:first-time': '0',
        'visit:returning': '0',
        middag: '31',
        brodmat: '0',
        bingo: '12',
        'bingo:cash': '9',
        'bingo:vipps': '3',
        'bingo:nok': '120',
        'samtale-enerom': '0',
        telefonsamtale: '0',
        hjemmebesok: '0',
        folgetjeneste: '0',
        frivillige: '0',
        'frivillig-minutter': '0',
      },
    ]);
    await page.getByText(/^Eksportert: 1 /).waitFor();

    const long = await download('Én rad per dag, teller, valg og time');
    expect(long.name).toBe(`terskel-hjerterom-alta-${DAY}-${DAY}-lang.csv`);
    const longRows = Papa.parse<string[]>(long.text, { skipEmptyLines: true });
    expect(longRows.errors).toEqual([]);
    expect(longRows.meta.delimiter).toBe(';');
    expect(longRows.meta.linebreak).toBe('\r\n');
    const [header, ...rows] = longRows.data;
    expect(header).toEqual(['date', 'counter', 'option', 'hour', 'net', 'amount_nok']);
    const row = (counter: string, option = '', hour = '') =>
      rows.find((cells) => cells[1] === counter && cells[2] === option && cells[3] === hour);
    expect(row('visit')).toEqual([DAY, 'visit', '', '', '20', '']);
    expect(row('visit', '', '13')).toEqual([DAY, 'visit', '', '13', '20', '']);
    expect(row('middag')).toEqual([DAY, 'middag', '', '', '31', '']);
    expect(row('bingo')).toEqual([DAY, 'bingo', '', '', '12', '120']);
    expect(row('bingo', 'cash')).toEqual([DAY, 'bingo', 'cash', '', '9', '90']);
    expect(row('bingo', 'vipps')).toEqual([DAY, 'bingo', 'vipps', '', '3', '30']);
    expect(rows.every((cells) => cells[0] === DAY)).toBe(true);

    console.log(`A whole day took ${Math.round((Date.now() - started) / 1000)} s`);
    expect(Date.now() - started).toBeLessThan(90_000);
  });
});
