/**
 * The default store: one SQLite file under DATA_DIR, nothing to install. WAL with
 * `synchronous=FULL`, because an acknowledged upload must survive a power cut. A replica's day
 * is one row of counts merged in JS (`sqlite-day-counts.ts`); PostgreSQL keeps a row per key.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  assertReplicaOwner,
  assertReplicaRoom,
  createGuard,
  createRegistry,
  createReplicaAdmin,
  mergeResult,
  pendingMigrations,
  storedClosing,
  type ClosingRow,
  REPLICA_COUNT_SQL,
  type ReplicaRow,
  REPLICA_KNOWN_SQL,
  siteTotalsOf,
  siteTotalsParams,
  type SiteTotalsRow,
  siteTotalsWrites,
  type SqlRunner,
  uploadWrites,
} from './common.ts';
import {
  DEVICE_SITE_SQL,
  HAS_STALE_SQL,
  MARKED_SITES_SQL,
  PRUNE_PAIRING_SQL,
  REDEEM_PAIRING_SQL,
  SELECT_CLOSINGS_SQL,
  SELECT_DAILY_TOTALS_SQL,
  SELECT_REPLICAS_SQL,
  SELECT_SITE_SUMS_SQL,
  SQLITE_DELETE_MONTH_TOTALS_SQL,
  SQLITE_DELETE_REPLICA_COUNTS_SQL,
  SQLITE_DELETE_SITE_TOTALS_SQL,
  SQLITE_MARK_REPLICA_STALE_SQL,
  SQLITE_MARK_STALE_SQL,
  SQLITE_MIGRATIONS,
  SQLITE_SELECT_REPLICA_DAYS_SQL,
  SQLITE_SELECT_DAY_COUNTS_SQL,
  SQLITE_SELECT_SITE_DAY_COUNTS_SQL,
  SQLITE_UPSERT_DAY_COUNTS_SQL,
  SQLITE_UPSERT_MONTH_TOTALS_SQL,
  SQLITE_UPSERT_SITE_TOTALS_SQL,
  selectSiteTotalsSql,
  TAKE_STALE_SQL,
} from './schema.ts';
import {
  mergeDayCounts,
  replicaSums,
  storedDayCounts,
  type DayCounts,
} from './sqlite-day-counts.ts';
import {
  type DailyRow,
  monthBounds,
  monthsOf,
  monthTotalsWrites,
  siteSumsOf,
  siteSumsParams,
} from './site-sums.ts';
import { DEFAULT_MERGE_LIMITS, type MergeLimits, type Store, type StoreUpload } from './store.ts';

/** The database file's name inside DATA_DIR. */
export const SQLITE_FILE_NAME = 'terskel.sqlite';

// The shared statements number their parameters for PostgreSQL; each is used once, in order.
const positional = (sql: string) => sql.replace(/\$\d+/g, '?');

// better-sqlite3 is synchronous; the store is async so callers treat both stores alike, and
// every driver failure becomes StoreUnavailableError (503) instead of a crash.
const guard = createGuard(
  (error) =>
    error instanceof Database.SqliteError && String(error.code).startsWith('SQLITE_CONSTRAINT'),
);

/** Where the SQLite store lives, and how it commits. */
export interface SqliteStoreOptions {
  dataDir?: string;
  file?: string;
  /**
   * FULL (the default, and the only setting the endpoint uses): every commit waits for the
   * disk's flush, so an acknowledged upload survives a power cut. OFF exists for the benchmark's
   * diagnostic row alone, to show what the flush costs; it is not durable.
   */
  synchronous?: 'FULL' | 'OFF';
}

/** Opens (creating and migrating as needed) the SQLite store in `dataDir`, or at `file`. */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const file = options.file ?? join(options.dataDir ?? './data', SQLITE_FILE_NAME);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);

  // Each statement is prepared once, the first time it runs.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) {
      found = db.prepare(positional(sql));
      prepared.set(sql, found);
    }
    return found;
  };
  const sql: SqlRunner = {
    rows: <Row>(text: string, params: readonly unknown[] = []) =>
      statement(text).all(...params) as Row[],
    changes: (text, params = []) => statement(text).run(...params).changes,
    batch: (writes) =>
      db
        .transaction(() => writes.map((write) => statement(write.sql).run(...write.params).changes))
        .immediate(),
  };

  const statements = {
    redeemPairing: statement(REDEEM_PAIRING_SQL),
    prunePairing: statement(PRUNE_PAIRING_SQL),
    deviceSite: statement(DEVICE_SITE_SQL),
    selectDayCounts: db.prepare(SQLITE_SELECT_DAY_COUNTS_SQL).pluck(),
    upsertDayCounts: db.prepare(SQLITE_UPSERT_DAY_COUNTS_SQL),
    selectSiteDayCounts: db.prepare(SQLITE_SELECT_SITE_DAY_COUNTS_SQL),
    selectClosings: statement(SELECT_CLOSINGS_SQL),
    selectReplicas: statement(SELECT_REPLICAS_SQL),
    selectReplicaDays: db.prepare(SQLITE_SELECT_REPLICA_DAYS_SQL),
  };

  /** The statements of one upload's merge, run inside a transaction of the caller's. */
  const writeUpload = (upload: StoreUpload, deviceId: string, now: Date, limits: MergeLimits) => {
    const row = statement(REPLICA_KNOWN_SQL).get(upload.site, upload.replica) as
      { secretHash: string | null } | undefined;
    assertReplicaOwner(upload, row);
    const known = row !== undefined;
    const count = known
      ? 0
      : (statement(REPLICA_COUNT_SQL).get(upload.site) as { replicas: number }).replicas;
    assertReplicaRoom(upload, known, count, limits);
    for (const day of upload.days) {
      // One row per replica and day: read it, max-merge in JS, write it back if anything grew.
      // The transaction is IMMEDIATE, so no other connection writes between the two.
      if (day.counts.length > 0) {
        const text = statements.selectDayCounts.get(upload.site, day.date, upload.replica) as
          string | undefined;
        const stored: DayCounts = text === undefined ? {} : (JSON.parse(text) as DayCounts);
        if (mergeDayCounts(stored, day.counts)) {
          statements.upsertDayCounts.run(
            upload.site,
            day.date,
            upload.replica,
            JSON.stringify(stored),
          );
          // The site-day's totals are rolled up again by the next read.
          statement(SQLITE_MARK_STALE_SQL).run(upload.site, day.date);
        }
      }
    }
    for (const write of uploadWrites(upload, deviceId, now)) {
      statement(write.sql).run(...write.params);
    }
  };
  const mergeOne = db.transaction(writeUpload);
  const merge = (upload: StoreUpload, deviceId: string, now: Date, limits: MergeLimits) =>
    mergeOne.immediate(upload, deviceId, now, limits);

  // Group commit: uploads that arrive in the same turn of the event loop merge in one
  // transaction, so one fsync (synchronous=FULL) covers them all. Each caller is answered
  // only after that commit; if the batch fails, it is rolled back whole and each upload is tried
  // on its own. So the uploads of a batch need no savepoint each (two statements fewer apiece).
  interface PendingMerge {
    upload: StoreUpload;
    deviceId: string;
    now: Date;
    limits: MergeLimits;
    resolve(): void;
    reject(error: unknown): void;
  }
  let pendingMerges: PendingMerge[] = [];
  const mergeBatch = db.transaction((batch: PendingMerge[]) => {
    for (const item of batch) writeUpload(item.upload, item.deviceId, item.now, item.limits);
  });
  function flushMerges(): void {
    const batch = pendingMerges;
    pendingMerges = [];
    try {
      mergeBatch.immediate(batch);
      for (const item of batch) item.resolve();
    } catch {
      for (const item of batch) {
        guard(() => merge(item.upload, item.deviceId, item.now, item.limits)).then(
          item.resolve,
          item.reject,
        );
      }
    }
  }

  type DayCountsRow = { date: string; replica: string; counts: string };
  const countsOf = (rows: DayCountsRow[]) =>
    rows.flatMap((row) =>
      storedDayCounts(row.date, row.replica, JSON.parse(row.counts) as DayCounts),
    );

  // Rolls up the site-days a write marked. One writer at a time, so nothing can change between
  // taking the marks and writing the totals.
  const refreshSiteTotals = db.transaction((site: string) => {
    const dates = (statement(TAKE_STALE_SQL).all(site) as Array<{ date: string }>).map(
      (row) => row.date,
    );
    const counts = dates.flatMap((date) =>
      countsOf(statements.selectSiteDayCounts.all(site, date, date) as DayCountsRow[]),
    );
    const { upserts, deletes } = siteTotalsWrites(dates, counts);
    for (const day of upserts) {
      statement(SQLITE_UPSERT_SITE_TOTALS_SQL).run(
        site,
        day.date,
        day.replicas,
        day.totals,
        day.daily,
      );
    }
    for (const date of deletes) statement(SQLITE_DELETE_SITE_TOTALS_SQL).run(site, date);
    // Then the months of those days, each summed again from its kept days (at most 31 rows).
    const months = monthsOf(dates);
    const daily = months.flatMap(
      (month) => statement(SELECT_DAILY_TOTALS_SQL).all(site, ...monthBounds(month)) as DailyRow[],
    );
    const monthWrites = monthTotalsWrites(months, daily);
    for (const month of monthWrites.upserts) {
      statement(SQLITE_UPSERT_MONTH_TOTALS_SQL).run(site, month.month, month.days, month.daily);
    }
    for (const month of monthWrites.deletes) {
      statement(SQLITE_DELETE_MONTH_TOTALS_SQL).run(site, month);
    }
  });
  // What a reading of kept totals does first. A read with nothing marked writes nothing (and
  // waits for no flush).
  const refreshIfMarked = (site: string) => {
    if (statement(HAS_STALE_SQL).get(site) !== undefined) refreshSiteTotals.immediate(site);
  };

  const redeem = db.transaction((codeHash: string, now: Date) => {
    statements.prunePairing.run(now.getTime());
    const row = statements.redeemPairing.get(codeHash, now.getTime()) as
      { device_id: string; sealed_token: string } | undefined;
    if (!row) return undefined;
    const device = statements.deviceSite.get(row.device_id) as { site: string };
    return { deviceId: row.device_id, site: device.site, sealedToken: row.sealed_token };
  });

  return {
    ...createRegistry(sql, guard),
    ...createReplicaAdmin(sql, guard, {
      // One read transaction, so the replicas and their sums are of the same moment.
      read: db.transaction((site: string) => ({
        replicas: statements.selectReplicas.all(site) as ReplicaRow[],
        ...replicaSums(
          statements.selectReplicaDays.iterate(site) as Iterable<{
            date: string;
            replica: string;
            counts: string;
          }>,
        ),
      })),
      deleteCounts: SQLITE_DELETE_REPLICA_COUNTS_SQL,
      markStale: SQLITE_MARK_REPLICA_STALE_SQL,
    }),
    redeemPairingCode: (codeHash, now) => guard(() => redeem(codeHash, now)),

    mergeUpload: (upload, deviceId, now, limits = DEFAULT_MERGE_LIMITS) =>
      new Promise<void>((resolve, reject) => {
        pendingMerges.push({ upload, deviceId, now, limits, resolve, reject });
        if (pendingMerges.length === 1) setImmediate(flushMerges);
      }).then(() => mergeResult(upload)),
    readSiteDays: (site, from, to) =>
      guard(() => {
        // One read transaction, so counts and closings are of the same moment.
        return db.transaction(() => ({
          counts: countsOf(statements.selectSiteDayCounts.all(site, from, to) as DayCountsRow[]),
          closings: (statements.selectClosings.all(site, from, to) as ClosingRow[]).map(
            storedClosing,
          ),
        }))();
      }),
    rollUpMarked: () =>
      guard(() => {
        const sites = statement(MARKED_SITES_SQL).all() as Array<{ site: string }>;
        for (const { site } of sites) refreshSiteTotals.immediate(site);
        return sites.length;
      }),
    readSiteTotals: (site, from, to, { hours }) =>
      guard(() => {
        refreshIfMarked(site);
        const rows = statement(selectSiteTotalsSql(hours)).all(...siteTotalsParams(site, from, to));
        return siteTotalsOf(rows as SiteTotalsRow[]);
      }),
    readSiteSums: (site, from, to) =>
      guard(() => {
        refreshIfMarked(site);
        const rows = statement(SELECT_SITE_SUMS_SQL).all(...siteSumsParams(site, from, to));
        return siteSumsOf(rows as Array<{ days: number; daily: string }>);
      }),

    close: async () => {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const pending = pendingMigrations(version, SQLITE_MIGRATIONS);
  db.transaction(() => {
    pending.forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  }).immediate();
}
