// Seeds tally state for the lead's screens: this tablet's own taps and frozen replicas.
import {
  emptyTallyRow,
  NO_COUNTS,
  NO_HOUR,
  NO_OPTION,
  type TallyRow,
  type TerskelDatabase,
  withRows,
} from '../../src/storage/index.ts';
import type { KioskStorage } from '../../src/state/index.ts';

/** Thursday 2026-11-26, a bingo day. */
export const THURSDAY = '2026-11-26';
/** 15:00 in Oslo on that Thursday. */
export const THURSDAY_1500 = Date.UTC(2026, 10, 26, 14, 0);

/** One Oslo hour of the Thursday as a UTC instant. */
export function thursdayAt(hour: number, minute = 0): number {
  return Date.UTC(2026, 10, 26, hour - 1, minute);
}

/**
 * This tablet's Thursday: 20 door visits (8 at 12, 12 at 13, 3 of them first-time),
 * 31 dinners and 12 bingo boards, 9 of them cash, at 10 kr.
 */
export async function seedThursday(storage: KioskStorage, day = THURSDAY): Promise<void> {
  const inputs = [];
  for (let i = 0; i < 20; i++) {
    const hour = i < 8 ? 12 : 13;
    inputs.push({
      day,
      at: thursdayAt(hour, i),
      counter: 'visit',
      ...(i < 3 ? { option: 'first-time' } : {}),
      hour,
      delta: 1,
      source: 'door' as const,
    });
  }
  inputs.push({
    day,
    at: thursdayAt(14),
    counter: 'middag',
    delta: 31,
    source: 'backfill' as const,
  });
  for (let i = 0; i < 12; i++) {
    inputs.push({
      day,
      at: thursdayAt(13, 20 + i),
      counter: 'bingo',
      option: i < 9 ? 'cash' : 'vipps',
      delta: 1,
      nok: 10,
      source: 'staff' as const,
    });
  }
  await storage.record(inputs);
}

/** A frozen replica's rows, as an imported backup leaves them (day rows included). */
export async function seedFrozen(
  db: TerskelDatabase,
  replica: string,
  rows: Array<Partial<TallyRow> & { day: string; counter: string; inc: number }>,
): Promise<void> {
  await db.replicas.put({ id: replica, frozen: 1, addedAt: 0 });
  const tally = rows.map((row) => ({
    ...emptyTallyRow(replica, row.day, row.counter, NO_OPTION, NO_HOUR),
    ...row,
    replica,
  }));
  await db.tally.bulkPut(tally);
  // With their day rows and the counts packed on them, as importBackup writes them.
  for (const day of new Set(tally.map((row) => row.day))) {
    const ofDay = await db.tally.where('[replica+day]').equals([replica, day]).toArray();
    await db.days.put({ replica, day, rev: 1, syncedRev: 0, counts: withRows(NO_COUNTS, ofDay) });
  }
}
