/**
 * Runs in the browser: seeds days through the app's own storage functions and times the
 * closing summary, the year's CSV and the year's funder report from tally state, as the staff
 * screens compute them.
 */
import { csvDocument, namedLongCsvRows, wideCsvRows } from '../../../src/domain/csv.ts';
import { sameDateLastYear } from '../../../src/domain/funder-report.ts';
import { hjerteromAlta } from '../../../src/domain/presets/index.ts';
import { dayTotals, netFor, visitsPerHour } from '../../../src/domain/reports.ts';
import { rollUp } from '../../../src/domain/tally.ts';
import { nbStaff } from '../../../src/i18n/nb-staff.ts';
import { createTranslator } from '../../../src/i18n/translate.ts';
import { csvWords } from '../../../src/state/export.ts';
import { buildFunderReport } from '../../../src/state/funder-report/report.ts';
import {
  countsByDayBetween,
  openStorage,
  recordEvents,
  tallyRowsBetween,
  tallyRowsOfDay,
  toCounts,
  type EventInput,
  type OpenedStorage,
} from '../../../src/storage/index.ts';

const counters = hjerteromAlta.counters;
const opened = new Map<string, Promise<OpenedStorage>>();
function storage(name: string): Promise<OpenedStorage> {
  let storage = opened.get(name);
  if (storage === undefined) opened.set(name, (storage = openStorage(name)));
  return storage;
}

/** The n-th tap of a busy day: mostly visits by hour, then dinners, bread and bingo boards. */
function tapOf(day: string, n: number): EventInput {
  const hour = 10 + (n % 9);
  const at = Date.parse(`${day}T${String(hour - 1).padStart(2, '0')}:00:00Z`) + n;
  const kind = n % 10;
  if (kind < 6) {
    const option = n % 7 === 0 ? 'first-time' : n % 7 === 1 ? 'returning' : undefined;
    return {
      day,
      at,
      counter: 'visit',
      hour,
      delta: 1,
      source: 'door',
      ...(option ? { option } : {}),
    };
  }
  if (kind < 8)
    return { day, at, counter: kind === 6 ? 'middag' : 'brodmat', delta: 1, source: 'staff' };
  if (n % 50 === 9)
    return { day, at, counter: 'visit', hour, delta: -1, source: 'staff', reason: 'counted-twice' };
  return {
    day,
    at,
    counter: 'bingo',
    option: n % 3 === 0 ? 'vipps' : 'cash',
    delta: 1,
    nok: 10,
    source: 'staff',
  };
}

/** Records `events` taps on `day`, `batch` per transaction, through recordEvents. */
async function seedDay(name: string, day: string, events: number, batch: number): Promise<number> {
  const { db, replica } = await storage(name);
  for (let first = 0; first < events; first += batch) {
    const inputs: EventInput[] = [];
    for (let n = first; n < Math.min(events, first + batch); n++) inputs.push(tapOf(day, n));
    await recordEvents(db, replica, inputs);
  }
  return (await tallyRowsOfDay(db, day)).length;
}

/** A year of open days, each recorded as one transaction of a day's worth of back-filled counts. */
async function seedYear(name: string, from: string, days: number): Promise<number> {
  const { db, replica } = await storage(name);
  const start = Date.parse(`${from}T12:00:00Z`);
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    const inputs: EventInput[] = [];
    for (let n = 0; n < 30; n++) {
      const tap = tapOf(day, n + d);
      inputs.push({ ...tap, delta: tap.delta * (1 + ((n + d) % 5)), source: 'backfill' });
    }
    await recordEvents(db, replica, inputs);
  }
  return (await tallyRowsBetween(db, '0000-01-01', '9999-12-31')).length;
}

/** The closing screen's figures of a day: its tally rows, rolled up, per counter and hour. */
async function closingSummary(name: string, day: string) {
  const { db } = await storage(name);
  const started = performance.now();
  const totals = rollUp((await tallyRowsOfDay(db, day)).map(toCounts));
  const figures = counters.map((counter) => ({
    counter: counter.id,
    net: netFor(totals, counter.id),
    options: (counter.options ?? []).map((option) => netFor(totals, counter.id, option.id)),
  }));
  const perHour = visitsPerHour(totals);
  const ms = performance.now() - started;
  return { ms, totals: totals.length, figures: figures.length, hours: perHour.length };
}

/** A range's days as the report screen reads them: packed counts, rolled up per day. */
async function daysOf(db: OpenedStorage['db'], from: string, to: string) {
  return (await countsByDayBetween(db, from, to)).map(({ day, counts }) => ({
    date: day,
    totals: dayTotals(counts),
  }));
}

const CSV_WORDS = csvWords(createTranslator('nb', nbStaff));

/** A range's CSV as the export makes it (the days' packed counts, rolled up), wide or long. */
async function csvOfRange(name: string, from: string, to: string, layout: 'wide' | 'long') {
  const { db } = await storage(name);
  const started = performance.now();
  const days = await daysOf(db, from, to);
  const named = layout === 'wide' ? wideCsvRows : namedLongCsvRows;
  const content = csvDocument(named(days, counters, CSV_WORDS, 'nb'));
  const ms = performance.now() - started;
  return { ms, days: days.length, bytes: content.length };
}

/** The funder report of a range as its screen makes it: both years' days read, every figure. */
async function funderReportOfRange(name: string, from: string, to: string) {
  const { db } = await storage(name);
  const started = performance.now();
  const [days, lastYearDays] = await Promise.all([
    daysOf(db, from, to),
    daysOf(db, sameDateLastYear(from), sameDateLastYear(to)),
  ]);
  const computing = performance.now();
  const outcome = buildFunderReport(
    from,
    to,
    { source: 'tablet', days, lastYearDays },
    hjerteromAlta,
    to,
  );
  const done = performance.now();
  if (!outcome.ok) throw new Error(`the bench period was refused: ${outcome.reason}`);
  return {
    ms: done - started,
    computeMs: done - computing,
    days: days.length,
    visits: outcome.view.report.visits.total,
  };
}

/** What the benchmark calls through `page.evaluate`. */
export const domainBench = { seedDay, seedYear, closingSummary, csvOfRange, funderReportOfRange };
export type DomainBench = typeof domainBench;

(globalThis as unknown as { domainBench: DomainBench }).domainBench = domainBench;
