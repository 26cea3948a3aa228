// A tablet whose database is new while its pairing survived says so in staff mode.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKioskStore, type KioskStore } from '../../src/state/index.ts';
import { readSetting, removeSetting, writeSetting } from '../../src/storage/settings.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { MONDAY_1250, testStorage, uniqueDbName } from '../support/kiosk.ts';
import { TerskelDatabase } from '../../src/storage/index.ts';
import type { KioskStorage } from '../../src/state/index.ts';

const PAIRING = { endpoint: 'https://terskel.example', token: 't', site: 'alta', device: 'd1' };

async function started(storage: KioskStorage): Promise<KioskStore> {
  const store = createKioskStore({
    initialConfig: hjerteromAlta,
    openStorage: () => Promise.resolve(storage),
    now: () => MONDAY_1250,
    retryMs: 20,
    loadConfig: () => Promise.resolve({ config: hjerteromAlta }),
  });
  await store.storage();
  await vi.waitFor(async () =>
    expect((await readSetting('replica')) as { id: string }).toMatchObject({
      id: storage.replica,
    }),
  );
  return store;
}

beforeEach(async () => {
  await removeSetting('replica');
  await removeSetting('device');
});

describe('wipe detection', () => {
  it('a first start remembers the replica and reports no reset', async () => {
    const store = await started(await testStorage());
    expect(store.databaseReset.get()).toBe(false);
  });

  it('only the database lost, the pairing kept: staff mode is told, until dismissed', async () => {
    await writeSetting('device', PAIRING);
    const name = uniqueDbName();
    const first = await testStorage(name);
    await started(first);
    await first.db.delete();
    const reborn = await testStorage(name);
    expect(reborn.replica).not.toBe(first.replica);
    const store = await started(reborn);
    expect(store.databaseReset.get()).toBe(true);
    // Still told after a restart, until staff have seen it.
    const restarted = await started(reborn);
    await vi.waitFor(() => expect(restarted.databaseReset.get()).toBe(true));
    await store.dismissReset();
    expect(store.databaseReset.get()).toBe(false);
    expect((await started(reborn)).databaseReset.get()).toBe(false);
  });

  it('everything wiped: no pairing, so no reset notice — the tablet asks to be paired', async () => {
    await started(await testStorage());
    await removeSetting('replica');
    const store = await started(await testStorage());
    expect(store.databaseReset.get()).toBe(false);
    expect(await readSetting('device')).toBeUndefined();
  });
});

describe('a database wiped while the kiosk runs', () => {
  it('the next tap goes to the new replica, never under the old id, and staff are told', async () => {
    await writeSetting('device', PAIRING);
    const name = uniqueDbName();
    const store = createKioskStore({
      initialConfig: hjerteromAlta,
      openStorage: () => testStorage(name),
      now: () => MONDAY_1250,
      retryMs: 20,
      loadConfig: () => Promise.resolve({ config: hjerteromAlta }),
    });
    store.setConfig(hjerteromAlta);
    const before = await store.storage();
    expect((await store.checkIn()).stored).toBe(true);
    // Another connection deletes the database (as a browser's storage wipe would).
    await new TerskelDatabase(name).delete();
    const outcome = await store.checkIn();
    expect(outcome.stored).toBe(true);
    const after = await store.storage();
    expect(after.replica).not.toBe(before.replica);
    const rows = await after.db.tally.toArray();
    expect(rows.map((row) => [row.replica, row.inc])).toEqual([[after.replica, 1]]);
    await vi.waitFor(() => expect(store.databaseReset.get()).toBe(true));
    store.dispose();
  });
});

describe('retention through the store', () => {
  it('prunes raw events past the configured retention whose day was synced', async () => {
    await writeSetting('device', PAIRING);
    const storage = await testStorage();
    const old = {
      day: '2026-10-01',
      at: MONDAY_1250,
      counter: 'visit',
      delta: 1,
      source: 'door',
    } as const;
    await storage.record([old]);
    await storage.record([{ ...old, day: '2026-11-22' }]);
    await storage.db.days.toCollection().modify((row) => {
      row.syncedRev = row.rev;
    });
    const store = await started(storage);
    expect(await store.pruneRetention()).toBe(1);
    expect(await storage.db.events.count()).toBe(1);
    expect(await storage.db.tally.count()).toBe(2);
  });
});
