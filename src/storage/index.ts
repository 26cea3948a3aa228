/**
 * The storage layer's public face: open the database, read the replica id, and the
 * small function APIs per table. Nothing outside storage/ touches Dexie tables.
 */
import { DATABASE_NAME, REPLICA_KEY, TerskelDatabase } from './database.ts';
import { recordEvents, writeWithReopen, type EventInput, type RecordOptions } from './events.ts';

export * from './database.ts';
export * from './events.ts';
export * from './tally.ts';
export * from './day-counts.ts';
export * from './prune.ts';
export * from './days.ts';
export * from './notes.ts';
export * from './backup.ts';

/** An open database and the replica id it was born with. */
export interface OpenedStorage {
  db: TerskelDatabase;
  replica: string;
}

/** Opens (creating on first use) the database and reads its replica id. */
export async function openStorage(name = DATABASE_NAME): Promise<OpenedStorage> {
  const db = new TerskelDatabase(name);
  await db.open();
  const meta = await db.meta.get(REPLICA_KEY);
  if (meta === undefined) throw new Error('The database has no replica id');
  return { db, replica: meta.value };
}

/** Records events for the database's own replica, through the one write path. */
export function recordOwnEvents(
  opened: OpenedStorage,
  inputs: readonly EventInput[],
  options?: RecordOptions,
): Promise<unknown> {
  return writeWithReopen(opened.db, () => recordEvents(opened.db, opened.replica, inputs, options));
}
export * from './words.ts';
export * from './sync-state.ts';
export * from './prune.ts';
