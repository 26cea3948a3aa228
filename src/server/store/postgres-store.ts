/**
 * The store for organisations that run many sites or several endpoint processes: PostgreSQL via
 * a pg Pool, migrated on open under an advisory lock. Uploads merge in one transaction with
 * INSERT … ON CONFLICT DO UPDATE SET … = GREATEST(…), so nothing is ever lowered.
 */
import pg from 'pg';
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
  type ReplicaDaysRow,
  type ReplicaRow,
  type ReplicaTotalRow,
  REPLICA_KNOWN_SQL,
  siteTotalsOf,
  siteTotalsParams,
  type SiteTotalsRow,
  siteTotalsWrites,
  type SqlRunner,
  uploadWrites,
} from './common.ts';
import {
  COUNT_COLUMNS,
  countMergeSql,
  DEVICE_SITE_SQL,
  HAS_STALE_SQL,
  MARKED_SITES_SQL,
  MIGRATIONS,
  PG_DELETE_MONTH_TOTALS_SQL,
  PG_DELETE_REPLICA_COUNTS_SQL,
  PG_DELETE_SITE_TOTALS_SQL,
  PG_MARK_REPLICA_STALE_SQL,
  PG_MARK_STALE_SQL,
  PG_REPLICA_DAYS_SQL,
  PG_REPLICA_TOTALS_SQL,
  PG_SELECT_COUNTS_OF_DATES_SQL,
  PG_SELECT_MONTHS_DAILY_SQL,
  PG_UPSERT_MONTH_TOTALS_SQL,
  PG_UPSERT_SITE_TOTALS_SQL,
  PRUNE_PAIRING_SQL,
  REDEEM_PAIRING_SQL,
  SELECT_CLOSINGS_SQL,
  SELECT_COUNTS_SQL,
  SELECT_REPLICAS_SQL,
  SELECT_SITE_SUMS_SQL,
  selectSiteTotalsSql,
  TAKE_STALE_SQL,
} from './schema.ts';
import {
  type DailyRow,
  monthsOf,
  monthTotalsWrites,
  siteSumsOf,
  siteSumsParams,
} from './site-sums.ts';
import {
  countRow,
  DEFAULT_MERGE_LIMITS,
  storedCount,
  StoreUnavailableError,
  type MergeLimits,
  type Store,
  type StoreUpload,
} from './store.ts';

// An arbitrary constant: endpoint processes starting together migrate one at a time.
const MIGRATION_LOCK = 0x7465_7273;
// Another (two 32-bit keys, a space apart from MIGRATION_LOCK's): one roll-up of a site at a time.
const SITE_TOTALS_LOCK = 0x7465_7274;

// One statement merges a whole upload's counts: the rows travel as parallel arrays.
const MERGE_COUNTS_SQL = `
  INSERT INTO counts (${COUNT_COLUMNS})
  SELECT $1, $2, u.date, u.counter, u.option_id, u.hour, u.inc, u.dec, u.inc_nok, u.dec_nok, u.has_nok
  FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[],
              $9::bigint[], $10::bigint[], $11::bigint[])
       AS u(date, counter, option_id, hour, inc, dec, inc_nok, dec_nok, has_nok)
  ${countMergeSql('GREATEST')}`;

// PostgreSQL's class 23 is integrity constraint violation.
const guard = createGuard((error) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('23');
});

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  connectionString: string;
  /** A schema to keep the tables in (created if missing); tests use one per run. */
  schema?: string;
  /** Called when an idle pooled connection fails, so the process keeps running. */
  onPoolError?: (error: Error) => void;
}

/** Connects to PostgreSQL, migrates, and returns the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // Without a listener an idle client's error (a restarted server) would crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  try {
    await migrate(pool, options.schema);
  } catch (error) {
    await pool.end();
    throw new StoreUnavailableError(error);
  }

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const sql: SqlRunner = {
    rows: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await pool.query(text, [...params])).rows as Row[],
    changes: async (text, params = []) => (await pool.query(text, [...params])).rowCount ?? 0,
    batch: (writes) =>
      transaction(async (client) => {
        const changed: number[] = [];
        for (const write of writes) {
          changed.push((await client.query(write.sql, write.params)).rowCount ?? 0);
        }
        return changed;
      }),
  };

  /** What a reading of kept totals does first: roll up the site's marked days, if any. */
  async function refreshIfMarked(site: string): Promise<void> {
    const stale = await pool.query(HAS_STALE_SQL, [site]);
    if ((stale.rowCount ?? 0) > 0) await transaction((client) => refreshSiteTotals(client, site));
  }

  return {
    ...createRegistry(sql, guard),
    ...createReplicaAdmin(sql, guard, {
      read: (site) =>
        transaction(async (client) => {
          // REPEATABLE READ: the replicas and their sums are read from the same snapshot.
          await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
          const replicas = await client.query<ReplicaRow>(SELECT_REPLICAS_SQL, [site]);
          const days = await client.query<ReplicaDaysRow>(PG_REPLICA_DAYS_SQL, [site]);
          const totals = await client.query<ReplicaTotalRow>(PG_REPLICA_TOTALS_SQL, [site]);
          return { replicas: replicas.rows, days: days.rows, totals: totals.rows };
        }),
      deleteCounts: PG_DELETE_REPLICA_COUNTS_SQL,
      markStale: PG_MARK_REPLICA_STALE_SQL,
    }),
    redeemPairingCode: (codeHash, now) =>
      guard(() =>
        transaction(async (client) => {
          await client.query(PRUNE_PAIRING_SQL, [now.getTime()]);
          const redeemed = await client.query<{ device_id: string; sealed_token: string }>(
            REDEEM_PAIRING_SQL,
            [codeHash, now.getTime()],
          );
          const row = redeemed.rows[0];
          if (!row) return undefined;
          const device = await client.query<{ site: string }>(DEVICE_SITE_SQL, [row.device_id]);
          return {
            deviceId: row.device_id,
            site: device.rows[0]!.site,
            sealedToken: row.sealed_token,
          };
        }),
      ),

    mergeUpload: (upload, deviceId, now, limits = DEFAULT_MERGE_LIMITS) =>
      guard(() =>
        transaction(async (client) => {
          await checkReplicaRoom(client, upload, limits);
          await mergeCounts(client, upload);
          for (const write of uploadWrites(upload, deviceId, now)) {
            await client.query(write.sql, write.params);
          }
          return mergeResult(upload);
        }),
      ),
    readSiteDays: (site, from, to) =>
      guard(() =>
        transaction(async (client) => {
          // REPEATABLE READ: counts and closings are read from the same snapshot.
          await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
          const counts = await client.query(SELECT_COUNTS_SQL, [site, from, to]);
          const closings = await client.query<ClosingRow>(SELECT_CLOSINGS_SQL, [site, from, to]);
          return {
            counts: counts.rows.map(storedCount),
            closings: closings.rows.map(storedClosing),
          };
        }),
      ),
    rollUpMarked: () =>
      guard(async () => {
        const sites = await pool.query<{ site: string }>(MARKED_SITES_SQL);
        for (const { site } of sites.rows) {
          await transaction((client) => refreshSiteTotals(client, site));
        }
        return sites.rows.length;
      }),
    readSiteTotals: (site, from, to, { hours }) =>
      guard(async () => {
        await refreshIfMarked(site);
        const rows = await pool.query<SiteTotalsRow>(
          selectSiteTotalsSql(hours),
          siteTotalsParams(site, from, to),
        );
        return siteTotalsOf(rows.rows);
      }),
    readSiteSums: (site, from, to) =>
      guard(async () => {
        await refreshIfMarked(site);
        const rows = await pool.query<{ days: string; daily: string }>(
          SELECT_SITE_SUMS_SQL,
          siteSumsParams(site, from, to),
        );
        return siteSumsOf(rows.rows);
      }),

    close: () => pool.end(),
  };
}

/**
 * Refuses an upload to another tablet's replica, and a new replica past the site's limit; new
 * replicas of a site are added one at a time.
 */
async function checkReplicaRoom(client: pg.PoolClient, upload: StoreUpload, limits: MergeLimits) {
  const known = await client.query<{ secretHash: string | null }>(REPLICA_KNOWN_SQL, [
    upload.site,
    upload.replica,
  ]);
  assertReplicaOwner(upload, known.rows[0]);
  if (known.rows.length > 0) return;
  // Two new replicas in parallel transactions must not both see room for one.
  await client.query('SELECT slug FROM sites WHERE slug = $1 FOR UPDATE', [upload.site]);
  const count = await client.query<{ replicas: string }>(REPLICA_COUNT_SQL, [upload.site]);
  assertReplicaRoom(upload, false, count.rows[0]?.replicas ?? 0, limits);
}

async function mergeCounts(client: pg.PoolClient, upload: StoreUpload): Promise<void> {
  const columns: unknown[][] = Array.from({ length: 9 }, () => []);
  for (const day of upload.days) {
    for (const count of day.counts) {
      const row = countRow(count);
      const values = [
        day.date,
        row.counter,
        row.option,
        row.hour,
        row.inc,
        row.dec,
        row.incNok,
        row.decNok,
        row.hasNok,
      ];
      values.forEach((value, i) => columns[i]!.push(value));
    }
  }
  if (columns[0]!.length === 0) return;
  await client.query(MERGE_COUNTS_SQL, [upload.site, upload.replica, ...columns]);
  // The site-days' totals are rolled up again by the next read (see refreshSiteTotals).
  const dates = upload.days.filter((day) => day.counts.length > 0).map((day) => day.date);
  await client.query(PG_MARK_STALE_SQL, [upload.site, dates]);
}

/**
 * Rolls up the site-days marked by writes (READ COMMITTED, one roll-up of a site at a time).
 * Every write adds a mark of its own in its transaction, and this deletes only the marks its
 * statement sees, all of committed writes; the counts are read by a later statement, which sees
 * at least those writes. A write committed after the marks were taken keeps its mark for the
 * next roll-up, so no write is ever left out of the kept totals for good.
 */
async function refreshSiteTotals(client: pg.PoolClient, site: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SITE_TOTALS_LOCK, site]);
  const taken = await client.query<{ date: string }>(TAKE_STALE_SQL, [site]);
  const dates = [...new Set(taken.rows.map((row) => row.date))];
  if (dates.length === 0) return;
  const counts = await client.query(PG_SELECT_COUNTS_OF_DATES_SQL, [site, dates]);
  const { upserts, deletes } = siteTotalsWrites(dates, counts.rows.map(storedCount));
  if (upserts.length > 0) {
    await client.query(PG_UPSERT_SITE_TOTALS_SQL, [
      site,
      upserts.map((day) => day.date),
      upserts.map((day) => day.replicas),
      upserts.map((day) => day.totals),
      upserts.map((day) => day.daily),
    ]);
  }
  if (deletes.length > 0) await client.query(PG_DELETE_SITE_TOTALS_SQL, [site, deletes]);
  // Then the months of those days, each summed again from its kept days (this transaction's).
  const months = monthsOf(dates);
  const daily = await client.query<DailyRow>(PG_SELECT_MONTHS_DAILY_SQL, [site, months]);
  const monthWrites = monthTotalsWrites(months, daily.rows);
  if (monthWrites.upserts.length > 0) {
    await client.query(PG_UPSERT_MONTH_TOTALS_SQL, [
      site,
      monthWrites.upserts.map((month) => month.month),
      monthWrites.upserts.map((month) => month.days),
      monthWrites.upserts.map((month) => month.daily),
    ]);
  }
  if (monthWrites.deletes.length > 0) {
    await client.query(PG_DELETE_MONTH_TOTALS_SQL, [site, monthWrites.deletes]);
  }
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)',
      );
      const applied = await client.query<{ version: string }>(
        'SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations',
      );
      const version = Number(applied.rows[0]?.version ?? 0);
      for (const [offset, migration] of pendingMigrations(version, MIGRATIONS).entries()) {
        await client.query('BEGIN');
        try {
          await client.query(migration);
          await client.query(
            'INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)',
            [version + offset + 1, new Date().toISOString()],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
