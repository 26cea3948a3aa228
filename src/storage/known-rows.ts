/**
 * The rows this page last committed on a connection, so the door's next tap can write them
 * without reading them first (record.ts): its transaction then commits in the click's own task
 * instead of waiting for a read to come back through a main thread busy painting the press.
 *
 * Knowing is only safe while this page is the rows' one writer, so it is not trusted whenever it
 * could be wrong: while any other write of this page runs (`beginOtherWrite`, called by the kiosk
 * store's one path for every other storage write; the rows are read again once it has ended),
 * after a write failed, while another of this page's recordings is in flight, on a new
 * connection. Another tab can still write between two taps; a write made without reading
 * therefore reads the same rows in its own transaction (queued before its writes) and, when they
 * were not what it knew, puts right in a second transaction what it overwrote (`repairedTally`,
 * `repairedDay`) before it reports the tap stored, and reads first on that connection from then
 * on. A tablet that dies between the two loses what the other tab counted in those milliseconds
 * (never its own tap); two tabs counting on one tablet at once is the only way to get there.
 */
import type { DayRow, TallyRow } from './rows.ts';

/** The rows one write touches, in the order of its keys. */
export interface Rows {
  tally: TallyRow[];
  days: DayRow[];
}

interface Known {
  idb: IDBDatabase;
  replica: string;
  /** The value of `generation` when these rows were learnt: any other one, and they are stale. */
  generation: number;
  tally: Map<string, TallyRow>;
  days: Map<string, DayRow>;
  /** Another writer was met on this connection: its writes read first from now on. */
  shared: boolean;
}

/** More keys than a day of hours and counters would ever hold: past this it starts over. */
const MOST_KEYS = 256;

let generation = 0;
let othersWriting = 0;
/** This page's recordings in flight: while one is, the next reads (it may yet fail). */
let recording = 0;
/** What is known, of the one connection the page last recorded on. */
let known: Known | undefined;

/**
 * Another write of this page that may change tally or day rows (closing, sync marks, a backup,
 * an opening snapshot) begins: nothing known is trusted until it has ended. Returns its end,
 * which learns the rows again in a read of their own, off any tap's path.
 */
export function beginOtherWrite(): () => void {
  generation += 1;
  othersWriting += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    othersWriting -= 1;
    generation += 1;
    relearn();
  };
}

/** One recording's use of what is known: the rows it may write from, and how it ended. */
export interface KnownWrite {
  /** The rows as this page last committed them, when the write may skip reading them. */
  prior: Rows | undefined;
  /** The write committed `rows`: the next one may build on them. */
  committed(rows: Rows): void;
  /** The write failed, or another writer was met: read first (for good, when `shared`). */
  failed(shared?: boolean): void;
}

/** Starts a recording of these tally and day keys (each joined by `\u0000`) on `idb`. */
export function beginKnownWrite(
  idb: IDBDatabase,
  replica: string,
  tallyIds: readonly string[],
  dayIds: readonly string[],
): KnownWrite {
  if (known?.idb !== idb || known.replica !== replica || known.generation !== generation) {
    known = {
      idb,
      replica,
      generation,
      tally: new Map(),
      days: new Map(),
      shared: known?.idb === idb && known.shared,
    };
  }
  const state = known;
  const tally = tallyIds.map((id) => state.tally.get(id));
  const days = dayIds.map((id) => state.days.get(id));
  const blind =
    tallyIds.length > 0 &&
    !state.shared &&
    recording === 0 &&
    othersWriting === 0 &&
    tally.every((row) => row !== undefined) &&
    days.every((row) => row !== undefined);
  const started = generation;
  recording += 1;
  let ended = false;
  const end = () => {
    if (ended) return false;
    ended = true;
    recording -= 1;
    return true;
  };
  return {
    prior: blind ? { tally: tally as TallyRow[], days: days as DayRow[] } : undefined,
    committed(rows) {
      if (!end()) return;
      // Another write begun meanwhile may have come before or after this one.
      if (started !== generation || known !== state) return forget(state);
      if (state.tally.size + rows.tally.length > MOST_KEYS) forget(state);
      tallyIds.forEach((id, i) => state.tally.set(id, rows.tally[i]!));
      dayIds.forEach((id, i) => state.days.set(id, rows.days[i]!));
    },
    failed(shared = false) {
      end();
      if (shared) state.shared = true;
      forget(state);
    },
  };
}

/**
 * Reads the known rows again once another write has ended (a sync's acknowledgement, say), so
 * the next tap still writes without reading. Whatever begins meanwhile makes it learn nothing.
 */
function relearn(): void {
  const state = known;
  if (state === undefined || state.shared || othersWriting > 0) return;
  const at = generation;
  const tallyRows = [...state.tally.values()];
  const dayRows = [...state.days.values()];
  forget(state);
  if (tallyRows.length === 0) return;
  try {
    const tx = state.idb.transaction(['tally', 'days'], 'readonly');
    const get = <T>(table: string, key: IDBValidKey) =>
      tx.objectStore(table).get(key) as IDBRequest<T | undefined>;
    const tally = tallyRows.map((row) =>
      get<TallyRow>('tally', [row.replica, row.day, row.counter, row.option, row.hour]),
    );
    const days = dayRows.map((row) => get<DayRow>('days', [row.replica, row.day]));
    tx.oncomplete = () => {
      if (known !== state || generation !== at || recording > 0) return;
      state.generation = at;
      for (const row of tally.map((request) => request.result))
        if (row) state.tally.set(idOfTally(row), row);
      for (const row of days.map((request) => request.result))
        if (row) state.days.set(`${row.replica}\u0000${row.day}`, row);
    };
  } catch {
    // A closed connection: the next write reads.
  }
}

/** A tally row's key, joined as record.ts joins it. */
const idOfTally = (row: TallyRow) =>
  [row.replica, row.day, row.counter, row.option, row.hour].join('\u0000');

function forget(known: Known): void {
  known.tally.clear();
  known.days.clear();
}

/** Whether two stored rows hold the same values (undefined only equals undefined). */
export function sameRow(a: object | undefined, b: object | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const entries = (row: object) =>
    JSON.stringify(Object.entries(row).sort(([x], [y]) => (x < y ? -1 : 1)));
  return entries(a) === entries(b);
}

/** The counts that only ever grow by a write's delta. */
const GROWN = ['inc', 'dec', 'incNok', 'decNok'] as const;
/** What the endpoint acknowledged: only ever raised to what was sent. */
const ACKED = ['ackInc', 'ackDec', 'ackIncNok', 'ackDecNok'] as const;

/**
 * A tally row put right after a write overwrote it without reading: `written` is what the
 * write put, `correct` what it would have put had it read the row, `current` the row now
 * (`written`, unless yet another write came after). Counts keep every delta added since;
 * acknowledgements keep the highest.
 */
export function repairedTally(
  current: TallyRow | undefined,
  written: TallyRow,
  correct: TallyRow,
): TallyRow {
  const base = current ?? written;
  const row = { ...base };
  for (const field of GROWN) row[field] = base[field] + correct[field] - written[field];
  for (const field of ACKED)
    row[field] =
      base[field] === written[field] ? correct[field] : Math.max(base[field], correct[field]);
  return row;
}

/**
 * A day row put right the same way: each field nobody changed after the write takes its correct
 * value, one changed since stays; the revision moves past both (so the day uploads again); packed
 * counts changed since are dropped, and the day is read from its tally rows (day-counts.ts).
 */
export function repairedDay(current: DayRow | undefined, written: DayRow, correct: DayRow): DayRow {
  const base: Record<string, unknown> = { ...(current ?? written) };
  const was: Record<string, unknown> = { ...written };
  const right: Record<string, unknown> = { ...correct };
  for (const field of new Set([...Object.keys(base), ...Object.keys(right)])) {
    if (!sameValue(base[field], was[field])) continue;
    if (field in right) base[field] = right[field];
    else delete base[field];
  }
  const row = base as unknown as DayRow;
  row.rev = Math.max((current ?? written).rev, correct.rev) + 1;
  if (current !== undefined && current.counts !== written.counts) delete row.counts;
  return row;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Puts right the rows a write made without reading overwrote (known-rows.ts): one transaction
 * that reads them as they are now and writes each repaired.
 */
export function repair(
  idb: IDBDatabase,
  tallyKeys: readonly IDBValidKey[],
  dayKeys: readonly IDBValidKey[],
  written: Rows,
  correct: Rows,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['tally', 'days'], 'readwrite', { durability: 'strict' });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
    const tally = tx.objectStore('tally');
    const days = tx.objectStore('days');
    tallyKeys.forEach((key, i) => {
      const now = tally.get(key) as IDBRequest<TallyRow | undefined>;
      now.onsuccess = () =>
        tally.put(repairedTally(now.result, written.tally[i]!, correct.tally[i]!));
    });
    dayKeys.forEach((key, i) => {
      const now = days.get(key) as IDBRequest<DayRow | undefined>;
      now.onsuccess = () => days.put(repairedDay(now.result, written.days[i]!, correct.days[i]!));
    });
  });
}
