/**
 * The durability rule (DESIGN.md): an acknowledged upload survives a power cut, so the store the
 * endpoint opens from its environment commits in WAL mode with `synchronous = FULL`. The
 * benchmark's unflushed store (OFF) is only ever asked for by name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  openStoreFromEnv,
  openSqliteStore,
  SQLITE_FILE_NAME,
} from '../../../src/server/store/index.ts';

let dir: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The pragmas a store sets on its connection while it opens. */
async function pragmasSetBy(open: () => Promise<{ close(): Promise<void> }>) {
  const pragma = vi.spyOn(Database.prototype, 'pragma');
  const store = await open();
  const set = pragma.mock.calls.map(([source]) => source).filter((s) => s.includes('='));
  pragma.mockRestore();
  await store.close();
  return set;
}

describe('the SQLite store commits durably', () => {
  it('opens from the environment in WAL mode with synchronous = FULL', async () => {
    dir = mkdtempSync(join(tmpdir(), 'terskel-durable-'));
    const set = await pragmasSetBy(async () => (await openStoreFromEnv({ DATA_DIR: dir })).store);
    expect(set).toContain('journal_mode = WAL');
    expect(set).toContain('synchronous = FULL');
    expect(set.filter((s) => s.startsWith('synchronous'))).toEqual(['synchronous = FULL']);
    // WAL is a property of the file: another connection sees it too.
    const db = new Database(join(dir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('turns the flush off only when asked by name (the benchmark diagnostic)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'terskel-unflushed-'));
    const set = await pragmasSetBy(async () =>
      openSqliteStore({ dataDir: dir, synchronous: 'OFF' }),
    );
    expect(set.filter((s) => s.startsWith('synchronous'))).toEqual(['synchronous = OFF']);
  });
});
