/**
 * Recording counts in plain IndexedDB: one readwrite transaction (strict durability) appends
 * the events and updates the tally state and the day's revision together. It needs no Dexie,
 * so the door counts its first taps before Dexie has loaded (`openExisting`); once Dexie is
 * open the same transaction runs on its connection (events.ts). After each commit it tells
 * Dexie's live queries, which cannot see writes made outside Dexie, that the data changed.
 */
import { applyDelta } from '../domain/tally.ts';
import type { TallyEvent } from '../domain/door-events.ts';
import { NO_COUNTS, updatedCounts } from './day-counts.ts';
import { REPLICA_CHANGED } from './errors.ts';
import { beginKnownWrite, repair, sameRow, type Rows } from './known-rows.ts';
import {
  DATABASE_NAME,
  NO_HOUR,
  NO_OPTION,
  REPLICA_KEY,
  type AppliedRow,
  type DayRow,
  type MetaRow,
  type StoredEvent,
  type TallyRow,
} from './rows.ts';

/** The domain's event as a caller asks to record it; id, replica and sentinels are filled in here. */
export interface EventInput extends TallyEvent {
  id?: string;
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
 * The tables one recording writes (and reads the replica id from). A database from before
 * `applied` is not written here: Dexie upgrades it first (database.ts).
 */
const WRITTEN = ['events', 'tally', 'days', 'meta', 'applied'];

/**
 * The event Dexie listens for to refresh its live queries after a write in another window
 * (Dexie 4's `x-storagemutated-1`); `all` marks every table as changed. Tested against Dexie
 * in test/storage/record.test.ts, so an upgrade that renames it fails there.
 */
export const DEXIE_MUTATED_EVENT = 'x-storagemutated-1';

function announceWrite(): void {
  if (typeof dispatchEvent !== 'function') return;
  dispatchEvent(new CustomEvent(DEXIE_MUTATED_EVENT, { detail: { all: true } }));
}

const tallyKeyOf = (replica: string, event: StoredEvent): TallyKeyTuple => [
  replica,
  event.day,
  event.counter,
  event.option,
  event.hour,
];

/** Tally and day rows as a write found them (undefined: none yet). */
type FoundRows = {
  tally: readonly (TallyRow | undefined)[];
  days: readonly (DayRow | undefined)[];
};

/** The rows a write puts: its tally rows and day rows as they were (undefined: none yet) plus its events. */
function nextRows(
  replica: string,
  events: readonly StoredEvent[],
  tallyKeys: readonly TallyKeyTuple[],
  dayKeys: readonly [string, string][],
  prior: FoundRows,
): Rows {
  const next = new Map<string, TallyRow>();
  tallyKeys.forEach((key, i) =>
    next.set(key.join('\u0000'), prior.tally[i] ?? emptyTallyRow(...key)),
  );
  for (const event of events) {
    const id = tallyKeyOf(replica, event).join('\u0000');
    next.set(id, addToRow(next.get(id)!, event.delta, event.nok));
  }
  const tally = [...next.values()];
  const days = dayKeys.map(([, day], i) => {
    const row = prior.days[i];
    const updated: DayRow = {
      ...(row ?? { replica, day, syncedRev: 0 }),
      rev: (row?.rev ?? 0) + 1,
    };
    // A new day has no counts but these; a row from before packed counts stays without.
    const packed = row === undefined ? NO_COUNTS : row.counts;
    const counts = updatedCounts(
      packed,
      tally.filter((tallyRow) => tallyRow.day === day),
    );
    if (counts === undefined) delete updated.counts;
    else updated.counts = counts;
    return updated;
  });
  return { tally, days };
}

/**
 * Appends events for `replica` and updates its tally rows and day revisions in one strict
 * readwrite transaction on `idb`; resolves once it committed, rejects (nothing written) on
 * any failure: the transaction's own error (quota, a ConstraintError when the write was
 * applied before: its id is in `applied`), or a `ReplicaChangedError` when the database's
 * replica id is no longer `replica`. So a retry of a write that committed but was never
 * reported changes nothing, with raw events or without (see `isAlreadyStored`).
 *
 * When this page committed the rows it touches last (known-rows.ts), it writes them without
 * reading first and commits in the caller's own task; the rows it reads alongside then only
 * check that nobody else wrote them meanwhile, and what another writer's rows lost is put right
 * before it resolves.
 */
export function recordInto(
  idb: IDBDatabase,
  replica: string,
  inputs: readonly EventInput[],
  options: RecordOptions = {},
): Promise<StoredEvent[]> {
  return new Promise((resolve, reject) => {
    const events = inputs.map((input) => toStoredEvent(input, replica));
    const tallyKeys = uniqueKeys(events.map((event) => tallyKeyOf(replica, event)));
    const dayKeys = uniqueKeys(events.map((event): [string, string] => [replica, event.day]));
    const tx = idb.transaction(WRITTEN, 'readwrite', { durability: 'strict' });
    const known = beginKnownWrite(
      idb,
      replica,
      tallyKeys.map((key) => key.join('\u0000')),
      dayKeys.map((key) => key.join('\u0000')),
    );
    let failure: unknown;
    let written: Rows | undefined;
    tx.oncomplete = () => {
      const found = {
        tally: rows.map((row) => row.result),
        days: current.map((row) => row.result),
      };
      const prior = known.prior;
      if (prior === undefined || sameRows(found, prior)) {
        known.committed(written!);
        return done();
      }
      // Another writer came between: put right what this write overwrote, then report.
      known.failed(true);
      const correct = nextRows(replica, events, tallyKeys, dayKeys, found);
      // A repair that fails leaves the tap stored all the same: it is reported stored.
      repair(idb, tallyKeys, dayKeys, written!, correct).then(done, done);
    };
    const done = () => {
      resolve(events);
      try {
        announceWrite();
      } catch {
        // Live queries refresh on their next change; the write itself is committed.
      }
    };
    tx.onabort = () => {
      known.failed();
      reject(failure ?? tx.error ?? new DOMException('Aborted', 'AbortError'));
    };
    const tally = tx.objectStore('tally');
    const days = tx.objectStore('days');
    // One round trip: every read is queued at once, and the writes follow the last answer.
    const born = tx.objectStore('meta').get(REPLICA_KEY) as IDBRequest<MetaRow | undefined>;
    const rows = tallyKeys.map((key) => tally.get(key) as IDBRequest<TallyRow | undefined>);
    const current = dayKeys.map((key) => days.get(key) as IDBRequest<DayRow | undefined>);
    const guarded = (work: () => void) => {
      try {
        work();
      } catch (error) {
        failure = error;
        tx.abort();
      }
    };
    const write = (prior: FoundRows) => {
      // The write's id (its first event's, fixed before the first attempt), kept with its
      // counts: a retry of a write that committed unreported fails here on a ConstraintError
      // and changes nothing, stored with raw events or without.
      const first = events[0];
      if (first)
        tx.objectStore('applied').add({ id: first.id, at: Date.now() } satisfies AppliedRow);
      written = nextRows(replica, events, tallyKeys, dayKeys, prior);
      for (const row of written.tally) tally.put(row);
      for (const row of written.days) days.put(row);
      if (!options.withoutRawEvents) {
        const store = tx.objectStore('events');
        for (const event of events) store.add(event);
      }
      // Nothing follows the writes: commit now rather than after their results have come
      // back to this page (one round trip less on a busy tablet).
      tx.commit?.();
    };
    // Rows this page committed last need no reading: write them now (the connection's
    // database keeps the replica id it was born with, so the known rows' id is still its).
    if (known.prior !== undefined) return guarded(() => write(known.prior!));
    const last = current[current.length - 1] ?? born;
    last.onsuccess = () =>
      guarded(() => {
        // A database wiped and recreated while the app ran has a new replica id: writing
        // under the old one would hide counts behind the endpoint's maximum-merge of it.
        if (born.result?.value !== replica) {
          throw Object.assign(
            new Error(`This database's replica is ${born.result?.value}, not ${replica}`),
            { name: REPLICA_CHANGED },
          );
        }
        write({ tally: rows.map((row) => row.result), days: current.map((row) => row.result) });
      });
  });
}

function sameRows(found: FoundRows, known: Rows): boolean {
  return (
    found.tally.every((row, i) => sameRow(row, known.tally[i])) &&
    found.days.every((row, i) => sameRow(row, known.days[i]))
  );
}

/** A plain connection to the tablet's database and the replica id it was born with. */
export interface ExistingDatabase {
  idb: IDBDatabase;
  replica: string;
}

/**
 * Opens the tablet's database as it is, without Dexie: undefined when it does not exist yet
 * (the creation is aborted, so Dexie makes it with its schema). The HTML shell runs this very
 * function before any module has loaded, inlined by its text (state/cold-start/shell.ts): its
 * body may use only its parameters and the browser's globals.
 */
export function openPlain(
  name = DATABASE_NAME,
  factory: IDBFactory = indexedDB,
): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const request = factory.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onsuccess = () => resolve(request.result);
  });
}

/**
 * The database behind a plain connection, with its replica id (read, unless the caller
 * remembers it: every write checks it anyway); undefined (and the connection
 * closed) when it lacks a table or the id (Dexie creates and upgrades it; this never does).
 * The connection closes itself when Dexie (or a wipe) asks for a new version.
 */
export function existingFrom(
  idb: IDBDatabase,
  knownReplica?: string,
): Promise<ExistingDatabase | undefined> {
  return new Promise((resolve) => {
    idb.onversionchange = () => idb.close();
    const give = (replica: string | undefined) => {
      if (replica === undefined) idb.close();
      resolve(replica === undefined ? undefined : { idb, replica });
    };
    if (!WRITTEN.every((table) => idb.objectStoreNames.contains(table))) return give(undefined);
    // A replica id remembered from the last start saves a read; every write checks it anyway.
    if (knownReplica !== undefined) return give(knownReplica);
    const born = idb.transaction('meta').objectStore('meta').get(REPLICA_KEY) as IDBRequest<
      MetaRow | undefined
    >;
    born.onsuccess = () => give(born.result?.value);
    born.onerror = (event) => {
      event.preventDefault();
      give(undefined);
    };
  });
}

/** Opens the tablet's existing database without Dexie, or resolves undefined (none yet). */
export async function openExisting(
  name = DATABASE_NAME,
  factory: IDBFactory = indexedDB,
): Promise<ExistingDatabase | undefined> {
  const idb = await openPlain(name, factory);
  return idb === undefined ? undefined : existingFrom(idb);
}

// The Dexie-free face names what a write before Dexie needs besides the write itself: the
// database's name and how to read a failed write (so the cold start never loads Dexie for them).
export { DATABASE_NAME } from './rows.ts';
export { isAlreadyStored, isQuotaError, isReplicaChanged } from './errors.ts';
export { beginOtherWrite } from './known-rows.ts';
