/**
 * The write path through Dexie: recording goes through the plain-IndexedDB transaction of
 * record.ts on Dexie's own connection, so the door's first taps (written before Dexie has
 * loaded) and every later write are the same code. Nothing here ever deletes an event
 * except retention pruning (prune.ts); corrections are new events.
 */
import { isReopenable } from './errors.ts';
import type { StoredEvent, TerskelDatabase } from './database.ts';
import { recordInto, type EventInput, type RecordOptions } from './record.ts';

export { isQuotaError } from './errors.ts';
export {
  addToRow,
  emptyTallyRow,
  recordInto,
  toStoredEvent,
  type EventInput,
  type RecordOptions,
} from './record.ts';

/**
 * Appends events for this database's own replica and updates tally state and day
 * revisions in one readwrite transaction. Resolves once the transaction committed.
 */
export async function recordEvents(
  db: TerskelDatabase,
  replica: string,
  inputs: readonly EventInput[],
  options: RecordOptions = {},
): Promise<StoredEvent[]> {
  if (!db.isOpen()) await db.open();
  return recordInto(db.backendDB(), replica, inputs, options);
}

/**
 * Runs a storage write; on a dropped or broken connection it reopens the database and
 * tries once more. Every write of the app goes through here.
 */
export async function writeWithReopen<T>(db: TerskelDatabase, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isReopenable(error)) throw error;
    if (db.isOpen()) db.close();
    await db.open();
    return await write();
  }
}

const HEALTH_KEY = 'health';

/**
 * A tiny write and read in the meta table, through the one write path: resolves when the
 * connection works (reopened if it had been dropped), rejects when it still does not.
 */
export async function checkHealth(db: TerskelDatabase, now: number): Promise<void> {
  await writeWithReopen(db, () => db.meta.put({ key: HEALTH_KEY, value: String(now) }));
  await db.meta.get(HEALTH_KEY);
}

/**
 * A day's net per counter of what staff wrote (taps, undos, corrections, back-fills) on this
 * tablet, the door's own taps left out: the tally's "added by staff" cards show these.
 */
export async function staffNetOfDay(
  db: TerskelDatabase,
  day: string,
): Promise<Map<string, number>> {
  const net = new Map<string, number>();
  await db.events
    .where('day')
    .equals(day)
    .each((event) => {
      if (event.source !== 'door')
        net.set(event.counter, (net.get(event.counter) ?? 0) + event.delta);
    });
  return net;
}
