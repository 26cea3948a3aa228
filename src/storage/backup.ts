/**
 * Backup and restore of tally state and closings. A backup never holds raw events or notes.
 * An import stores every replica of the backup as a FROZEN replica beside this tablet's own
 * and merges by maximum, so importing the same backup again changes nothing, and it never
 * writes to this tablet's own replica.
 */
import { mergeCounts } from '../domain/tally-merge.ts';
// Types only: the schema (and zod) loads when a backup is imported, not when one is made.
import type { Backup, BackupCount, BackupDay } from '../shared/backup.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import { NO_COUNTS, withRows } from './day-counts.ts';
import { emptyTallyRow } from './events.ts';
import {
  newSecret,
  NO_HOUR,
  NO_OPTION,
  type DayRow,
  type TallyRow,
  type TerskelDatabase,
} from './database.ts';
import { toCounts } from './tally.ts';

/** The whole tally state, closings and replicas of a database, with the configuration. */
export async function backupOf(
  db: TerskelDatabase,
  replica: string,
  config: SiteConfig,
  createdAt: number,
): Promise<Backup> {
  return db.transaction('r', db.tally, db.days, db.replicas, async () => {
    const replicas = await db.replicas.toArray();
    const tally: BackupCount[] = [];
    await db.tally.each((row) => {
      if (row.inc === 0 && row.dec === 0 && row.incNok === 0 && row.decNok === 0) return;
      tally.push({ replica: row.replica, date: row.day, ...toCounts(row) });
    });
    const days: BackupDay[] = [];
    await db.days.each((row) => {
      const day: BackupDay = { replica: row.replica, date: row.day };
      if (row.closedAt !== undefined) {
        day.closed = { at: new Date(row.closedAt).toISOString() };
        if (row.cashCountedNok !== undefined) day.closed.cashCountedNok = row.cashCountedNok;
      }
      if (row.reopenedAt !== undefined) day.reopenedAt = new Date(row.reopenedAt).toISOString();
      if (row.opening !== undefined) day.opening = row.opening;
      days.push(day);
    });
    return {
      format: 'terskel-backup',
      version: 1,
      createdAt: new Date(createdAt).toISOString(),
      replica,
      config,
      replicas: replicas.map((row) => {
        const entry: Backup['replicas'][number] = {
          id: row.id,
          frozen: row.frozen === 1 || row.id !== replica,
        };
        if (row.secret !== undefined) entry.secret = row.secret;
        return entry;
      }),
      tally,
      days,
    };
  });
}

/** Thrown when a backup is this tablet's own: importing it would count it twice. */
export class OwnBackupError extends Error {
  override name = 'OwnBackupError';
}

/** What an import changed. */
export interface ImportOutcome {
  /** The replicas the backup holds, now frozen beside this tablet's own. */
  replicas: string[];
  /** Tally rows raised or added. */
  tallyRows: number;
  /** Closings taken over. */
  closings: number;
}

function emptyRow(replica: string, count: BackupCount): TallyRow {
  return emptyTallyRow(
    replica,
    count.date,
    count.counter,
    count.option ?? NO_OPTION,
    count.hour ?? NO_HOUR,
  );
}

/**
 * Imports a validated backup as frozen replicas, in one transaction. Every count becomes the
 * maximum of what is stored and what the backup holds (idempotent); a later closing or
 * reopening replaces an earlier one, and each replica keeps the secret it was born with. Days
 * that changed get a new revision so sync uploads them.
 */
export async function importBackup(
  db: TerskelDatabase,
  ownReplica: string,
  backup: Backup,
  now: number,
): Promise<ImportOutcome> {
  if (backup.replica === ownReplica) {
    throw new OwnBackupError('The backup was made by this database');
  }
  // A backup may hold this tablet's own replica as one it had imported: ours is never lower.
  const foreign = (replica: string) => replica !== ownReplica;
  return db.transaction('rw', db.tally, db.days, db.replicas, async () => {
    const outcome: ImportOutcome = { replicas: [], tallyRows: 0, closings: 0 };
    const changedDays = new Set<string>();
    for (const replica of backup.replicas) {
      if (!foreign(replica.id)) continue;
      outcome.replicas.push(replica.id);
      const current = await db.replicas.get(replica.id);
      // The secret the replica was born with comes along, so this tablet may upload it; a
      // backup from before secrets gives the frozen replica a new one.
      const secret = replica.secret ?? current?.secret ?? newSecret();
      if (current?.frozen !== 1 || current.secret !== secret) {
        await db.replicas.put({
          id: replica.id,
          frozen: 1,
          addedAt: current?.addedAt ?? now,
          secret,
        });
      }
    }
    for (const count of backup.tally) {
      if (!foreign(count.replica)) continue;
      const key: [string, string, string, string, number] = [
        count.replica,
        count.date,
        count.counter,
        count.option ?? NO_OPTION,
        count.hour ?? NO_HOUR,
      ];
      const stored = await db.tally.get(key);
      const current = stored ?? emptyRow(count.replica, count);
      const next: TallyRow = mergeCounts(current, count);
      if (next === current && stored !== undefined) continue;
      await db.tally.put(next);
      outcome.tallyRows += 1;
      changedDays.add(`${count.replica}\u0000${count.date}`);
    }
    const closings = new Map<string, BackupDay>();
    for (const day of backup.days) {
      if (foreign(day.replica)) closings.set(`${day.replica}\u0000${day.date}`, day);
    }
    for (const id of new Set([...changedDays, ...closings.keys()])) {
      const [replica, date] = id.split('\u0000') as [string, string];
      const current = await db.days.get([replica, date]);
      let next: DayRow = current ?? { replica, day: date, rev: 0, syncedRev: 0 };
      const kept = closings.get(id);
      const closed = kept?.closed;
      // One closing register a day: the later write wins, a closing or a reopening (NaN: none).
      const at = Date.parse(closed?.at ?? kept?.reopenedAt ?? '');
      const takesClosing = at > (next.closedAt ?? next.reopenedAt ?? -Infinity);
      // A day's opening snapshot is kept once: the backup's fills a row that has none.
      const opening = closings.get(id)?.opening;
      const takesOpening = opening !== undefined && next.opening === undefined;
      if (takesOpening) next = { ...next, opening };
      if (takesClosing) {
        next = { ...next };
        delete next.closedAt;
        delete next.reopenedAt;
        delete next.cashCountedNok;
        if (!closed) next.reopenedAt = at;
        else {
          next.closedAt = at;
          if (closed.cashCountedNok !== undefined) next.cashCountedNok = closed.cashCountedNok;
        }
        outcome.closings += 1;
      }
      if (!takesClosing && !changedDays.has(id)) {
        // Only the snapshot is new: nothing to upload, so the revision stays.
        if (takesOpening) await db.days.put(next);
        continue;
      }
      if (changedDays.has(id)) {
        const rows = await db.tally.where('[replica+day]').equals([replica, date]).toArray();
        next = { ...next, counts: withRows(NO_COUNTS, rows) };
      }
      await db.days.put({ ...next, rev: next.rev + 1 });
    }
    return outcome;
  });
}
