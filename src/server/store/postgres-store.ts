/**
 * The store for organisations that run many sites or several endpoint processes: PostgreSQL via
 * a pg Pool, migrated on open under an advisory lock. Uploads merge in one transaction with
 * INSERT … ON CONFLICT DO UPDATE SET … = GREATEST(…), so nothing is ever lowered.
 */
import pg from 'pg';
import type { Upload } from '../../shared/protocol.ts';
import {
  COUNT_COLUMNS,
  countMergeSql,
  MIGRATIONS,
  PRUNE_PAIRING_SQL,
  REDEEM_PAIRING_SQL,
  SELECT_CLOSINGS_SQL,
  SELECT_COUNTS_SQL,
  SELECT_DEVICES_SQL,
  TOUCH_DEVICE_SQL,
  UPSERT_CLOSING_SQL,
  UPSERT_REPLICA_SQL,
} from './schema.ts';
import {
  countRow,
  storedCount,
  StoreConflictError,
  StoreUnavailableError,
  type DeviceRecord,
  type SiteRecord,
  type Store,
  type StoredClosing,
} from './store.ts';

// An arbitrary constant: endpoint processes starting together migrate one at a time.
const MIGRATION_LOCK = 0x7465_7273;

// One statement merges a whole upload's counts: the rows travel as parallel arrays.
const MERGE_COUNTS_SQL = `
  INSERT INTO counts (${COUNT_COLUMNS})
  SELECT $1, $2, u.date, u.counter, u.option_id, u.hour, u.inc, u.dec, u.inc_nok, u.dec_nok, u.has_nok
  FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[],
              $9::bigint[], $10::bigint[], $11::bigint[])
       AS u(date, counter, option_id, hour, inc, dec, inc_nok, dec_nok, has_nok)
  ${countMergeSql('GREATEST')}`;

function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('23');
}

async function guard<T>(work: () => Promise<T>, conflict?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreConflictError) throw error;
    if (conflict && isConstraintError(error)) throw new StoreConflictError(conflict);
    throw new StoreUnavailableError(error);
  }
}

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

  const deviceRecord = (row: DeviceRecord): DeviceRecord => ({ ...row });

  return {
    addSite: (site, now) =>
      guard(async () => {
        const createdAt = now.toISOString();
        await pool.query('INSERT INTO sites (slug, name, created_at) VALUES ($1, $2, $3)', [
          site.slug,
          site.name,
          createdAt,
        ]);
        return { slug: site.slug, name: site.name, createdAt };
      }, `the site ${site.slug} already exists`),
    listSites: () =>
      guard(async () => {
        const result = await pool.query<SiteRecord>(
          'SELECT slug, name, created_at AS "createdAt" FROM sites ORDER BY slug',
        );
        return result.rows;
      }),
    getSite: (slug) =>
      guard(async () => {
        const result = await pool.query<SiteRecord>(
          'SELECT slug, name, created_at AS "createdAt" FROM sites WHERE slug = $1',
          [slug],
        );
        return result.rows[0];
      }),

    addDevice: (device, now) =>
      guard(async () => {
        const createdAt = now.toISOString();
        await pool.query(
          'INSERT INTO devices (id, site, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
          [device.id, device.site, device.label, device.tokenHash, createdAt],
        );
        const record: DeviceRecord = {
          id: device.id,
          site: device.site,
          label: device.label,
          createdAt,
          revokedAt: null,
          lastSeenAt: null,
          appVersion: null,
        };
        return record;
      }, `the device could not be added: unknown site ${device.site} or a duplicate id`),
    listDevices: (site) =>
      guard(async () => {
        const result =
          site === undefined
            ? await pool.query<DeviceRecord>(`${SELECT_DEVICES_SQL} ORDER BY site, created_at, id`)
            : await pool.query<DeviceRecord>(
                `${SELECT_DEVICES_SQL} WHERE site = $1 ORDER BY created_at, id`,
                [site],
              );
        return result.rows.map(deviceRecord);
      }),
    revokeDevice: (id, now) =>
      guard(async () => {
        const result = await pool.query(
          'UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2',
          [now.toISOString(), id],
        );
        return (result.rowCount ?? 0) > 0;
      }),
    findDeviceByTokenHash: (tokenHash) =>
      guard(async () => {
        const result = await pool.query<DeviceRecord & { tokenHash: string }>(
          `SELECT d.*, t.token_hash AS "tokenHash" FROM (${SELECT_DEVICES_SQL}) d
           JOIN devices t ON t.id = d.id WHERE t.token_hash = $1`,
          [tokenHash],
        );
        const row = result.rows[0];
        if (!row) return undefined;
        const { tokenHash: stored, ...device } = row;
        return { device, tokenHash: stored };
      }),

    addAdminToken: (tokenHash, now) =>
      guard(async () => {
        await pool.query('INSERT INTO admin_tokens (token_hash, created_at) VALUES ($1, $2)', [
          tokenHash,
          now.toISOString(),
        ]);
      }),
    findAdminTokenHash: (tokenHash) =>
      guard(async () => {
        const result = await pool.query<{ tokenHash: string }>(
          'SELECT token_hash AS "tokenHash" FROM admin_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
          [tokenHash],
        );
        return result.rows[0]?.tokenHash;
      }),

    addPairingCode: (pairing, now) =>
      guard(async () => {
        await pool.query(
          `INSERT INTO pairing_codes (code_hash, device_id, sealed_token, expires_at_ms, created_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            pairing.codeHash,
            pairing.deviceId,
            pairing.sealedToken,
            pairing.expiresAt.getTime(),
            now.toISOString(),
          ],
        );
      }, 'the pairing code could not be stored'),
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
          const device = await client.query<{ site: string }>(
            'SELECT site FROM devices WHERE id = $1',
            [row.device_id],
          );
          return {
            deviceId: row.device_id,
            site: device.rows[0]!.site,
            sealedToken: row.sealed_token,
          };
        }),
      ),

    mergeUpload: (upload, deviceId, now) =>
      guard(() =>
        transaction(async (client) => {
          await mergeCounts(client, upload);
          for (const day of upload.days) {
            if (!day.closed) continue;
            await client.query(UPSERT_CLOSING_SQL, [
              upload.site,
              upload.replica,
              day.date,
              day.closed.at,
              Date.parse(day.closed.at),
              day.closed.cashCountedNok ?? null,
            ]);
          }
          const seenAt = now.toISOString();
          await client.query(UPSERT_REPLICA_SQL, [upload.site, upload.replica, deviceId, seenAt]);
          await client.query(TOUCH_DEVICE_SQL, [seenAt, upload.app ?? null, deviceId]);
          return {
            days: upload.days.map((day) => ({ date: day.date, counts: day.counts.length })),
          };
        }),
      ),
    readSiteDays: (site, from, to) =>
      guard(() =>
        transaction(async (client) => {
          // REPEATABLE READ: counts and closings are read from the same snapshot.
          await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
          const counts = await client.query(SELECT_COUNTS_SQL, [site, from, to]);
          const closings = await client.query<
            Omit<StoredClosing, 'cashCountedNok'> & { cashCountedNok: string | null }
          >(SELECT_CLOSINGS_SQL, [site, from, to]);
          return {
            counts: counts.rows.map(storedCount),
            closings: closings.rows.map(({ cashCountedNok, ...closing }) =>
              cashCountedNok === null
                ? closing
                : { ...closing, cashCountedNok: Number(cashCountedNok) },
            ),
          };
        }),
      ),

    close: () => pool.end(),
  };
}

async function mergeCounts(client: pg.PoolClient, upload: Upload): Promise<void> {
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
      // An older endpoint must not write into tables it does not understand.
      if (version > MIGRATIONS.length) {
        throw new Error(`the database has schema ${version}, newer than this endpoint knows`);
      }
      for (let i = version; i < MIGRATIONS.length; i++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[i]!);
          await client.query(
            'INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)',
            [i + 1, new Date().toISOString()],
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
