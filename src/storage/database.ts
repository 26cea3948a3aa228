/**
 * The tablet's Dexie database: every version declared here, in order. It owns the
 * on-disk shape of events, tally state, days, words and the replica id; it never
 * decides what a count means (that is domain/).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { WordOfDay } from '../shared/site-config.ts';

/** Where an event came from. */
export type EventSource = 'door' | 'staff' | 'backfill';
/** The fixed reasons a correction may carry: never free text. */
export const CORRECTION_REASONS = ['wrong-button', 'counted-twice', 'test'] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

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
  exportedAt?: number;
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
}

export interface MetaRow {
  key: string;
  value: string;
}

export class TerskelDatabase extends Dexie {
  events!: EntityTable<StoredEvent, 'id'>;
  tally!: Dexie.Table<TallyRow, [string, string, string, string, number]>;
  days!: Dexie.Table<DayRow, [string, string]>;
  notes!: EntityTable<NoteRow, 'day'>;
  words!: EntityTable<WordOfDay, 'date'>;
  replicas!: EntityTable<ReplicaRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(
    name = 'terskel',
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    // A tap is rare and losing one is not acceptable: ask Chromium to flush on commit.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      events: 'id, [replica+day], day, at',
      tally: '[replica+day+counter+option+hour], [replica+day], day',
      days: '[replica+day], day, replica',
      notes: 'day',
      words: 'date',
      replicas: 'id',
      meta: 'key',
    });
    // The replica id is born with the database and lives inside it, so a wiped or new
    // database can never inherit an old one: its counts add to what was synced before.
    this.on('populate', (tx) => {
      const id = crypto.randomUUID();
      void tx.table('meta').add({ key: REPLICA_KEY, value: id });
      void tx.table('replicas').add({ id, frozen: 0, addedAt: Date.now() });
    });
  }
}

export const REPLICA_KEY = 'replica';
