/**
 * What the sync loop reads and marks: snapshots of days whose state changed since their
 * last acknowledged upload, and the acknowledgement itself — only up to the values that
 * were sent, so a tap made during an upload stays waiting.
 */
import type { DayClosing, ReplicaDay } from '../shared/protocol.ts';
import { newSecret, type DayRow, type TallyRow, type TerskelDatabase } from './database.ts';
import { toCounts } from './tally.ts';

/** One replica's day as it stood when the snapshot was taken, with its closing register. */
export type DaySnapshot = Omit<ReplicaDay, 'closed'> & { closing?: DayClosing };

const iso = (ms: number) => new Date(ms).toISOString();

// A reopening clears the closing and a closing clears the reopening: a row holds one of them.
function closingOf(row: DayRow): DayClosing | undefined {
  if (row.reopenedAt !== undefined) return { closed: false, at: iso(row.reopenedAt) };
  if (row.closedAt === undefined) return undefined;
  const closing: DayClosing = { closed: true, at: iso(row.closedAt) };
  if (row.cashCountedNok !== undefined) closing.cashCountedNok = row.cashCountedNok;
  return closing;
}

/**
 * A replica's secret, which every upload of it carries. A replica from before secrets gets one
 * here, stored before it is returned, so what is sent is always what is kept.
 */
export function replicaSecret(db: TerskelDatabase, replica: string): Promise<string> {
  return db.transaction('rw', db.replicas, async () => {
    const row = await db.replicas.get(replica);
    if (row?.secret) return row.secret;
    const secret = newSecret();
    await db.replicas.put({ id: replica, frozen: 0, addedAt: Date.now(), ...row, secret });
    return secret;
  });
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
      const closing = closingOf(row);
      if (closing) snapshot.closing = closing;
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
