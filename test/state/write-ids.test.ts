// A write whose commit was applied but whose success was never reported is retried: its id,
// kept by the same transaction as the count (storage/record.ts), makes the retry change nothing,
// whether the write stores raw events or — storage nearly full — the tally state alone.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  createKioskStore,
  openBrowserEarlyWriter,
  type KioskStorage,
} from '../../src/state/index.ts';
import type { EarlyWriter } from '../../src/state/cold-start/early-writer.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import {
  APPLIED_KEEP_MS,
  openStorage,
  pruneRawEvents,
  REPLICA_KEY,
} from '../../src/storage/index.ts';
import { openExisting } from '../../src/storage/record.ts';
import {
  MONDAY_1250,
  net,
  testStorage,
  totalsOf,
  uniqueDbName,
  withRecord,
} from '../support/kiosk.ts';

const DAY = '2026-11-23';
const lost = () => Object.assign(new Error('the outcome was lost'), { name: 'UnknownError' });
const quotaError = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });

/**
 * Storage whose first write to reach the disk commits but reports a failure. Full from the
 * `start` (the write is the tally state alone) or `after` that write (its retry is): either
 * way a write in full meets a quota error, so the retry stores the tally state alone.
 */
function lossy(real: KioskStorage, full: 'start' | 'after'): KioskStorage {
  let applied = 0;
  return {
    ...real,
    async record(inputs, options) {
      if ((full === 'start' || applied > 0) && !options?.withoutRawEvents) throw quotaError();
      applied += 1;
      await real.record(inputs, options);
      if (applied === 1) throw lost();
    },
  };
}

function kioskOn(storage: KioskStorage, openEarlyWriter?: () => Promise<EarlyWriter | undefined>) {
  const store = createKioskStore({
    initialConfig: hjerteromAlta,
    openStorage: () => Promise.resolve(storage),
    now: () => MONDAY_1250,
    retryMs: 5,
    loadConfig: () => Promise.resolve({ config: hjerteromAlta }),
    ...(openEarlyWriter ? { openEarlyWriter } : {}),
  });
  store.setConfig(hjerteromAlta);
  return store;
}

const staffTally = {
  day: DAY,
  at: MONDAY_1250,
  counter: 'visit',
  hour: 12,
  delta: 1,
  source: 'staff',
} as const;

describe('a retried write counts once', () => {
  for (const full of ['after', 'start'] as const) {
    const mode =
      full === 'start'
        ? 'applied as the tally alone (storage nearly full)'
        : 'applied with its raw event, retried once storage is full';
    it(`a door tap applied but reported as failed, retried: ${mode}`, async () => {
      const real = await testStorage();
      const store = kioskOn(lossy(real, full));
      const outcome = await store.checkIn();
      expect(outcome.stored).toBe(false);
      await store.flushPending();
      expect(store.pending.get()).toEqual([]);
      expect(net(await totalsOf(real, DAY), 'visit')).toBe(1);
      store.dispose();
    });

    it(`a staff tally +1 applied but reported as failed, retried: ${mode}`, async () => {
      const real = await testStorage();
      const store = kioskOn(lossy(real, full));
      expect((await store.record([staffTally])).stored).toBe(false);
      await store.flushPending();
      expect(store.pending.get()).toEqual([]);
      expect(net(await totalsOf(real, DAY), 'visit')).toBe(1);
      store.dispose();
    });
  }

  it("the early writer's tap applied but reported as failed, retried on a full disk", async () => {
    const name = uniqueDbName();
    const real = withRecord(await openStorage(name));
    // The replica id a start remembers (earlier tests here left another one).
    localStorage.setItem('terskel:replica', real.replica);
    const early = async (): Promise<EarlyWriter | undefined> => {
      const writer = await openBrowserEarlyWriter(name);
      if (writer === undefined) return undefined;
      return {
        ...writer,
        async record(inputs) {
          await writer.record(inputs);
          throw lost();
        },
      };
    };
    // Dexie's path never stores the retry in full: only the tally state could count it twice.
    const full: KioskStorage = {
      ...real,
      record: (inputs, options) =>
        options?.withoutRawEvents ? real.record(inputs, options) : Promise.reject(quotaError()),
    };
    // Dexie opens only after the early writer has applied the tap.
    let dexieReady: () => void = () => undefined;
    const dexieOpened = new Promise<void>((resolve) => (dexieReady = resolve));
    const store = createKioskStore({
      initialConfig: hjerteromAlta,
      openStorage: () => dexieOpened.then(() => full),
      openEarlyWriter: early,
      now: () => MONDAY_1250,
      retryMs: 5,
      loadConfig: () => Promise.resolve({ config: hjerteromAlta }),
    });
    store.setConfig(hjerteromAlta);
    const tap = store.checkIn();
    await expect.poll(() => real.db.events.count()).toBe(1);
    dexieReady();
    await tap;
    await store.flushPending();
    expect(store.pending.get()).toEqual([]);
    expect(net(await totalsOf(real, DAY), 'visit')).toBe(1);
    expect(await real.db.events.count()).toBe(1);
    store.dispose();
  });
});

describe('the applied write ids', () => {
  it('a database of the first version opens upgraded and keeps every count', async () => {
    const name = uniqueDbName();
    const old = new Dexie(name);
    old.version(1).stores({
      events: 'id, [replica+day], day, at',
      tally: '[replica+day+counter+option+hour], [replica+day], day',
      days: '[replica+day], day, replica',
      notes: 'day',
      words: 'date',
      replicas: 'id',
      meta: 'key',
    });
    await old.open();
    await old.table('meta').add({ key: REPLICA_KEY, value: 'r1' });
    await old.table('replicas').add({ id: 'r1', frozen: 0, addedAt: 0 });
    await old.table('tally').add({
      ...{ replica: 'r1', day: DAY, counter: 'visit', option: '', hour: 12 },
      ...{ inc: 7, dec: 1, incNok: 0, decNok: 0, ackInc: 5, ackDec: 0, ackIncNok: 0, ackDecNok: 0 },
    });
    await old.table('days').add({ replica: 'r1', day: DAY, rev: 3, syncedRev: 2 });
    old.close();
    // Before Dexie has upgraded it, the early writer leaves the old database alone.
    expect(await openExisting(name)).toBeUndefined();

    const storage = withRecord(await openStorage(name));
    expect(storage.replica).toBe('r1');
    expect(net(await totalsOf(storage, DAY), 'visit')).toBe(6);
    expect(await storage.db.days.get(['r1', DAY])).toMatchObject({ rev: 3, syncedRev: 2 });
    await storage.record([{ ...staffTally, id: 'w1' }]);
    // Its retry, tally alone, finds the write's id and changes nothing.
    await expect(
      storage.record([{ ...staffTally, id: 'w1' }], { withoutRawEvents: true }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(net(await totalsOf(storage, DAY), 'visit')).toBe(7);
    storage.db.close();
  });

  it('pruning keeps the store bounded: ids older than a day go, recent ones stay', async () => {
    const storage = await testStorage();
    const now = MONDAY_1250;
    await storage.record([{ ...staffTally, id: 'old', at: now - APPLIED_KEEP_MS - 1 }]);
    await storage.db.applied.bulkPut([
      { id: 'older', at: now - 2 * APPLIED_KEEP_MS },
      { id: 'recent', at: now - 1000 },
    ]);
    await storage.db.applied.update('old', { at: now - APPLIED_KEEP_MS - 1 });
    expect(await storage.db.applied.count()).toBe(3);
    await pruneRawEvents(storage.db, { before: DAY, paired: false, now });
    expect(await storage.db.applied.toCollection().primaryKeys()).toEqual(['recent']);
  });
});
