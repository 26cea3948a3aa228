// Fault injection on the storage layer: writes fail the way Safari and a full disk make them
// fail (in Dexie's middleware, and in the plain IndexedDB transaction that records counts),
// and the kiosk store must still never lose a tap it confirmed.
import { Dexie, type DBCore, type DBCoreTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskStore, type KioskStore } from '../../src/state/index.ts';
import {
  acknowledgeDay,
  REPLICA_KEY,
  TerskelDatabase,
  waitingDays,
} from '../../src/storage/index.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { MONDAY_1250, net, totalsOf, uniqueDbName, withRecord } from '../support/kiosk.ts';
import type { KioskStorage } from '../../src/state/index.ts';
import { seeded } from '../support/seeded.ts';

const MONDAY = '2026-11-23';

type Fault = (table: string, request: Parameters<DBCoreTable['mutate']>[0]) => Error | undefined;

/** Opens a database whose writes (mutate) pass through `fault` first, once it is switched on. */
async function faultyStorage(): Promise<{ storage: KioskStorage; setFault(f?: Fault): void }> {
  const db = new TerskelDatabase(uniqueDbName());
  let fault: Fault | undefined;
  db.use({
    stack: 'dbcore',
    name: 'faults',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request) {
            const error = fault?.(name, request);
            return error ? Promise.reject(error) : table.mutate(request);
          },
        };
      },
    }),
  });
  // Counts are recorded in plain IndexedDB on Dexie's connection (storage/record.ts): the
  // same faults are injected there, on every write of an object store.
  const connection = db.backendDB.bind(db);
  db.backendDB = () => faultyConnection(connection(), () => fault);
  await db.open();
  const replica = (await db.meta.get(REPLICA_KEY))?.value;
  if (replica === undefined) throw new Error('no replica');
  return { storage: withRecord({ db, replica }), setFault: (next) => (fault = next) };
}

/** Forwards to `target`, with its methods bound to it (IndexedDB's getters check `this`). */
function forwarding<T extends object>(target: T, override: (key: string | symbol) => unknown): T {
  return new Proxy(target, {
    get(object, key) {
      const replaced = override(key);
      if (replaced !== undefined) return replaced;
      const value: unknown = Reflect.get(object, key);
      return typeof value === 'function' ? value.bind(object) : value;
    },
    set: (object, key, value) => Reflect.set(object, key, value),
  });
}

function faultyConnection(idb: IDBDatabase, fault: () => Fault | undefined): IDBDatabase {
  const faultyStore = (store: IDBObjectStore, table: string) =>
    forwarding(store, (key) =>
      key === 'add' || key === 'put' || key === 'delete'
        ? (...args: unknown[]) => {
            const error = fault()?.(table, { type: key } as Parameters<Fault>[1]);
            if (error) throw error;
            return (store[key] as (...a: unknown[]) => IDBRequest)(...args);
          }
        : undefined,
    );
  return forwarding(idb, (key) =>
    key === 'transaction'
      ? (...args: Parameters<IDBDatabase['transaction']>) => {
          const tx = idb.transaction(...args);
          return forwarding(tx, (txKey) =>
            txKey === 'objectStore'
              ? (name: string) => faultyStore(tx.objectStore(name), name)
              : undefined,
          );
        }
      : undefined,
  );
}

function kioskOn(storage: KioskStorage, now = () => MONDAY_1250): KioskStore {
  const store = createKioskStore({
    initialConfig: hjerteromAlta,
    openStorage: () => Promise.resolve(storage),
    now,
    retryMs: 5,
    loadConfig: () => Promise.resolve({ config: hjerteromAlta }),
  });
  store.setConfig(hjerteromAlta);
  return store;
}

async function drained(store: KioskStore): Promise<void> {
  for (let round = 0; store.pending.get().length > 0; round += 1) {
    if (round > 1000) throw new Error(`${store.pending.get().length} writes never stored`);
    await store.flushPending();
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('storage faults', () => {
  it('10% of writes fail with dropped connections: 1,000 taps, none confirmed is lost, all arrive once', async () => {
    const { storage, setFault } = await faultyStorage();
    const random = seeded(20261123);
    const kinds = [Dexie.DatabaseClosedError, Dexie.UnknownError, Dexie.InvalidStateError];
    const injected = new Map<string, number>();
    setFault(() => {
      if (random() >= 0.1) return undefined;
      const Kind = kinds[Math.floor(random() * kinds.length)] ?? Dexie.UnknownError;
      const error = new Kind('injected fault');
      injected.set(error.name, (injected.get(error.name) ?? 0) + 1);
      return error;
    });
    const store = kioskOn(storage);
    const outcomes = [];
    // Ten visitors at a time, so faults also hit writes in flight beside a reopening.
    for (let batch = 0; batch < 100; batch += 1) {
      outcomes.push(...(await Promise.all(Array.from({ length: 10 }, () => store.checkIn()))));
    }
    const confirmed = outcomes.filter((outcome) => outcome.stored);
    const confirmedIds = confirmed.map((outcome) => outcome.events[0]?.id ?? '');
    // Before any retry has drained: every confirmed tap is already stored.
    const storedNow = new Set(
      await storage.db.events.bulkGet(confirmedIds).then((rows) => rows.map((row) => row?.id)),
    );
    expect(confirmedIds.filter((id) => !storedNow.has(id))).toEqual([]);

    await drained(store);
    setFault(undefined);
    store.dispose();
    const ids = await storage.db.events.toCollection().primaryKeys();
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(net(await totalsOf(storage, MONDAY), 'visit')).toBe(1000);
    expect(unhandled).toEqual([]);
    // The run did meet every kind of fault, and some taps did wait in memory.
    expect([...injected.keys()].sort()).toEqual([
      'DatabaseClosedError',
      'InvalidStateError',
      'UnknownError',
    ]);
    expect(confirmed.length).toBeLessThan(1000);
    // Each tap makes four puts (event, tally, day, its write id), each meeting the 10% fault.
    expect(confirmed.length).toBeGreaterThan(850);
  });

  it('a health check after a dropped connection reopens the database and writes what was pending', async () => {
    const { storage, setFault } = await faultyStorage();
    setFault(() => new Dexie.DatabaseClosedError('gone'));
    const store = kioskOn(storage);
    store.dispose(); // no timer: only the health check may write
    const outcome = await store.checkIn();
    expect(outcome.stored).toBe(false);
    expect(store.pending.get()).toHaveLength(1);
    expect(await store.checkHealth()).toBe(false);
    setFault(undefined);
    storage.db.close();
    expect(await store.checkHealth()).toBe(true);
    expect(store.pending.get()).toHaveLength(0);
    expect(net(await totalsOf(storage, MONDAY), 'visit')).toBe(1);
    expect(unhandled).toEqual([]);
  });
});

describe('a full disk', () => {
  const quotaError = () =>
    Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
    });

  async function withSyncedOldDay(storage: KioskStorage): Promise<void> {
    for (let i = 0; i < 5; i += 1) {
      await storage.record([
        { day: '2026-11-01', at: MONDAY_1250, counter: 'visit', delta: 1, source: 'door' },
      ]);
    }
    for (const day of await waitingDays(storage.db)) await acknowledgeDay(storage.db, day);
  }

  it('shows the quota problem, prunes synced raw events at once, and counts on without raw events', async () => {
    const { storage, setFault } = await faultyStorage();
    await withSyncedOldDay(storage);
    // Deleting frees space, so only adding raw events fails.
    setFault((table, request) =>
      table === 'events' && request.type === 'add' ? quotaError() : undefined,
    );
    const store = kioskOn(storage);
    for (let tap = 0; tap < 20; tap += 1) expect((await store.checkIn()).stored).toBe(true);
    expect(store.storageProblem.get()).toBe('quota');
    expect(await storage.db.events.where('day').equals('2026-11-01').count()).toBe(0);
    expect(net(await totalsOf(storage, '2026-11-01'), 'visit')).toBe(5);
    expect(net(await totalsOf(storage, MONDAY), 'visit')).toBe(20);
    expect(store.pending.get()).toHaveLength(0);
    store.dispose();
  });

  it('when pruning frees enough space, the tap is stored in full and the problem clears', async () => {
    const { storage, setFault } = await faultyStorage();
    await withSyncedOldDay(storage);
    let full = true;
    setFault((table, request) => {
      if (table === 'events' && request.type === 'delete') full = false;
      return table === 'events' && request.type === 'add' && full ? quotaError() : undefined;
    });
    const store = kioskOn(storage);
    const outcome = await store.checkIn();
    expect(outcome.stored).toBe(true);
    expect(await storage.db.events.get(outcome.events[0]?.id ?? '')).toMatchObject({
      id: outcome.events[0]?.id,
    });
    expect(store.storageProblem.get()).toBe(undefined);
    store.dispose();
  });
});
