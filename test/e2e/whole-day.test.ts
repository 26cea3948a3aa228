// A whole day, in every engine: a fresh tablet is set up, 20 visitors tap in at the door, a
// volunteer tallies 31 dinners and 12 bingo boards (9 cash, 3 Vipps), the lead closes the day
// with the counted cash and downloads the day's CSV, whose rows match.
//
// The page's clock is fixed to Thursday 26 November 2026, 13:30 in Oslo (timers still run;
// an init script, the same in every engine),
// so the day is the same whenever the test runs. Hjerterom Alta serves dinner Mon/Wed/Fri and
// bingo on Thursday; on this Thursday the lead first turns dinner on in Settings (there is
// dinner today), so the volunteer gets both +1 buttons.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_CASES } from './support/engines/index.ts';
import {
  checkInAtDoor,
  doorReady,
  leaveStaffMode,
  openDoor,
  signInAsStaff,
  tallyNet,
  visitors,
} from './support/engines/flows.ts';
import {
  catchDownloads,
  caughtDownloads,
  fixedClockScript,
  type CaughtDownload,
} from './support/engines/in-page.ts';
import {
  closeEngineTablet,
  openEngineTablet,
  type EngineTablet,
} from './support/engines/tablet.ts';
import type { Query } from './support/engines/types.ts';

const DAY = '2026-11-26';
const NOW = new Date('2026-11-26T13:30:00+01:00');
const PINS = { volunteer: '1111', lead: '222222' };

describe.each(ENGINE_CASES)('a whole day at Hjerterom Alta, in %s', (_label, engine) => {
  let tablet: EngineTablet;

  beforeAll(async () => {
    tablet = await openEngineTablet(engine, { initScript: fixedClockScript(NOW.toISOString()) });
  });

  afterAll(() => closeEngineTablet(tablet));

  it('set-up, 20 door taps, the tally, the closing and the CSV agree', async () => {
    const { browser: page, server } = tablet;
    const started = Date.now();
    await openDoor(page, server.url, PINS);

    // Morning: the lead turns dinner on for Thursdays (it is served today).
    await signInAsStaff(page, PINS.lead);
    const nav = (name: string): Query => ({ role: 'button', name, within: { role: 'navigation' } });
    await page.click(nav('Innstillinger'));
    await page.click({
      role: 'checkbox',
      name: 'tor',
      exact: true,
      within: {
        role: 'group',
        name: 'Middag',
        exact: true,
        has: { role: 'textbox', name: 'Pris i kroner (tomt = gratis)' },
      },
    });
    await page.click({ role: 'button', name: 'Lagre – Tellere og priser' });
    await page.waitFor({ role: 'status', text: 'Lagret: Middag endret.' });
    await leaveStaffMode(page);

    // The door: 5 visitors tap Sjekk inn each on their own (the door takes 4 s to be ready
    // again), then one brings 14 companions with «Én til».
    for (let i = 0; i < 5; i++) await checkInAtDoor(page);
    await visitors(page, 15);
    await doorReady(page);
    expect(await tallyNet(page, 'visit')).toBe(20);

    // The volunteer's tally: a +1 per plate and per board sold.
    await signInAsStaff(page, PINS.volunteer);
    await page.waitFor({ role: 'heading', name: 'Telling' });
    const tap = async (name: string, times: number) => {
      for (let i = 0; i < times; i++) await page.click({ role: 'button', name, exact: true });
    };
    await tap('+1 Middag', 31);
    await tap('+1 Kontant, Bingobrett', 9);
    await tap('+1 Vipps, Bingobrett', 3);
    await page.waitFor({ role: 'status', text: 'Lagret: +1 Vipps, Bingobrett' });
    await expect.poll(() => tallyNet(page, 'middag'), { timeout: 15_000 }).toBe(31);
    await expect.poll(() => tallyNet(page, 'bingo'), { timeout: 15_000 }).toBe(12);
    await leaveStaffMode(page);

    // The lead closes the day with the counted cash: 9 boards at 10 kr, 100 kr in the box.
    await signInAsStaff(page, PINS.lead);
    await page.click(nav('Dagsoppgjør'));
    await page.waitFor({ text: 'Besøk i alt: 20' });
    await page.waitFor({ text: /Forventet i kassen: 90\s*kr/ });
    await page.fill({ role: 'textbox', name: 'Opptalt kontant (kr)' }, '100');
    await page.waitFor({ text: /Differanse: \+10\s*kr/ });
    await page.click({ role: 'button', name: 'Avslutt dagen' });
    // 100 counted against 90 expected: the closing asks first.
    await page.waitFor({ text: /forventet 90\s*kr, opptalt 100\s*kr/ });
    await page.click({ role: 'button', name: 'Avslutt dagen likevel', exact: true });
    await page.waitFor({ text: 'Dagen ble avsluttet kl. 13.30.' });
    // No server paired: the closed day's figures exist only here, so their CSV is offered.
    await page.waitFor({ role: 'button', name: 'Last ned dagens tall (CSV)', exact: true });
    await page.waitFor({ text: /Opptalt kontant: 100\s*kr/ });
    expect(await page.count({ text: /Differanse: \+10\s*kr/ })).toBe(1);

    // History: today's CSV, one row per day, and the long layout. The download is caught in
    // the page (the same in every engine: no download folder or dialog).
    await page.click(nav('Historikk'));
    await page.fill({ label: 'Fra', exact: true }, DAY);
    await page.fill({ label: 'Til', exact: true }, DAY);
    await page.evaluate(catchDownloads);
    const download = async (layout: string): Promise<CaughtDownload> => {
      const before = (await page.evaluate(caughtDownloads)).length;
      await page.click({ role: 'radio', name: layout, exact: true });
      await page.click({ role: 'button', name: 'Last ned CSV' });
      await expect
        .poll(async () => (await page.evaluate(caughtDownloads)).length, { timeout: 15_000 })
        .toBeGreaterThan(before);
      const file = (await page.evaluate(caughtDownloads)).at(-1);
      if (file === undefined) throw new Error('No CSV was downloaded');
      return file;
    };
    const wide = await download('Én rad per dag');
    expect(wide.name).toBe(`terskel-hjerterom-alta-${DAY}-${DAY}-per-dag.csv`);
    expect(wide.text.startsWith('\uFEFFDato;')).toBe(true);
    const wideRows = Papa.parse<Record<string, string>>(wide.text, {
      header: true,
      skipEmptyLines: true,
    });
    expect(wideRows.errors).toEqual([]);
    // The door's question, one column per answer: the visitors skipped it or let it time out
    // (how often the door still asked depends on the timing), so only Ikke svart can be counted.
    const QUESTION = 'Første gang her?: ';
    const answerColumns = Object.fromEntries(
      Object.entries(wideRows.data[0] ?? {}).filter(([name]) => name.startsWith(QUESTION)),
    );
    expect(answerColumns).toEqual({
      [`${QUESTION}Ja, første gang noensinne`]: '0',
      [`${QUESTION}Første gang i år`]: '0',
      [`${QUESTION}Nei, har vært her før i år`]: '0',
      [`${QUESTION}Ikke svart`]: expect.stringMatching(/^(1?\d|20)$/),
    });
    expect(wideRows.data).toEqual([
      {
        Dato: DAY,
        Besøk: '20',
        'Første gang': '0',
        'Har vært her før': '0',
        Middag: '31',
        'Brødskiver og frukt': '0',
        Bingobrett: '12',
        Kontant: '9',
        Vipps: '3',
        'Bingobrett, kroner': '120',
        'Samtale i enerom': '0',
        Telefonsamtale: '0',
        Hjemmebesøk: '0',
        Følgetjeneste: '0',
        Frivillige: '0',
        'Frivillige timer': '0',
        ...answerColumns,
        'Dagen avsluttet': 'Ja',
        'Opptalt kontant, kroner': '100',
      },
    ]);
    await page.waitFor({ text: 'Eksportert: én dag med tall.' });

    const long = await download('Én rad per dag, teller, valg og time');
    expect(long.name).toBe(`terskel-hjerterom-alta-${DAY}-${DAY}-lang.csv`);
    const longRows = Papa.parse<string[]>(long.text, { skipEmptyLines: true });
    expect(longRows.errors).toEqual([]);
    expect(longRows.meta.delimiter).toBe(';');
    expect(longRows.meta.linebreak).toBe('\r\n');
    const [header, ...rows] = longRows.data;
    expect(header).toEqual(['Dato', 'Rad', 'Teller', 'Svar', 'Time', 'Antall', 'Kroner']);
    const row = (counter: string, answer = '', hour = '') =>
      rows.find((cells) => cells[2] === counter && cells[3] === answer && cells[4] === hour);
    expect(row('Besøk')).toEqual([DAY, 'Totalt', 'Besøk', '', '', '20', '']);
    expect(row('Besøk', '', '13')).toEqual([DAY, 'Per time', 'Besøk', '', '13', '20', '']);
    expect(row('Middag')).toEqual([DAY, 'Totalt', 'Middag', '', '', '31', '']);
    expect(row('Bingobrett')).toEqual([DAY, 'Totalt', 'Bingobrett', '', '', '12', '120']);
    expect(row('Bingobrett', 'Kontant')).toEqual([
      DAY,
      'Per svar',
      'Bingobrett',
      'Kontant',
      '',
      '9',
      '90',
    ]);
    expect(row('Bingobrett', 'Vipps')).toEqual([
      DAY,
      'Per svar',
      'Bingobrett',
      'Vipps',
      '',
      '3',
      '30',
    ]);
    expect(row('Opptalt kontant, kroner')).toEqual([
      DAY,
      'Dagsoppgjør',
      'Opptalt kontant, kroner',
      '',
      '',
      '',
      '100',
    ]);
    // The question's answers are per-answer rows, never totals, so they never add to the visits.
    expect(rows.some((cells) => cells[1] === 'Totalt' && cells[2] === 'Første gang her?')).toBe(
      false,
    );
    const totals = rows.filter((cells) => cells[1] === 'Totalt' && cells[2] === 'Besøk');
    expect(totals.reduce((sum, cells) => sum + Number(cells[5]), 0)).toBe(20);
    expect(rows.every((cells) => cells[0] === DAY)).toBe(true);

    console.log(`A whole day took ${Math.round((Date.now() - started) / 1000)} s`);
    expect(Date.now() - started).toBeLessThan(90_000);
  });
});
