// Builders for state and UI tests: a fresh store and database per test.
import {
  openStorage,
  recordOwnEvents,
  toCounts,
  type OpenedStorage,
} from '../../src/storage/index.ts';
import {
  createKioskStore,
  type KioskDeps,
  type KioskStorage,
  type KioskStore,
} from '../../src/state/index.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { rollUp } from '../../src/domain/tally.ts';
import type { SiteConfig } from '../../src/shared/site-config.ts';
import type { Total } from '../../src/shared/protocol.ts';
import { seedStaffPins } from './staff.ts';

let counter = 0;
/** A database name no other test uses. */
export function uniqueDbName(): string {
  counter += 1;
  return `terskel-test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** Real Dexie storage on fake-indexeddb, as the browser build wires it. */
export async function testStorage(name = uniqueDbName()): Promise<KioskStorage> {
  const opened = await openStorage(name);
  return withRecord(opened);
}

export function withRecord(opened: OpenedStorage): KioskStorage {
  return {
    ...opened,
    record: (inputs, options) => recordOwnEvents(opened, inputs, options),
  };
}

/** Monday 2026-11-23 12:50 in Oslo (11:50 UTC). */
export const MONDAY_1250 = Date.UTC(2026, 10, 23, 11, 50);
/** Thursday 2026-11-26 12:00 in Oslo. */
export const THURSDAY_1200 = Date.UTC(2026, 10, 26, 11, 0);

export interface TestKiosk {
  store: KioskStore;
  storage: Promise<KioskStorage>;
}

export function testKiosk(
  options: {
    now?: number;
    config?: SiteConfig;
    deps?: Partial<KioskDeps>;
    /** A tablet set up with TEST_PINS (the default), or a fresh one that asks for PINs. */
    pins?: 'seeded' | 'none';
  } = {},
): TestKiosk {
  if (options.pins !== 'none') void seedStaffPins();
  const storage = testStorage();
  const config = options.config ?? hjerteromAlta;
  const store = createKioskStore({
    initialConfig: config,
    openStorage: () => storage,
    now: () => options.now ?? MONDAY_1250,
    retryMs: 20,
    loadConfig: () => Promise.resolve({ config }),
    ...options.deps,
  });
  store.setConfig(config);
  const kiosk = { store, storage };
  open.add(kiosk);
  return kiosk;
}

/** The kiosks this test built, for `settleKiosks` to wind down once it is over. */
const open = new Set<TestKiosk>();

/**
 * Stops every kiosk built by this test and closes its database once the writes under way have
 * committed: a write landing after the test file's DOM is gone would fail without a test.
 */
export async function settleKiosks(): Promise<void> {
  const kiosks = [...open];
  open.clear();
  await Promise.all(
    kiosks.map(async ({ store, storage }) => {
      store.dispose();
      const { db } = await storage.catch(() => ({ db: undefined }));
      if (db === undefined || !db.isOpen()) return;
      // A transaction over every table starts only after the writes before it have committed.
      await db.transaction('r', db.tables, () => undefined).catch(() => undefined);
      db.close();
    }),
  );
}

/** The roll-up of every replica's tally rows of a day in a database. */
export async function totalsOf(storage: KioskStorage, day: string): Promise<Total[]> {
  const rows = await storage.db.tally.where('day').equals(day).toArray();
  return rollUp(rows.map(toCounts));
}

export function net(totals: Total[], counter: string, option?: string): number {
  return (
    totals.find(
      (total) => total.counter === counter && total.option === option && total.hour === undefined,
    )?.net ?? 0
  );
}
