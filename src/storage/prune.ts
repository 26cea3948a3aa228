/**
 * Retention: a day's raw events are pruned once the day has left the tablet — acknowledged
 * by the endpoint, or exported where no endpoint is paired; the ids of applied writes once a
 * day old. Tally state and day rows are kept for ever; nothing here ever touches them.
 */
import { addDays } from '../domain/business-day.ts';
import type { DayRow, TerskelDatabase } from './database.ts';
import { writeWithReopen } from './events.ts';
import { daySynced } from './sync-state.ts';

export interface PruneOptions {
  /** Only days strictly before this business day are pruned. */
  before: string;
  /** Whether an endpoint is paired: then a day must be synced, an export is not enough. */
  paired: boolean;
  /** Now, epoch milliseconds: applied write ids older than a day go (record.ts). */
  now?: number;
}

/** How long a write's id is kept after it was applied: a retry comes within seconds. */
export const APPLIED_KEEP_MS = 24 * 60 * 60 * 1000;

/** Deletes the ids of writes applied before `now - APPLIED_KEEP_MS`; returns how many. */
export function pruneAppliedWrites(db: TerskelDatabase, now: number): Promise<number> {
  return writeWithReopen(db, () =>
    db.applied
      .where('at')
      .below(now - APPLIED_KEEP_MS)
      .delete(),
  );
}

/** The first business day whose raw events are still kept under a retention of `days` days. */
export function retentionStart(today: string, retentionDays: number): string {
  return addDays(today, -retentionDays);
}

/** Whether a day's raw events may go: the day has left the tablet. */
export function mayPruneDay(row: DayRow, paired: boolean): boolean {
  return daySynced(row) || (!paired && row.exportedAt !== undefined);
}

/** Deletes the raw events of every day before `before` that has left the tablet; returns how many. */
export async function pruneRawEvents(db: TerskelDatabase, options: PruneOptions): Promise<number> {
  await pruneAppliedWrites(db, options.now ?? Date.now());
  const days = await db.days.where('day').below(options.before).toArray();
  let pruned = 0;
  for (const row of days) {
    if (!mayPruneDay(row, options.paired)) continue;
    pruned += await writeWithReopen(db, () =>
      db.events.where('[replica+day]').equals([row.replica, row.day]).delete(),
    );
  }
  return pruned;
}
