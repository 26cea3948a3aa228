/**
 * The stored shapes of the tablet's database and their sentinels, without Dexie: the door's
 * first taps are written before Dexie has loaded (record.ts), so these must not import it.
 */
import type { OpeningSnapshot } from '../domain/opening.ts';
import type { TallyCounts } from '../domain/tally.ts';
import type { CorrectionReason, EventSource } from '../domain/door-events.ts';

// The events' sources and reasons are the domain's (door-events.ts); stored as they are.
export {
  CORRECTION_REASONS,
  type CorrectionReason,
  type EventSource,
} from '../domain/door-events.ts';

/** Absent option and hour are stored as sentinels so they can be part of a compound key. */
export const NO_OPTION = '';
export const NO_HOUR = -1;

/** An append-only fact: a signed delta on one key of one business day. */
export interface StoredEvent {
  id: string;
  replica: string;
  day: string;
  /** UTC instant, epoch milliseconds. */
  at: number;
  counter: string;
  option: string;
  hour: number;
  delta: number;
  nok?: number;
  source: EventSource;
  reason?: CorrectionReason;
  /** The event this one moves (an answer to the check-in question). */
  refines?: string;
}

/** One PN-counter key of one replica and day; `ack*` is what the endpoint has acknowledged. */
export interface TallyRow {
  replica: string;
  day: string;
  counter: string;
  option: string;
  hour: number;
  inc: number;
  dec: number;
  incNok: number;
  decNok: number;
  ackInc: number;
  ackDec: number;
  ackIncNok: number;
  ackDecNok: number;
}

/** A replica's business day: its revision (bumped by every write) and what sync has seen. */
export interface DayRow {
  replica: string;
  day: string;
  rev: number;
  syncedRev: number;
  closedAt?: number;
  cashCountedNok?: number;
  /** When the lead last reopened the day (a write too: it uploads as `closed: false`). */
  reopenedAt?: number;
  exportedAt?: number;
  /** The replica's counts of the day, packed (day-counts.ts); absent on rows from before. */
  counts?: string;
  /**
   * The day's opening hours as its schedule had them that day (kept once, never rewritten by a
   * later schedule); absent on days from before snapshots were stored. Not indexed.
   */
  opening?: OpeningSnapshot;
}

/** The lead's note for a day: stays on this tablet, never synced. */
export interface NoteRow {
  day: string;
  text: string;
}

export interface ReplicaRow {
  id: string;
  /** A frozen replica is an imported backup: uploaded as it is, never incremented. */
  frozen: 0 | 1;
  addedAt: number;
  /**
   * What proves an upload is this replica's own (PROTOCOL.md, version 2): made with the replica,
   * kept with it in backups. Absent on replicas from before secrets: made when first needed.
   */
  secret?: string;
}

export interface MetaRow {
  key: string;
  value: string;
}

/**
 * A write that changed counts, by its id (its first event's id, fixed before the first
 * attempt): a retry of a write whose commit went unreported finds it and changes nothing.
 * Pruned once a day old (prune.ts), so the table stays small.
 */
export interface AppliedRow {
  id: string;
  /** When it was applied, epoch milliseconds. */
  at: number;
}

export const REPLICA_KEY = 'replica';
/** The database's name in IndexedDB. */
export const DATABASE_NAME = 'terskel';

/** A stored row as the protocol's count (sentinels back to absent fields). */
export function toCounts(row: TallyRow): TallyCounts {
  const counts: TallyCounts = { counter: row.counter, inc: row.inc, dec: row.dec };
  if (row.option !== NO_OPTION) counts.option = row.option;
  if (row.hour !== NO_HOUR) counts.hour = row.hour;
  if (row.incNok > 0 || row.decNok > 0) {
    counts.incNok = row.incNok;
    counts.decNok = row.decNok;
  }
  return counts;
}
