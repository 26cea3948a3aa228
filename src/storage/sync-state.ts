/**
 * What the sync loop reads and marks: snapshots of days whose state changed since their
 * last acknowledged upload, and the acknowledgement itself — only up to the values that
 * were sent, so a tap made during an upload stays waiting.
 */
import type { ReplicaDay } from '../shared/protocol.ts';
import type { DayRow, TallyRow, TerskelDatabase } from './database.ts';
import { toCounts } from './tally.ts';

/** One replica's day as it stood when the snapshot was taken. */
export type DaySnapshot = ReplicaDay;

function closingOf(row: DayRow): DaySnapshot['closed'] {
  if (row.closedAt === undefined) return undefined;
  const closed: NonNullable<DaySnapshot['closed']> = { at: new Date(row.closedAt).toISOString() };
  if (row.cashCountedNok !== undefined) closed.cashCountedNok = row.cashCountedNok;
  return closed;
}

/** The replicas this database holds: its own and frozen imported ones. */
export function replicaIds(db: TerskelDatabase): Promise<string[]> {
  return db.replicas.toCollection().primaryKeys();
}

/** Snapshots of every day (of every replica) changed since its last acknowledged upload. */
export async function waitingDays(db: TerskelDatabase): Promise<DaySnapshot[]> {
  return db.transaction('r', db.days, db.tally, async () => {
    const days = await db.days.filter((row) => row.rev > row.syncedRev).toArray();
    const snapshots: DaySnapshot[] = [];
    for (const row of days) {
      const tally: TallyRow[] = await db.tally
        .where('[replica+day]')
        .equals([row.replica, row.day])
        .toArray();
      const snapshot: DaySnapshot = {
        replica: row.replica,
        day: row.day,
        rev: row.rev,
        counts: tally.map(toCounts),
      };
      const closed = closingOf(row);
      if (closed) snapshot.closed = closed;
      snapshots.push(snapshot);
    }
    return snapshots.sort(
      (a, b) => a.replica.localeCompare(b.replica) || a.day.localeCompare(b.day),
    );
  });
}

/** How many replica-days wait for an upload. */
export function countWaitingDays(db: TerskelDatabase): Promise<number> {
  return db.days.filter((row) => row.rev > row.syncedRev).count();
}

/** Marks a snapshot as acknowledged: the day up to its snapshot revision, keys up to what was sent. */
export async function acknowledgeDay(db: TerskelDatabase, snapshot: DaySnapshot): Promise<void> {
  await db.transaction('rw', db.days, db.tally, async () => {
    for (const count of snapshot.counts) {
      const key: [string, string, string, string, number] = [
        snapshot.replica,
        snapshot.day,
        count.counter,
        count.option ?? '',
        count.hour ?? -1,
      ];
      const row = await db.tally.get(key);
      if (!row) continue;
      await db.tally.put({
        ...row,
        ackInc: Math.max(row.ackInc, count.inc),
        ackDec: Math.max(row.ackDec, count.dec),
        ackIncNok: Math.max(row.ackIncNok, count.incNok ?? 0),
        ackDecNok: Math.max(row.ackDecNok, count.decNok ?? 0),
      });
    }
    const day = await db.days.get([snapshot.replica, snapshot.day]);
    if (day) await db.days.put({ ...day, syncedRev: Math.max(day.syncedRev, snapshot.rev) });
  });
}

/** Whether every key of a day is acknowledged (used by retention pruning). */
export async function isDaySynced(
  db: TerskelDatabase,
  replica: string,
  day: string,
): Promise<boolean> {
  const row = await db.days.get([replica, day]);
  return row !== undefined && daySynced(row);
}

/** Whether a day row's every change has been acknowledged by the endpoint. */
export function daySynced(row: DayRow): boolean {
  return row.syncedRev >= row.rev;
}

/**
 * Marks every day of every replica as waiting again: after pairing (perhaps with another
 * endpoint) the whole state is uploaded once more. The max-merge makes that harmless.
 */
export async function markAllWaiting(db: TerskelDatabase): Promise<void> {
  await db.days.toCollection().modify((row) => {
    row.syncedRev = 0;
    if (row.rev === 0) row.rev = 1;
  });
}
