// The counts packed on day rows must always equal the tally rows they summarise: the year's CSV
// and the reports read them instead of the tally rows.
import { describe, expect, it } from 'vitest';
import { rollUp } from '../../src/domain/tally.ts';
import type { Backup } from '../../src/shared/backup.ts';
import { importBackup } from '../../src/storage/backup.ts';
import { closeDay, markExported, reopenDay } from '../../src/storage/days.ts';
import {
  acknowledgeDay,
  countsByDayBetween,
  recordEvents,
  tallyRowsBetween,
  toCounts,
  waitingDays,
  type EventInput,
  type TerskelDatabase,
} from '../../src/storage/index.ts';
import { testStorage } from '../support/kiosk.ts';
import { seeded } from '../support/seeded.ts';

const FROZEN = ['11111111-2222-4333-8444-555555555555', '66666666-7777-4888-9999-000000000000'];
const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];
const FROM = DAYS[0]!;
const TO = DAYS.at(-1)!;

/** The reference: every day's tally rows, rolled up, read row by row. */
async function fromTallyRows(db: TerskelDatabase) {
  const byDay = new Map<string, ReturnType<typeof toCounts>[]>();
  for (const row of await tallyRowsBetween(db, FROM, TO)) {
    byDay.set(row.day, [...(byDay.get(row.day) ?? []), toCounts(row)]);
  }
  return [...byDay.keys()].sort().map((day) => ({ day, totals: rollUp(byDay.get(day)!) }));
}

async function fromDayRows(db: TerskelDatabase) {
  const days = await countsByDayBetween(db, FROM, TO);
  return days.map(({ day, counts }) => ({ day, totals: rollUp(counts) }));
}

function randomEvent(random: () => number, at: number): EventInput {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const counter = pick(['visit', 'middag', 'bingo']);
  const event: EventInput = {
    day: pick(DAYS),
    at,
    counter,
    delta: random() < 0.15 ? -1 : 1 + Math.floor(random() * 3),
    source: pick(['door', 'staff', 'backfill'] as const),
  };
  if (counter === 'visit') {
    event.hour = 10 + Math.floor(random() * 8);
    if (random() < 0.3) event.option = pick(['first-time', 'returning']);
  }
  if (counter === 'bingo') {
    event.option = pick(['cash', 'vipps']);
    event.nok = 10 * Math.abs(event.delta);
  }
  return event;
}

function backupOfFrozen(random: () => number, replica: string): Backup {
  return {
    format: 'terskel-backup',
    version: 1,
    site: 'hjerterom-alta',
    createdAt: '2026-11-26T20:00:00.000Z',
    replica,
    replicas: [{ id: replica, frozen: false }],
    tally: DAYS.flatMap((date) => [
      { replica, date, counter: 'visit', hour: 12, inc: Math.floor(random() * 20), dec: 0 },
      { replica, date, counter: 'middag', inc: Math.floor(random() * 30), dec: 1 },
    ]),
    days: [],
  } as unknown as Backup;
}

describe('counts packed on day rows', () => {
  it('equal the tally rows after 600 random writes, imports, closings, exports and acknowledgements', async () => {
    const storage = await testStorage();
    const { db, replica } = storage;
    const random = seeded(20261126);
    let at = Date.UTC(2026, 10, 23, 10);
    for (let step = 0; step < 600; step += 1) {
      at += 1000;
      const roll = random();
      if (roll < 0.8) {
        const batch = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
          randomEvent(random, at),
        );
        await recordEvents(db, replica, batch, { withoutRawEvents: random() < 0.1 });
      } else if (roll < 0.85) {
        // Two other tablets' backups, each imported again later with higher counts.
        await importBackup(db, replica, backupOfFrozen(random, FROZEN[step % 2]!), at);
      } else if (roll < 0.9) {
        await closeDay(db, replica, DAYS[step % DAYS.length]!, { at, cashCountedNok: 100 });
      } else if (roll < 0.93) {
        await reopenDay(db, replica, DAYS[step % DAYS.length]!, at);
      } else if (roll < 0.96) {
        await markExported(db, replica, FROM, TO, at);
      } else {
        for (const day of await waitingDays(db)) await acknowledgeDay(db, day);
      }
    }
    // Every day row carries its counts (none is read from tally rows), and they are right.
    expect((await db.days.toArray()).filter((row) => row.counts === undefined)).toEqual([]);
    const expected = await fromTallyRows(db);
    expect(expected).toHaveLength(DAYS.length);
    expect(await fromDayRows(db)).toEqual(expected);
  });

  it('a day row from before packed counts is read from its tally rows', async () => {
    const storage = await testStorage();
    const { db, replica } = storage;
    const day = DAYS[1]!;
    await recordEvents(db, replica, [
      { day, at: 1, counter: 'visit', hour: 12, delta: 3, source: 'door' },
      { day, at: 2, counter: 'middag', delta: 2, source: 'staff' },
    ]);
    const row = await db.days.get([replica, day]);
    delete row!.counts;
    await db.days.put(row!);
    // And a later tap leaves it unpacked rather than packing only what it touched.
    await recordEvents(db, replica, [
      { day, at: 3, counter: 'visit', hour: 13, delta: 1, source: 'door' },
    ]);
    expect((await db.days.get([replica, day]))?.counts).toBeUndefined();
    const expected = await fromTallyRows(db);
    expect(await fromDayRows(db)).toEqual(expected);
    expect(
      expected[0]?.totals.find((total) => total.counter === 'visit' && total.hour === undefined)
        ?.net,
    ).toBe(4);
  });

  it('unreadable packed counts never refuse a tap: the day row drops them and is read from its tally rows', async () => {
    const storage = await testStorage();
    const { db, replica } = storage;
    const day = DAYS[2]!;
    await recordEvents(db, replica, [{ day, at: 1, counter: 'visit', delta: 2, source: 'door' }]);
    await db.days.update([replica, day], { counts: '{not json' });
    await recordEvents(db, replica, [{ day, at: 2, counter: 'visit', delta: 1, source: 'door' }]);
    expect((await db.days.get([replica, day]))?.counts).toBeUndefined();
    expect(await fromDayRows(db)).toEqual(await fromTallyRows(db));
  });
});
