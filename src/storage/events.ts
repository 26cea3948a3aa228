/**
 * The write path: one call = one transaction that appends the events and updates the
 * tally state and the day's revision together. Nothing here ever deletes an event
 * except retention pruning (prune.ts); corrections are new events.
 */
import { applyDelta } from '../domain/tally.ts';
import { isReopenable, REPLICA_CHANGED } from './errors.ts';
import {
  NO_HOUR,
  NO_OPTION,
  REPLICA_KEY,
  type CorrectionReason,
  type DayRow,
  type EventSource,
  type StoredEvent,
  type TallyRow,
  type TerskelDatabase,
} from './database.ts';

export { isQuotaError } from './errors.ts';

/** What a caller asks to record; the id, replica and sentinels are filled in here. */
export interface EventInput {
  id?: string;
  day: string;
  at: number;
  counter: string;
  option?: string;
  hour?: number;
  delta: number;
  nok?: number;
  source: EventSource;
  reason?: CorrectionReason;
  refines?: string;
}

/** Turns an input into the stored shape (sentinels for absent option and hour). */
export function toStoredEvent(input: EventInput, replica: string): StoredEvent {
  const event: StoredEvent = {
    id: input.id ?? crypto.randomUUID(),
    replica,
    day: input.day,
    at: input.at,
    counter: input.counter,
    option: input.option ?? NO_OPTION,
    hour: input.hour ?? NO_HOUR,
    delta: input.delta,
    source: input.source,
  };
  if (input.nok !== undefined) event.nok = input.nok;
  if (input.reason !== undefined) event.reason = input.reason;
  if (input.refines !== undefined) event.refines = input.refines;
  return event;
}

type TallyKeyTuple = [replica: string, day: string, counter: string, option: string, hour: number];

function uniqueKeys<K extends Array<string | number>>(keys: K[]): K[] {
  const seen = new Map<string, K>();
  for (const key of keys) seen.set(key.join('\u0000'), key);
  return [...seen.values()];
}

/** A tally row with nothing counted yet (stored sentinels for absent option and hour). */
export function emptyTallyRow(
  replica: string,
  day: string,
  counter: string,
  option: string,
  hour: number,
): TallyRow {
  return {
    replica,
    day,
    counter,
    option,
    hour,
    inc: 0,
    dec: 0,
    incNok: 0,
    decNok: 0,
    ackInc: 0,
    ackDec: 0,
    ackIncNok: 0,
    ackDecNok: 0,
  };
}

/** Adds a signed delta to a stored grow-only row, by the domain's PN-counter rule. */
export function addToRow(row: TallyRow, delta: number, nok?: number): TallyRow {
  const next = applyDelta(row, delta, nok);
  return {
    ...row,
    inc: next.inc,
    dec: next.dec,
    incNok: next.incNok ?? 0,
    decNok: next.decNok ?? 0,
  };
}

export interface RecordOptions {
  /** Store the tally state only, not the raw event (when storage is short). */
  withoutRawEvents?: boolean;
}

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
  const events = inputs.map((input) => toStoredEvent(input, replica));
  const keyOf = (event: StoredEvent): TallyKeyTuple => [
    replica,
    event.day,
    event.counter,
    event.option,
    event.hour,
  ];
  const tallyKeys = uniqueKeys(events.map(keyOf));
  const dayKeys = uniqueKeys(events.map((event): [string, string] => [replica, event.day]));
  await db.transaction('rw', [db.events, db.tally, db.days, db.meta], async () => {
    // Two round trips, not five: read every row the events touch at once, then write at once.
    const [born, currentRows, currentDays] = await Promise.all([
      db.meta.get(REPLICA_KEY),
      db.tally.bulkGet(tallyKeys),
      db.days.bulkGet(dayKeys),
    ]);
    // A database wiped and recreated while the app ran has a new replica id: writing under
    // the old one would hide counts behind the endpoint's maximum-merge of that replica.
    if (born?.value !== replica) {
      throw Object.assign(new Error(`This database's replica is ${born?.value}, not ${replica}`), {
        name: REPLICA_CHANGED,
      });
    }
    const rows = new Map<string, TallyRow>();
    tallyKeys.forEach((key, i) =>
      rows.set(key.join('\u0000'), currentRows[i] ?? emptyTallyRow(...key)),
    );
    for (const event of events) {
      const id = keyOf(event).join('\u0000');
      rows.set(id, addToRow(rows.get(id)!, event.delta, event.nok));
    }
    const days = dayKeys.map(([, day], i): DayRow => {
      const current = currentDays[i];
      return { ...(current ?? { replica, day, syncedRev: 0 }), rev: (current?.rev ?? 0) + 1 };
    });
    await Promise.all([
      options.withoutRawEvents ? undefined : db.events.bulkAdd(events),
      db.tally.bulkPut([...rows.values()]),
      db.days.bulkPut(days),
    ]);
  });
  return events;
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
