// CSV golden tests: a fixed week recorded through the store into a real (fake-indexeddb)
// database, exported in both layouts and compared byte for byte with hand-written files in
// fixtures/ (Norwegian headings and names, æøå), then parsed back with an independent CSV
// parser (papaparse) to prove the BOM, the `;`, the CRLF and the quoting.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  FIRST_EVER,
  FIRST_THIS_YEAR,
  FIRST_TIME_COUNTER,
  NO_ANSWER,
} from '../../src/domain/first-time.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { withVolunteerCounters } from '../../src/domain/volunteer-hours.ts';
import { exportCsv, type ExportFile } from '../../src/state/export.ts';
import { closeTheDay } from '../../src/state/closing.ts';
import type { EventInput, KioskStore } from '../../src/state/index.ts';
import { createTallyActions, tallyTargets, targetKey } from '../../src/state/tally.ts';
import { testKiosk } from '../support/kiosk.ts';
import { seedFrozen } from '../support/staff-seed.ts';

const MONDAY = '2026-11-23';
const WEDNESDAY = '2026-11-25';
const THURSDAY = '2026-11-26';
const FRIDAY = '2026-11-27';
const SUNDAY = '2026-11-29';

/** An Oslo wall-clock time in November 2026 (UTC+1) as a UTC instant. */
const oslo = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 1, minute);

function target(day: string, key: string) {
  const found = tallyTargets(hjerteromAlta, day).find((candidate) => targetKey(candidate) === key);
  if (found === undefined) throw new Error(`no target ${key} on ${day}`);
  return found;
}

/**
 * The week of Monday 23 November 2026, as the tablet lives it:
 * - Monday: 3 door visits at 12 (one answers first time, one been here before), 2 at 13;
 *   3 dinners tapped, the last one undone.
 * - Tuesday: closed for counting (nothing recorded).
 * - Wednesday: 2 door visits at 11, asked "Første gang her?": one first time ever, one skipped;
 *   28 dinners back-filled from the paper sheet; a shift of 2 volunteers giving 7,5 hours.
 * - Thursday: 1 door visit at 14, answering first time this year; one sandwich plate; bingo
 *   boards at 10 kr: cash, cash,
 *   Vipps, Vipps, cash, cash, and the last cash undone (3 cash, 2 Vipps, 50 kr).
 * - Friday: nothing on the tablet; 10 dinners back-filled on Sunday.
 * Monday is closed with no cash to count, Thursday with 30 kr counted.
 */
/**
 * An answer as the one-question shape (schema v1) stored it: the visit moved to a `visit`
 * option in its hour. Old data of that shape must still export as it did.
 */
function answerInV1Shape(store: KioskStore, checkIn: EventInput, option: string) {
  const { day, at, counter, hour } = checkIn;
  const key = {
    day,
    at,
    counter,
    source: 'door' as const,
    ...(hour === undefined ? {} : { hour }),
  };
  return store.record([
    { ...key, delta: -1 },
    { ...key, option, delta: 1 },
  ]);
}

async function recordWeek(): Promise<KioskStore> {
  let clock = oslo(23, 12, 5);
  // The configuration as storage reads it: the volunteer counters implied.
  const kiosk = testKiosk({
    config: withVolunteerCounters(hjerteromAlta),
    deps: { now: () => clock },
  });
  const { store } = kiosk;
  await kiosk.storage;

  // Monday
  const first = await store.checkIn();
  await answerInV1Shape(store, first.events[0]!, 'first-time');
  clock = oslo(23, 12, 6);
  const second = await store.checkIn();
  await answerInV1Shape(store, second.events[0]!, 'returning');
  clock = oslo(23, 12, 7);
  await store.checkIn();
  clock = oslo(23, 13, 30);
  await store.checkIn();
  await store.checkIn();
  const monday = createTallyActions(store);
  clock = oslo(23, 13, 40);
  for (let i = 0; i < 3; i++) await monday.tap(target(MONDAY, 'middag'));
  expect((await monday.undo())?.delta).toBe(-1);

  // Wednesday
  clock = oslo(25, 11, 15);
  const newcomer = await store.checkIn();
  await store.answer(newcomer.events[0]!, FIRST_TIME_COUNTER, FIRST_EVER);
  const skipper = await store.checkIn();
  await store.answer(skipper.events[0]!, FIRST_TIME_COUNTER, NO_ANSWER);
  clock = oslo(25, 14, 30);
  const wednesday = createTallyActions(store);
  expect(
    await wednesday.backfill(target(WEDNESDAY, 'middag'), WEDNESDAY, '28', true),
  ).toMatchObject({
    ok: true,
  });
  expect(await wednesday.addShift('2', '7,5')).toMatchObject({ ok: true, stored: true });

  // Thursday
  clock = oslo(26, 14, 10);
  const thisYear = await store.checkIn();
  await store.answer(thisYear.events[0]!, FIRST_TIME_COUNTER, FIRST_THIS_YEAR);
  const thursday = createTallyActions(store);
  await thursday.tap(target(THURSDAY, 'brodmat'));
  for (const key of ['cash', 'cash', 'vipps', 'vipps', 'cash', 'cash']) {
    await thursday.tap(target(THURSDAY, `bingo/${key}`));
  }
  expect((await thursday.undo())?.delta).toBe(-1);
  clock = oslo(26, 20);
  expect(await closeTheDay(store, MONDAY, '', 0)).toEqual({ ok: true });
  expect(await closeTheDay(store, THURSDAY, '30', 30)).toEqual({ ok: true });

  // Sunday: Friday's paper sheet
  clock = oslo(29, 12);
  const sunday = createTallyActions(store);
  expect(await sunday.backfill(target(FRIDAY, 'middag'), FRIDAY, '10', true)).toMatchObject({
    ok: true,
  });
  return store;
}

async function exported(store: KioskStore, layout: 'wide' | 'long'): Promise<ExportFile> {
  const outcome = await exportCsv(store, MONDAY, SUNDAY, layout);
  if (!outcome.ok) throw new Error(`export refused: ${outcome.problem}`);
  return outcome.file;
}

const crlf = (lines: string[]) => `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;

/** Parses with papaparse, guessing nothing we could get wrong ourselves: it detects `;`. */
function parse(text: string) {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  expect(result.meta.delimiter).toBe(';');
  expect(result.meta.linebreak).toBe('\r\n');
  return result.data;
}

const golden = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('the CSV of a fixed week', () => {
  it('wide layout: exactly the hand-written file (BOM, ;, CRLF), headed by display names', async () => {
    const store = await recordWeek();
    const file = await exported(store, 'wide');
    expect(file.name).toBe('terskel-hjerterom-alta-2026-11-23-2026-11-29-per-dag.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(file.content).toBe(golden('week-per-dag.csv'));
  });

  it('wide layout parsed back by papaparse gives the week’s totals, closings and cash', async () => {
    const store = await recordWeek();
    const { content } = await exported(store, 'wide');
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const result = Papa.parse<Record<string, string>>(content, {
      header: true,
      skipEmptyLines: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.meta.delimiter).toBe(';');
    // The BOM is not glued to the first header, so Excel and a parser both see `Dato`.
    expect(result.meta.fields?.[0]).toBe('Dato');
    const rows = result.data;
    expect(rows.map((row) => row['Dato'])).toEqual([MONDAY, WEDNESDAY, THURSDAY, FRIDAY]);
    const sum = (column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);
    expect(sum('Besøk')).toBe(8);
    expect(sum('Første gang')).toBe(1);
    expect(sum('Har vært her før')).toBe(1);
    expect(sum('Middag')).toBe(40);
    expect(sum('Brødskiver og frukt')).toBe(1);
    expect(sum('Bingobrett')).toBe(5);
    expect(sum('Bingobrett, kroner')).toBe(50);
    expect(sum('Opptalt kontant, kroner')).toBe(30);
    expect(rows.map((row) => row['Dagen avsluttet'])).toEqual(['Ja', 'Nei', 'Ja', 'Nei']);
    // The door question's answers, the skip included, one column each; exact, never hidden.
    expect(sum('Første gang her?: Ja, første gang noensinne')).toBe(1);
    expect(sum('Første gang her?: Første gang i år')).toBe(1);
    expect(sum('Første gang her?: Nei, har vært her før i år')).toBe(0);
    expect(sum('Første gang her?: Ikke svart')).toBe(1);
    // Volunteer time as hours with a decimal comma (stored as 450 minutes), never as minutes.
    expect(rows.map((row) => row['Frivillige timer'])).toEqual(['0', '7,5', '0', '0']);
    expect(sum('Frivillige')).toBe(2);
    expect(result.meta.fields?.some((field) => /minutt/i.test(field))).toBe(false);
    expect(rows[2]).toEqual({
      Dato: THURSDAY,
      Besøk: '1',
      'Første gang': '0',
      'Har vært her før': '0',
      Middag: '0',
      'Brødskiver og frukt': '1',
      Bingobrett: '5',
      Kontant: '3',
      Vipps: '2',
      'Bingobrett, kroner': '50',
      'Samtale i enerom': '0',
      Telefonsamtale: '0',
      Hjemmebesøk: '0',
      Følgetjeneste: '0',
      Frivillige: '0',
      'Frivillige timer': '0',
      'Første gang her?: Ja, første gang noensinne': '0',
      'Første gang her?: Første gang i år': '1',
      'Første gang her?: Nei, har vært her før i år': '0',
      'Første gang her?: Ikke svart': '0',
      'Dagen avsluttet': 'Ja',
      'Opptalt kontant, kroner': '30',
    });
  });

  it('long layout: exactly the hand-written file, each row saying what it is', async () => {
    const store = await recordWeek();
    const file = await exported(store, 'long');
    expect(file.name).toBe('terskel-hjerterom-alta-2026-11-23-2026-11-29-lang.csv');
    expect(file.content).toBe(golden('week-lang.csv'));
  });

  it('long layout parsed back: the total rows count each visit once, the others add up to them', async () => {
    const store = await recordWeek();
    const { content } = await exported(store, 'long');
    const result = Papa.parse<Record<string, string>>(content, {
      header: true,
      skipEmptyLines: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.meta.linebreak).toBe('\r\n');
    expect(result.meta.fields).toEqual([
      'Dato',
      'Rad',
      'Teller',
      'Svar',
      'Time',
      'Antall',
      'Kroner',
    ]);
    const rows = result.data;
    const sum = (kind: string, counter: string, column = 'Antall') =>
      rows
        .filter((row) => row['Rad'] === kind && row['Teller'] === counter)
        .reduce((total, row) => total + Number(row[column]), 0);
    // What a filter on Rad = Totalt and a sum in Excel give: the week's visits, once.
    expect(sum('Totalt', 'Besøk')).toBe(8);
    expect(sum('Per time', 'Besøk')).toBe(8);
    expect(sum('Totalt', 'Middag')).toBe(40);
    expect(sum('Totalt', 'Brødskiver og frukt')).toBe(1);
    expect(sum('Totalt', 'Bingobrett')).toBe(5);
    expect(sum('Totalt', 'Bingobrett', 'Kroner')).toBe(50);
    expect(sum('Per svar', 'Bingobrett', 'Kroner')).toBe(50);
    // Every row that is a total, whatever its counter: a door answer is never among them.
    const totalRows = rows.filter((row) => row['Rad'] === 'Totalt');
    expect(totalRows.some((row) => row['Teller'] === 'Første gang her?')).toBe(false);
    expect(
      rows
        .filter((row) => row['Rad'] === 'Per svar' && row['Teller'] === 'Første gang her?')
        .map((row) => [row['Dato'], row['Svar'], row['Antall']]),
    ).toEqual([
      [WEDNESDAY, 'Ikke svart', '1'],
      [WEDNESDAY, 'Ja, første gang noensinne', '1'],
      [THURSDAY, 'Første gang i år', '1'],
    ]);
    expect(
      totalRows
        .filter((row) => row['Teller'] === 'Frivillige timer')
        .map((row) => [row['Dato'], row['Antall']]),
    ).toEqual([[WEDNESDAY, '7,5']]);
    // Without the filter, every visit would count more than once.
    const allVisits = rows.filter((row) => row['Teller'] === 'Besøk');
    expect(allVisits.reduce((total, row) => total + Number(row['Antall']), 0)).toBe(18);
    expect(new Set(rows.map((row) => row['Rad']))).toEqual(
      new Set(['Totalt', 'Per svar', 'Per time', 'Dagsoppgjør']),
    );
    expect(
      rows.filter((row) => row['Rad'] === 'Dagsoppgjør').map((row) => [row['Dato'], row['Kroner']]),
    ).toEqual([
      [MONDAY, ''],
      [THURSDAY, '30'],
    ]);
  });
});

describe('a cell a spreadsheet would run', () => {
  it('is neutralised with a leading quote, and ; and " in it survive a round trip', async () => {
    // A counter no longer in the config is named by its id; only a tampered database holds this one.
    const kiosk = testKiosk({ now: oslo(23, 15) });
    const { db } = await kiosk.storage;
    const evil = '=HYPERLINK("http://x";"klikk")';
    await seedFrozen(db, '11111111-2222-4333-8444-555555555555', [
      { day: MONDAY, counter: evil, inc: 3 },
      { day: MONDAY, counter: 'middag', inc: 7 },
    ]);
    const { content } = await exported(kiosk.store, 'long');
    expect(content).toBe(
      crlf([
        'Dato;Rad;Teller;Svar;Time;Antall;Kroner',
        `2026-11-23;Totalt;"'=HYPERLINK(""http://x"";""klikk"")";;;3;`,
        '2026-11-23;Totalt;Middag;;;7;',
      ]),
    );
    const [, first, second] = parse(content);
    expect(first).toEqual([MONDAY, 'Totalt', `'${evil}`, '', '', '3', '']);
    expect(second).toEqual([MONDAY, 'Totalt', 'Middag', '', '', '7', '']);
  });
});
