// The plain-IndexedDB write path: the door's first taps are recorded before Dexie has loaded,
// and Dexie's live queries (the occupancy line, staff totals) still hear of every count.
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  createKioskStore,
  openBrowserEarlyWriter,
  type KioskStorage,
} from '../../src/state/index.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { countsOfDay, openStorage, TerskelDatabase } from '../../src/storage/index.ts';
import { openExisting, recordInto } from '../../src/storage/record.ts';
import { MONDAY_1250, net, totalsOf, uniqueDbName, withRecord } from '../support/kiosk.ts';

const DAY = '2026-11-23';
const visit = { day: DAY, at: MONDAY_1250, counter: 'visit', hour: 12, delta: 1 } as const;

/** A kiosk store on database `name` whose Dexie storage opens only when `dexieReady()` is called. */
function kioskWhileDexieLoads(name: string, storage: KioskStorage) {
  let dexieReady: () => void = () => undefined;
  const dexieOpened = new Promise<void>((resolve) => (dexieReady = resolve));
  const store = createKioskStore({
    initialConfig: hjerteromAlta,
    openStorage: () => dexieOpened.then(() => storage),
    openEarlyWriter: () => openBrowserEarlyWriter(name),
    now: () => MONDAY_1250,
    retryMs: 5,
    loadConfig: () => Promise.resolve({ config: hjerteromAlta }),
  });
  return { store, dexieReady };
}

describe('recording without Dexie', () => {
  it('opens only a database that exists, and never creates one', async () => {
    const name = uniqueDbName();
    expect(await openExisting(name)).toBeUndefined();
    const names = (await indexedDB.databases()).map((database) => database.name);
    expect(names).not.toContain(name);
    // Dexie then creates it as usual, with its replica id, which the plain connection reads.
    const storage = await openStorage(name);
    const existing = await openExisting(name);
    expect(existing?.replica).toBe(storage.replica);
    existing?.idb.close();
    storage.db.close();
  });

  it("a count recorded on a plain connection reaches Dexie's live queries", async () => {
    const name = uniqueDbName();
    const storage = await openStorage(name);
    const seen: number[] = [];
    const subscription = liveQuery(() => countsOfDay(storage.db, DAY)).subscribe((counts) =>
      seen.push(counts.filter((row) => row.counter === 'visit').reduce((n, r) => n + r.inc, 0)),
    );
    await expect.poll(() => seen.at(-1)).toBe(0);
    const existing = await openExisting(name);
    await recordInto(existing!.idb, existing!.replica, [{ ...visit, source: 'door' }]);
    await expect.poll(() => seen.at(-1)).toBe(1);
    subscription.unsubscribe();
    existing?.idb.close();
    storage.db.close();
  });

  it('closes itself when Dexie upgrades the database, so the upgrade is never blocked', async () => {
    const name = uniqueDbName();
    (await openStorage(name)).db.close();
    const existing = await openExisting(name);
    const next = new TerskelDatabase(name);
    next.version(2).stores({ extra: 'id' });
    await next.open(); // blocks forever if the plain connection stayed open
    await expect(recordInto(existing!.idb, existing!.replica, [])).rejects.toMatchObject({
      name: 'InvalidStateError',
    });
    next.close();
  });

  it("the kiosk counts a tap while Dexie is still loading, then writes through Dexie's connection", async () => {
    const name = uniqueDbName();
    const storage = withRecord(await openStorage(name));
    const { store, dexieReady } = kioskWhileDexieLoads(name, storage);
    store.setConfig(hjerteromAlta);
    const first = await store.checkIn();
    expect(first.stored).toBe(true);
    expect(store.storageStatus.get()).toBe('opening');
    expect(net(await totalsOf(storage, DAY), 'visit')).toBe(1);
    dexieReady();
    await store.storage();
    expect((await store.checkIn()).stored).toBe(true);
    expect(net(await totalsOf(storage, DAY), 'visit')).toBe(2);
    expect(store.stored.get()).toBe(2);
    store.dispose();
    storage.db.close();
  });

  it("a remembered replica id that is no longer the database's writes nothing early: the tap waits for Dexie and counts once", async () => {
    const name = uniqueDbName();
    const storage = withRecord(await openStorage(name));
    localStorage.setItem('terskel:replica', 'a-replica-of-a-wiped-database');
    const { store, dexieReady } = kioskWhileDexieLoads(name, storage);
    try {
      const tap = store.checkIn();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await storage.db.events.count()).toBe(0);
      dexieReady();
      expect((await tap).stored).toBe(true);
      const events = await storage.db.events.toArray();
      expect(events.map((event) => event.replica)).toEqual([storage.replica]);
      expect(net(await totalsOf(storage, DAY), 'visit')).toBe(1);
      // Dexie's open remembers the right id for the next start.
      expect(localStorage.getItem('terskel:replica')).toBe(storage.replica);
    } finally {
      store.dispose();
      storage.db.close();
      localStorage.removeItem('terskel:replica');
    }
  });

  it('an early open that never settles does not hold a tap: it is counted through Dexie', async () => {
    const storage = withRecord(await openStorage(uniqueDbName()));
    const store = createKioskStore({
      initialConfig: hjerteromAlta,
      openStorage: () => Promise.resolve(storage),
      openEarlyWriter: () => new Promise(() => undefined),
      now: () => MONDAY_1250,
      retryMs: 5,
      loadConfig: () => Promise.resolve({ config: hjerteromAlta }),
    });
    const outcome = await store.checkIn();
    expect(outcome.stored).toBe(true);
    expect(net(await totalsOf(storage, DAY), 'visit')).toBe(1);
    store.dispose();
    storage.db.close();
  });
});
