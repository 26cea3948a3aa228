/**
 * The connection to the tablet's database: Dexie, loaded lazily so the first paint needs none,
 * opened once start-up has settled or as soon as a write needs it; opened again after a failed
 * open or when the database was wiped and recreated under it. It owns the storage status and
 * never writes anything itself.
 */
import { beginOtherWrite, isReplicaChanged } from '../../storage/record.ts';
import type { EventInput, OpenedStorage, RecordOptions } from '../../storage/index.ts';
import { observable, type Observable } from '../observable.ts';

/** What the state layer needs of storage; tests inject their own. */
export interface KioskStorage extends OpenedStorage {
  record(inputs: readonly EventInput[], options?: RecordOptions): Promise<unknown>;
}

export type StorageStatus = 'opening' | 'ready' | 'unavailable';

/** Opens the real database, loaded lazily so the first paint needs no Dexie. */
export async function openBrowserStorage(): Promise<KioskStorage> {
  const storage = await import('../../storage/index.ts');
  const opened = await storage.openStorage();
  return {
    ...opened,
    record: (inputs, options) => storage.recordOwnEvents(opened, inputs, options),
  };
}

export interface Connection {
  storageStatus: Observable<StorageStatus>;
  /** Resolves once start-up has settled, or earlier when storage was needed. */
  started: Promise<unknown>;
  /** Resolves with the open storage; rejects when IndexedDB cannot be used here. */
  storage(): Promise<KioskStorage>;
  /** Lets the storage open now, before start-up has settled: a write is about to need it. */
  needStorage(): void;
  /**
   * Runs `work` on the open storage, now; when it finds the database wiped and recreated under
   * it (a new replica id), opens the database as it is now and runs `work` there once.
   */
  run<T>(work: (ready: KioskStorage) => Promise<T>): Promise<T>;
  /**
   * Runs any other storage write (closing, notes, exports, backup import, sync marks) now,
   * through the one reopen-and-retry path; it throws when the write fails.
   */
  write<T>(work: (ready: KioskStorage) => Promise<T>): Promise<T>;
  /** A tiny write and read, now; on failure the database is reopened. False if it still fails. */
  healthy(now: number): Promise<boolean>;
}

export function createConnection(options: {
  openStorage(): Promise<KioskStorage>;
  startAfter: Promise<unknown>;
  /** Called with each storage that opened (before any caller of `storage()` gets it). */
  onOpen(ready: KioskStorage): void;
}): Connection {
  const storageStatus = observable<StorageStatus>('opening');
  let needStorage: () => void = () => undefined;
  const needed = new Promise<void>((resolve) => (needStorage = resolve));
  const started = Promise.race([options.startAfter.catch(() => undefined), needed]);

  let opened: Promise<KioskStorage> | undefined;
  function storage(): Promise<KioskStorage> {
    opened ??= started.then(options.openStorage).then(
      (ready) => {
        storageStatus.set('ready');
        options.onOpen(ready);
        return ready;
      },
      (error: unknown) => {
        storageStatus.set('unavailable');
        opened = undefined;
        throw error;
      },
    );
    return opened;
  }

  async function run<T>(work: (ready: KioskStorage) => Promise<T>): Promise<T> {
    needStorage();
    const ready = await storage();
    try {
      return await work(ready);
    } catch (error) {
      if (!isReplicaChanged(error)) throw error;
      // Its new replica id (and the reset notice) come with the storage opened anew.
      ready.db.close();
      if (opened !== undefined && (await opened) === ready) opened = undefined;
      return work(await storage());
    }
  }

  async function healthy(now: number): Promise<boolean> {
    try {
      needStorage();
      const ready = await storage();
      const { checkHealth } = await import('../../storage/index.ts');
      await checkHealth(ready.db, now);
      return true;
    } catch {
      return false;
    }
  }

  async function write<T>(work: (ready: KioskStorage) => Promise<T>): Promise<T> {
    // The door's next tap reads the rows this may change, until it has ended.
    const ended = beginOtherWrite();
    try {
      needStorage();
      const [ready, { writeWithReopen }] = await Promise.all([
        storage(),
        import('../../storage/index.ts'),
      ]);
      return await writeWithReopen(ready.db, () => work(ready));
    } finally {
      ended();
    }
  }

  return {
    storageStatus,
    started,
    storage,
    needStorage: () => needStorage(),
    run,
    write,
    healthy,
  };
}
