// Opening the database: once start-up has settled or a write needs it; again after a failure,
// and after a wipe found under a write.
import { describe, expect, it } from 'vitest';
import { createConnection } from '../../../src/state/kiosk/connection.ts';
import type { KioskStorage } from '../../../src/state/index.ts';
import { testStorage } from '../../support/kiosk.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const replicaChanged = () => Object.assign(new Error('wiped'), { name: 'ReplicaChangedError' });

function gated(open: () => Promise<KioskStorage>) {
  let start: () => void = () => undefined;
  const opened: KioskStorage[] = [];
  const connection = createConnection({
    openStorage: open,
    startAfter: new Promise<void>((resolve) => (start = resolve)),
    onOpen: (ready) => opened.push(ready),
  });
  return { connection, start: () => start(), opened };
}

describe('the connection', () => {
  it('opens once start-up has settled, once, and tells onOpen before any caller', async () => {
    let opens = 0;
    const storage = await testStorage();
    const { connection, start, opened } = gated(async () => {
      opens += 1;
      return storage;
    });
    const first = connection.storage();
    await tick();
    expect(opens).toBe(0);
    expect(connection.storageStatus.get()).toBe('opening');
    start();
    expect(await first).toBe(storage);
    expect(opened).toEqual([storage]);
    expect(await connection.storage()).toBe(storage);
    expect(opens).toBe(1);
    expect(connection.storageStatus.get()).toBe('ready');
  });

  it('a write that needs storage opens it before start-up has settled', async () => {
    const storage = await testStorage();
    const { connection } = gated(async () => storage);
    connection.needStorage();
    expect(await connection.storage()).toBe(storage);
  });

  it('an open that fails says unavailable, and the next call tries again', async () => {
    const storage = await testStorage();
    let fail = true;
    const { connection, start } = gated(async () => {
      if (fail) throw new Error('no IndexedDB');
      return storage;
    });
    start();
    await expect(connection.storage()).rejects.toThrow('no IndexedDB');
    expect(connection.storageStatus.get()).toBe('unavailable');
    fail = false;
    expect(await connection.storage()).toBe(storage);
    expect(connection.storageStatus.get()).toBe('ready');
  });

  it('run: a wipe found under the work opens the database anew and runs it there, once', async () => {
    const before = await testStorage();
    const after = await testStorage();
    const stores = [before, after];
    const { connection } = gated(async () => stores.shift()!);
    const ran: string[] = [];
    const result = await connection.run(async (ready) => {
      ran.push(ready.replica);
      if (ready === before) throw replicaChanged();
      return 'stored';
    });
    expect(result).toBe('stored');
    expect(ran).toEqual([before.replica, after.replica]);
    expect(before.db.isOpen()).toBe(false);
    expect(await connection.storage()).toBe(after);
    // Any other error is the caller's, with no reopen.
    await expect(
      connection.run(() => Promise.reject(Object.assign(new Error('x'), { name: 'DataError' }))),
    ).rejects.toThrow('x');
    expect(await connection.storage()).toBe(after);
  });

  it('healthy: a dropped connection is reopened; a database that cannot open is not healthy', async () => {
    const storage = await testStorage();
    const { connection } = gated(async () => storage);
    storage.db.close();
    expect(await connection.healthy(1)).toBe(true);
    expect(storage.db.isOpen()).toBe(true);
    const broken = gated(() => Promise.reject(new Error('no IndexedDB')));
    expect(await broken.connection.healthy(1)).toBe(false);
  });
});
