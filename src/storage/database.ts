/**
 * The tablet's Dexie database: every version declared here, in order. It owns the
 * on-disk shape of events, tally state, days, words and the replica id; it never
 * decides what a count means (that is domain/).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { WordOfDay } from '../shared/site-config.ts';
import {
  DATABASE_NAME,
  REPLICA_KEY,
  type AppliedRow,
  type DayRow,
  type MetaRow,
  type NoteRow,
  type ReplicaRow,
  type StoredEvent,
  type TallyRow,
} from './rows.ts';

export * from './rows.ts';

/** A new replica's secret: 32 random bytes in base64url without padding (43 characters). */
export const newSecret = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=/g, '');

export class TerskelDatabase extends Dexie {
  events!: EntityTable<StoredEvent, 'id'>;
  tally!: Dexie.Table<TallyRow, [string, string, string, string, number]>;
  days!: Dexie.Table<DayRow, [string, string]>;
  notes!: EntityTable<NoteRow, 'day'>;
  words!: EntityTable<WordOfDay, 'date'>;
  replicas!: EntityTable<ReplicaRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  applied!: EntityTable<AppliedRow, 'id'>;

  constructor(
    name = DATABASE_NAME,
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
    // The ids of applied writes (record.ts): a new, empty table; every count stays as it was.
    this.version(2).stores({ applied: 'id, at' });
    // The replica id and its secret are born with the database and live inside it, so a wiped
    // or new database can never inherit old ones: its counts add to what was synced before.
    this.on('populate', (tx) => {
      const id = crypto.randomUUID();
      void tx.table('meta').add({ key: REPLICA_KEY, value: id });
      void tx.table('replicas').add({ id, frozen: 0, addedAt: Date.now(), secret: newSecret() });
    });
  }
}
