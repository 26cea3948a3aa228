// CSV golden tests: a fixed week recorded through the store into a real (fake-indexeddb)
// database, exported in both layouts and compared byte for byte, then parsed back with an
// independent CSV parser (papaparse) to prove the BOM, the `;` and the quoting.
//
// Display names never reach the CSV (headers and cells are ids, which are ASCII slugs), so
// the quoting of `;` and `"` is proven on a cell only a tampered database could hold.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { exportCsv, type ExportFile } from '../../src/state/export.ts';
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
 * - Wednesday: 2 door visits at 11; 28 dinners back-filled from the paper sheet.
 * - Thursday: 1 door visit at 14; one sandwich plate; bingo boards at 10 kr: cash, cash,
 *   Vipps, Vipps, cash, cash, and the last cash undone (3 cash, 2 Vipps, 50 kr).
 * - Friday: nothing on the tablet; 10 dinners back-filled on Sunday.
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
  const kiosk = testKiosk({ deps: { now: () => clock } });
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
  await store.checkIn();
  await store.checkIn();
  clock = oslo(25, 14, 30);
  const wednesday = createTallyActions(store);
  expect(await wednesday.backfill(target(WEDNESDAY, 'middag'), WEDNESDAY, '28')).toMatchObject({
    ok: true,
  });

  // Thursday
  clock = oslo(26, 14, 10);
  await store.checkIn();
  const thursday = createTallyActions(store);
  await thursday.tap(target(THURSDAY, 'brodmat'));
  for (const key of ['cash', 'cash', 'vipps', 'vipps', 'cash', 'cash']) {
    await thursday.tap(target(THURSDAY, `bingo/${key}`));
  }
  expect((await thursday.undo())?.delta).toBe(-1);

  // Sunday: Friday's paper sheet
  clock = oslo(29, 12);
  const sunday = createTallyActions(store);
  expect(await sunday.backfill(target(FRIDAY, 'middag'), FRIDAY, '10')).toMatchObject({
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

const WIDE_GOLDEN = crlf([
  'date;visit;visit:first-time;visit:returning;middag;brodmat;bingo;bingo:cash;bingo:vipps;bingo:nok',
  '2026-11-23;5;1;1;2;0;0;0;0;0',
  '2026-11-25;2;0;0;28;0;0;0;0;0',
  '2026-11-26;1;0;0;0;1;5;3;2;50',
  '2026-11-27;0;0;0;10;0;0;0;0;0',
]);

const LONG_GOLDEN = crlf([
  'date;counter;option;hour;net;amount_nok',
  '2026-11-23;middag;;;2;',
  '2026-11-23;visit;;;5;',
  '2026-11-23;visit;first-time;;1;',
  '2026-11-23;visit;returning;;1;',
  '2026-11-23;visit;;12;3;',
  '2026-11-23;visit;;13;2;',
  '2026-11-25;middag;;;28;',
  '2026-11-25;visit;;;2;',
  '2026-11-25;visit;;11;2;',
  '2026-11-26;bingo;;;5;50',
  '2026-11-26;bingo;cash;;3;30',
  '2026-11-26;bingo;vipps;;2;20',
  '2026-11-26;brodmat;;;1;',
  '2026-11-26;visit;;;1;',
  '2026-11-26;visit;;14;1;',
  '2026-11-27;middag;;;10;',
]);

describe('the CSV of a fixed week', () => {
  it('wide layout: exactly the golden bytes (BOM, ;, CRLF), one row per day with counts', async () => {
    const store = await recordWeek();
    const file = await exported(store, 'wide');
    expect(file.name).toBe('terskel-hjerterom-alta-2026-11-23-2026-11-29-per-dag.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(file.content).toBe(WIDE_GOLDEN);
  });

  it('wide layout parsed back by papaparse gives the week’s totals', async () => {
    const store = await recordWeek();
    const { content } = await exported(store, 'wide');
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const result = Papa.parse<Record<string, string>>(content, {
      header: true,
      skipEmptyLines: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.meta.delimiter).toBe(';');
    // The BOM is not glued to the first header, so Excel and a parser both see `date`.
    expect(result.meta.fields?.[0]).toBe('date');
    const rows = result.data;
    expect(rows.map((row) => row.date)).toEqual([MONDAY, WEDNESDAY, THURSDAY, FRIDAY]);
    const sum = (column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);
    expect(sum('visit')).toBe(8);
    expect(sum('visit:first-time')).toBe(1);
    expect(sum('visit:returning')).toBe(1);
    expect(sum('middag')).toBe(40);
    expect(sum('brodmat')).toBe(1);
    expect(sum('bingo')).toBe(5);
    expect(sum('bingo:cash')).toBe(3);
    expect(sum('bingo:vipps')).toBe(2);
    expect(sum('bingo:nok')).toBe(50);
    expect(rows[2]).toEqual({
      date: THURSDAY,
      visit: '1',
      'visit:first-time': '0',
      'visit:returning': '0',
      middag: '0',
      brodmat: '1',
      bingo: '5',
      'bingo:cash': '3',
      'bingo:vipps': '2',
      'bingo:nok': '50',
    });
  });

  it('long layout: exactly the golden bytes, as the endpoint’s days.csv', async () => {
    const store = await recordWeek();
    const file = await exported(store, 'long');
    expect(file.name).toBe('terskel-hjerterom-alta-2026-11-23-2026-11-29-lang.csv');
    expect(file.content).toBe(LONG_GOLDEN);
  });

  it('long layout parsed back by papaparse: whole-day rows give the totals, hours add up', async () => {
    const store = await recordWeek();
    const { content } = await exported(store, 'long');
    const [header, ...rows] = parse(content);
    expect(header).toEqual(['date', 'counter', 'option', 'hour', 'net', 'amount_nok']);
    expect(rows.every((row) => row.length === 6)).toBe(true);
    const whole = rows.filter(([, , option, hour]) => option === '' && hour === '');
    const net = (counter: string) =>
      whole.filter((row) => row[1] === counter).reduce((total, row) => total + Number(row[4]), 0);
    expect(net('visit')).toBe(8);
    expect(net('middag')).toBe(40);
    expect(net('brodmat')).toBe(1);
    expect(net('bingo')).toBe(5);
    expect(whole.filter((row) => row[1] === 'bingo').map((row) => [row[0], row[5]])).toEqual([
      [THURSDAY, '50'],
    ]);
    const hourly = rows.filter(([, counter, , hour]) => counter === 'visit' && hour !== '');
    expect(hourly.reduce((total, row) => total + Number(row[4]), 0)).toBe(8);
    const options = rows.filter(([, counter, option]) => counter === 'bingo' && option !== '');
    expect(options.map((row) => [row[2], row[4], row[5]])).toEqual([
      ['cash', '3', '30'],
      ['vipps', '2', '20'],
    ]);
  });
});

describe('a cell a spreadsheet would run', () => {
  it('is neutralised with a leading quote, and ; and " in it survive a round trip', async () => {
    // Ids are slugs everywhere the app writes them; only a tampered database holds this.
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
        'date;counter;option;hour;net;amount_nok',
        `2026-11-23;"'=HYPERLINK(""http://x"";""klikk"")";;;3;`,
        '2026-11-23;middag;;;7;',
      ]),
    );
    const [, first, second] = parse(content);
    expect(first).toEqual([MONDAY, `'${evil}`, '', '', '3', '']);
    expect(second).toEqual([MONDAY, 'middag', '', '', '7', '']);
  });
});
