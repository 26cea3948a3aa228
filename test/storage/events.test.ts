import { describe, expect, it } from 'vitest';
import {
  openStorage,
  recordEvents,
  REPLICA_KEY,
  TerskelDatabase,
  isQuotaError,
} from '../../src/storage/index.ts';
import { net, testStorage, totalsOf, uniqueDbName } from '../support/kiosk.ts';

const DAY = '2026-11-23';
const at = Date.UTC(2026, 10, 23, 12, 0);

describe('storage', () => {
  it('a database is born with a replica id that survives reopening', async () => {
    const name = uniqueDbName();
    const first = await openStorage(name);
    first.db.close();
    const again = await openStorage(name);
    expect(again.replica).toBe(first.replica);
    expect(again.replica).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a new (or wiped) database gets a new replica id', async () => {
    const name = uniqueDbName();
    const first = await openStorage(name);
    await first.db.delete();
    const reborn = await openStorage(name);
    expect(reborn.replica).not.toBe(first.replica);
    expect((await reborn.db.meta.get(REPLICA_KEY))?.value).toBe(reborn.replica);
  });

  it('one call writes the event and the tally state in one transaction', async () => {
    const storage = await testStorage();
    await recordEvents(storage.db, storage.replica, [
      { day: DAY, at, counter: 'visit', hour: 13, delta: 1, source: 'door' },
    ]);
    expect(await storage.db.events.count()).toBe(1);
    const row = await storage.db.tally.get([storage.replica, DAY, 'visit', '', 13]);
    expect(row).toMatchObject({ inc: 1, dec: 0 });
    expect((await storage.db.days.get([storage.replica, DAY]))?.rev).toBe(1);
  });

  it('an undo is a −1 event: the count drops and nothing is deleted', async () => {
    const storage = await testStorage();
    await storage.record([{ day: DAY, at, counter: 'middag', delta: 1, source: 'staff' }]);
    await storage.record([{ day: DAY, at, counter: 'middag', delta: -1, source: 'staff' }]);
    expect(await storage.db.events.count()).toBe(2);
    const row = await storage.db.tally.get([storage.replica, DAY, 'middag', '', -1]);
    expect(row).toMatchObject({ inc: 1, dec: 1 });
    expect(net(await totalsOf(storage, DAY), 'middag')).toBe(0);
  });

  it('sales keep kroner taken in and given back, both grow-only', async () => {
    const storage = await testStorage();
    await storage.record([
      { day: DAY, at, counter: 'bingo', option: 'cash', delta: 3, nok: 30, source: 'staff' },
    ]);
    await storage.record([
      { day: DAY, at, counter: 'bingo', option: 'cash', delta: -1, nok: -10, source: 'staff' },
    ]);
    const row = await storage.db.tally.get([storage.replica, DAY, 'bingo', 'cash', -1]);
    expect(row).toMatchObject({ inc: 3, dec: 1, incNok: 30, decNok: 10 });
  });

  it('a failed transaction leaves neither the event nor the tally change behind', async () => {
    const storage = await testStorage();
    const id = crypto.randomUUID();
    await storage.record([{ id, day: DAY, at, counter: 'visit', delta: 1, source: 'door' }]);
    await expect(
      storage.record([
        { day: DAY, at, counter: 'visit', delta: 1, source: 'door' },
        { id, day: DAY, at, counter: 'visit', delta: 1, source: 'door' },
      ]),
    ).rejects.toThrow();
    expect(await storage.db.events.count()).toBe(1);
    expect(net(await totalsOf(storage, DAY), 'visit')).toBe(1);
  });

  it('a dropped connection is reopened and the write retried once', async () => {
    const storage = await testStorage();
    storage.db.close();
    await storage.record([{ day: DAY, at, counter: 'visit', delta: 1, source: 'door' }]);
    expect(net(await totalsOf(storage, DAY), 'visit')).toBe(1);
  });

  it('recognises a quota error wrapped by Dexie', () => {
    const inner = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    expect(isQuotaError(Object.assign(new Error('abort'), { name: 'AbortError', inner }))).toBe(
      true,
    );
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('opens with strict durability so a commit is flushed before Velkommen', () => {
    const db = new TerskelDatabase(uniqueDbName());
    expect(
      (db as unknown as { _options: { chromeTransactionDurability?: string } })._options
        .chromeTransactionDurability,
    ).toBe('strict');
  });
});
