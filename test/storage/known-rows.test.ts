// A tap on rows this page committed last is written without reading them first, so its
// transaction commits in the click's own task (the slow tablet's tap → stored); whatever else
// writes those rows — this page's other writes, another tab — must never cost a count.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKioskStore } from '../../src/state/index.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { closeDay } from '../../src/storage/days.ts';
import {
  acknowledgeDay,
  markAllWaiting,
  openStorage,
  waitingDays,
  type EventInput,
  type OpenedStorage,
} from '../../src/storage/index.ts';
import { repairedDay, repairedTally } from '../../src/storage/known-rows.ts';
import { beginOtherWrite, emptyTallyRow, recordInto } from '../../src/storage/record.ts';
import type { DayRow, TallyRow } from '../../src/storage/rows.ts';
import { MONDAY_1250, uniqueDbName, withRecord } from '../support/kiosk.ts';
import { seeded } from '../support/seeded.ts';

const DAY = '2026-11-23';
const visit = { day: DAY, at: MONDAY_1250, counter: 'visit', hour: 12, delta: 1 } as const;
const door = { ...visit, source: 'door' } as const;

afterEach(() => vi.restoreAllMocks());

/** Records on `idb` and says whether its transaction was committed before `recordInto` returned. */
function recordWatched(idb: IDBDatabase, replica: string, inputs: EventInput[] = [door]) {
  const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
  const written = recordInto(idb, replica, inputs);
  const inCallersTask = commit.mock.calls.length > 0;
  commit.mockRestore();
  return { written, inCallersTask };
}

async function tallyRow(storage: OpenedStorage, hour = 12): Promise<TallyRow | undefined> {
  return storage.db.tally.get([storage.replica, DAY, 'visit', '', hour]);
}

async function dayRow(storage: OpenedStorage): Promise<DayRow | undefined> {
  return storage.db.days.get([storage.replica, DAY]);
}

/** The day's packed counts of visits at noon, as the year's CSV reads them. */
function packedVisits(row: DayRow | undefined): number | undefined {
  if (row?.counts === undefined) return undefined;
  const entries = JSON.parse(row.counts) as [string, string, number, number, number][];
  const entry = entries.find(([counter, , hour]) => counter === 'visit' && hour === 12);
  return entry === undefined ? 0 : entry[3] - entry[4];
}

describe('a tap on rows this page committed last', () => {
  it('commits in the caller’s own task; the first tap of a key reads first', async () => {
    const storage = await openStorage(uniqueDbName());
    const idb = storage.db.backendDB();
    const first = recordWatched(idb, storage.replica);
    expect(first.inCallersTask).toBe(false);
    await first.written;
    const second = recordWatched(idb, storage.replica);
    expect(second.inCallersTask).toBe(true);
    await second.written;
    // A new hour is a new key: read first once more.
    const nextHour = recordWatched(idb, storage.replica, [{ ...door, hour: 13 }]);
    expect(nextHour.inCallersTask).toBe(false);
    await nextHour.written;
    expect((await tallyRow(storage))?.inc).toBe(2);
    expect(packedVisits(await dayRow(storage))).toBe(2);
    expect((await dayRow(storage))?.rev).toBe(3);
    storage.db.close();
  });

  it('reads first while another of its recordings is in flight', async () => {
    const storage = await openStorage(uniqueDbName());
    const idb = storage.db.backendDB();
    await recordInto(idb, storage.replica, [door]);
    const one = recordWatched(idb, storage.replica);
    const two = recordWatched(idb, storage.replica);
    expect([one.inCallersTask, two.inCallersTask]).toEqual([true, false]);
    await Promise.all([one.written, two.written]);
    expect((await tallyRow(storage))?.inc).toBe(3);
    storage.db.close();
  });

  it('a retry of a write already stored changes nothing, written blind or not', async () => {
    const storage = await openStorage(uniqueDbName());
    const idb = storage.db.backendDB();
    await recordInto(idb, storage.replica, [door]);
    const [stored] = await recordInto(idb, storage.replica, [door]);
    const retry = recordWatched(idb, storage.replica, [{ ...door, id: stored!.id }]);
    expect(retry.inCallersTask).toBe(true);
    await expect(retry.written).rejects.toMatchObject({ name: 'ConstraintError' });
    expect((await tallyRow(storage))?.inc).toBe(2);
    // A failed write leaves nothing known: the next reads first, and counts once.
    const next = recordWatched(idb, storage.replica);
    expect(next.inCallersTask).toBe(false);
    await next.written;
    expect((await tallyRow(storage))?.inc).toBe(3);
    expect(packedVisits(await dayRow(storage))).toBe(3);
    storage.db.close();
  });

  it('reads first while another write of this page runs, and writes blind again after it', async () => {
    const storage = await openStorage(uniqueDbName());
    const idb = storage.db.backendDB();
    await recordInto(idb, storage.replica, [door]);
    const ended = beginOtherWrite();
    const during = recordWatched(idb, storage.replica);
    expect(during.inCallersTask).toBe(false);
    await during.written;
    const [snapshot] = await waitingDays(storage.db);
    await acknowledgeDay(storage.db, snapshot!);
    ended();
    // The rows are learnt again in a read of their own, off the next tap's path.
    await expect
      .poll(() => recordWatched(idb, storage.replica).inCallersTask, { interval: 5 })
      .toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const row = await tallyRow(storage);
    expect(row?.ackInc).toBe(2);
    expect(row?.inc).toBeGreaterThanOrEqual(3);
    expect(packedVisits(await dayRow(storage))).toBe(row?.inc);
    const day = await dayRow(storage);
    expect(day!.rev).toBeGreaterThan(day!.syncedRev);
    storage.db.close();
  });

  it("the kiosk store's other writes keep the acknowledgement, and its taps keep every count", async () => {
    const name = uniqueDbName();
    const storage = await openStorage(name);
    const store = createKioskStore({
      initialConfig: hjerteromAlta,
      openStorage: () => Promise.resolve(withRecord(storage)),
      now: () => MONDAY_1250,
      retryMs: 5,
      loadConfig: () => Promise.resolve({ config: hjerteromAlta }),
    });
    await store.checkIn();
    await store.checkIn();
    const [snapshot] = await waitingDays(storage.db);
    await store.write(({ db }) => acknowledgeDay(db, snapshot!));
    for (let i = 0; i < 5; i += 1) await store.checkIn();
    const row = (
      await storage.db.tally.where('[replica+day]').equals([storage.replica, DAY]).toArray()
    ).find((tally) => tally.counter === 'visit');
    expect(row?.inc).toBe(7);
    expect(row?.ackInc).toBe(2);
    store.dispose();
    storage.db.close();
  });
});

/** Another tab: the same database through a module graph of its own (its own known rows). */
async function anotherTab(name: string) {
  vi.resetModules();
  const { recordInto: recordThere } = await import('../../src/storage/record.ts');
  const storage = await openStorage(name);
  return {
    ...storage,
    record: (inputs: EventInput[] = [door]) =>
      recordThere(storage.db.backendDB(), storage.replica, inputs),
  };
}

describe('another tab writing the same rows between two taps', () => {
  it('loses none of its counts, closing or acknowledgement, and the day uploads again', async () => {
    const name = uniqueDbName();
    const door1 = await openStorage(name);
    const otherTab = await anotherTab(name);
    const idb = door1.db.backendDB();
    await recordInto(idb, door1.replica, [door]);
    await recordInto(idb, door1.replica, [door]);
    // The other tab counts two, acknowledges an upload and closes the day.
    await otherTab.record();
    await otherTab.record();
    const [snapshot] = await waitingDays(otherTab.db);
    await acknowledgeDay(otherTab.db, snapshot!);
    await closeDay(otherTab.db, otherTab.replica, DAY, { at: MONDAY_1250 + 1 });
    const blind = recordWatched(idb, door1.replica);
    expect(blind.inCallersTask).toBe(true);
    await blind.written;
    const row = await tallyRow(door1);
    expect(row?.inc).toBe(5);
    expect(row?.ackInc).toBe(4);
    const day = await dayRow(door1);
    expect(day?.closedAt).toBe(MONDAY_1250 + 1);
    expect(day!.rev).toBeGreaterThan(day!.syncedRev);
    expect(packedVisits(day)).toBe(5);
    // Met once, this connection reads first from now on.
    const after = recordWatched(idb, door1.replica);
    expect(after.inCallersTask).toBe(false);
    await after.written;
    expect((await tallyRow(door1))?.inc).toBe(6);
    door1.db.close();
    otherTab.db.close();
  });

  it('keeps the count through 300 random interleavings of taps, uploads, resets and closings', async () => {
    const name = uniqueDbName();
    const random = seeded(20261205);
    const otherTab = await anotherTab(name);
    let door1 = await openStorage(name);
    let expected = 0;
    let blind = 0;
    for (let step = 0; step < 300; step += 1) {
      const roll = random();
      // A new connection forgets that it met the other tab: it writes blind again.
      if (random() < 0.3) {
        door1.db.close();
        door1 = await openStorage(name);
      }
      const tap = recordWatched(door1.db.backendDB(), door1.replica);
      if (tap.inCallersTask) blind += 1;
      const writes: Promise<unknown>[] = [tap.written.then(() => (expected += 1))];
      if (roll < 0.4) writes.push(otherTab.record().then(() => (expected += 1)));
      else if (roll < 0.6)
        writes.push(
          waitingDays(otherTab.db).then(([day]) => day && acknowledgeDay(otherTab.db, day)),
        );
      else if (roll < 0.65) writes.push(markAllWaiting(otherTab.db));
      else if (roll < 0.7) writes.push(closeDay(otherTab.db, otherTab.replica, DAY, { at: step }));
      // Both at once, or one after the other.
      if (random() < 0.5) await Promise.all(writes);
      else for (const write of writes) await write;
    }
    const row = await tallyRow(door1);
    const day = await dayRow(door1);
    expect(row?.inc).toBe(expected);
    // Many of the door's taps were written blind, and what the other tab wrote was put right.
    expect(blind).toBeGreaterThan(60);
    expect(row!.ackInc).toBeLessThanOrEqual(row!.inc);
    // The packed counts equal the tally row, or are gone and the day is read from its rows.
    expect([expected, undefined]).toContain(packedVisits(day));
    // Nothing is stranded: the day waits to upload, or what it counted is all acknowledged.
    expect(day!.rev > day!.syncedRev || row!.ackInc === row!.inc).toBe(true);
    door1.db.close();
    otherTab.db.close();
  });
});

describe('putting right what a blind write overwrote', () => {
  const row = (values: Partial<TallyRow>): TallyRow => ({
    ...emptyTallyRow('r', DAY, 'visit', '', 12),
    ...values,
  });
  const day = (values: Partial<DayRow>): DayRow => ({
    replica: 'r',
    day: DAY,
    rev: 1,
    syncedRev: 0,
    ...values,
  });

  it('a tally row keeps every delta and the highest acknowledgement', () => {
    // Knew inc 2 and wrote 3; the row was 4 with 4 acknowledged: it should have been 5.
    const written = row({ inc: 3 });
    const correct = row({ inc: 5, ackInc: 4 });
    expect(repairedTally(written, written, correct)).toMatchObject({ inc: 5, ackInc: 4 });
    // A third write after ours added 2 and was acknowledged up to 5.
    expect(repairedTally(row({ inc: 5, ackInc: 5 }), written, correct)).toMatchObject({
      inc: 7,
      ackInc: 5,
    });
    // Nobody came after: the correct row as it is.
    expect(repairedTally(undefined, written, correct)).toEqual(correct);
  });

  it('a day row keeps what the other writer set, and moves past both revisions', () => {
    const written = day({ rev: 4, syncedRev: 3, counts: '[1]' });
    // The other tab had closed the day and marked everything waiting (syncedRev 0).
    const correct = day({ rev: 7, syncedRev: 0, closedAt: 9, counts: '[2]' });
    const repaired = repairedDay(written, written, correct);
    expect(repaired).toMatchObject({ rev: 8, syncedRev: 0, closedAt: 9, counts: '[2]' });
    // A third write after ours reopened the day and packed counts of its own: they stay, but
    // counts packed from rows this repair changes are dropped (read from the tally rows).
    const third = day({ rev: 5, syncedRev: 3, reopenedAt: 11, counts: '[3]' });
    const afterThird = repairedDay(third, written, correct);
    expect(afterThird).toMatchObject({ rev: 8, syncedRev: 0, reopenedAt: 11, closedAt: 9 });
    expect(afterThird.counts).toBeUndefined();
  });
});
