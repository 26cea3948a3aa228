/**
 * Closings and exports of business days: the `days` rows of a replica. A change of closing
 * state bumps the row's revision so sync uploads it; an export mark does not (it never leaves
 * the tablet). Reads of raw events here only count taps after a closing.
 */
import type { OpeningSnapshot } from '../domain/opening.ts';
import type { DayRow, TerskelDatabase } from './database.ts';
import { NO_COUNTS } from './day-counts.ts';

/** The day rows of every replica for an inclusive range of business days. */
export function dayRowsBetween(db: TerskelDatabase, from: string, to: string): Promise<DayRow[]> {
  return db.days.where('day').between(from, to, true, true).toArray();
}

// No day row means no tally rows either: every count is written with its day row.
function freshRow(replica: string, day: string): DayRow {
  return { replica, day, rev: 0, syncedRev: 0, counts: NO_COUNTS };
}

/** Records this replica's closing of a day: when, and the cash the lead counted. */
export async function closeDay(
  db: TerskelDatabase,
  replica: string,
  day: string,
  closing: { at: number; cashCountedNok?: number },
): Promise<DayRow> {
  return db.transaction('rw', db.days, async () => {
    const current = (await db.days.get([replica, day])) ?? freshRow(replica, day);
    const next: DayRow = { ...current, rev: current.rev + 1, closedAt: closing.at };
    delete next.reopenedAt;
    if (closing.cashCountedNok === undefined) delete next.cashCountedNok;
    else next.cashCountedNok = closing.cashCountedNok;
    await db.days.put(next);
    return next;
  });
}

/**
 * Reopens a closed day. The reopening is a write of its own, with its time: the protocol keeps
 * one closing register per site-day, last writer by `at` wins, so a reopened day uploads
 * `closed: false` at this time (a day that merely lost its closing would stay closed there).
 */
export async function reopenDay(
  db: TerskelDatabase,
  replica: string,
  day: string,
  at: number,
): Promise<DayRow | undefined> {
  return db.transaction('rw', db.days, async () => {
    const current = await db.days.get([replica, day]);
    if (current?.closedAt === undefined) return current;
    const next: DayRow = { ...current, rev: current.rev + 1, reopenedAt: at };
    delete next.closedAt;
    delete next.cashCountedNok;
    await db.days.put(next);
    return next;
  });
}

/**
 * Keeps a day's opening snapshot on this replica's row, in a transaction of its own (never a
 * tap's): the first snapshot of a day stays, so a later schedule never rewrites it. A day with
 * no row yet gets one without counts and revision 0 (nothing to upload). Whether it wrote.
 */
export async function keepOpeningSnapshot(
  db: TerskelDatabase,
  replica: string,
  day: string,
  opening: OpeningSnapshot,
): Promise<boolean> {
  return db.transaction('rw', db.days, async () => {
    const current = await db.days.get([replica, day]);
    if (current?.opening !== undefined) return false;
    await db.days.put({ ...(current ?? freshRow(replica, day)), opening });
    return true;
  });
}

/** The opening snapshots kept for days in an inclusive range, from any replica's row. */
export async function openingSnapshotsBetween(
  db: TerskelDatabase,
  from: string,
  to: string,
): Promise<Map<string, OpeningSnapshot>> {
  const snapshots = new Map<string, OpeningSnapshot>();
  for (const row of await dayRowsBetween(db, from, to)) {
    if (row.opening !== undefined && !snapshots.has(row.day)) snapshots.set(row.day, row.opening);
  }
  return snapshots;
}

/**
 * Marks this replica's days in a range as exported (retention may prune their raw events
 * later). Not a change of synced state, so the revision stays as it is.
 */
export async function markExported(
  db: TerskelDatabase,
  replica: string,
  from: string,
  to: string,
  at: number,
): Promise<number> {
  return db.transaction('rw', db.days, () =>
    db.days
      .where('day')
      .between(from, to, true, true)
      .filter((row) => row.replica === replica)
      .modify({ exportedAt: at }),
  );
}

/**
 * Door visits recorded after an instant, from this replica's raw events: the sum of their
 * deltas, so an answer that moves an earlier check-in does not count as a new visit.
 * Zero when the raw events have been pruned.
 */
export async function doorVisitsAfter(
  db: TerskelDatabase,
  replica: string,
  day: string,
  after: number,
): Promise<number> {
  let visits = 0;
  await db.events
    .where('[replica+day]')
    .equals([replica, day])
    .each((event) => {
      if (event.source === 'door' && event.counter === 'visit' && event.at > after) {
        visits += event.delta;
      }
    });
  return Math.max(0, visits);
}
