/**
 * The default store: one SQLite file under DATA_DIR, nothing to install. WAL with
 * `synchronous=FULL`, because an acknowledged upload must survive a power cut. A replica's day
 * is one row of counts merged in JS (`sqlite-day-counts.ts`); PostgreSQL keeps a row per key.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Upload } from '../../shared/protocol.ts';
import {
  PRUNE_PAIRING_SQL,
  REDEEM_PAIRING_SQL,
  SELECT_CLOSINGS_SQL,
  SELECT_DEVICES_SQL,
  SQLITE_MIGRATIONS,
  SQLITE_SELECT_DAY_COUNTS_SQL,
  SQLITE_SELECT_SITE_DAY_COUNTS_SQL,
  SQLITE_UPSERT_DAY_COUNTS_SQL,
  TOUCH_DEVICE_SQL,
  UPSERT_CLOSING_SQL,
  UPSERT_REPLICA_SQL,
} from './schema.ts';
import { mergeDayCounts, storedDayCounts, type DayCounts } from './sqlite-day-counts.ts';
import {
  StoreConflictError,
  StoreUnavailableError,
  type DeviceRecord,
  type SiteRecord,
  type Store,
  type StoredClosing,
} from './store.ts';

/** The database file's name inside DATA_DIR. */
export const SQLITE_FILE_NAME = 'terskel.sqlite';

// The shared statements number their parameters for PostgreSQL; each is used once, in order.
const positional = (sql: string) => sql.replace(/\$\d+/g, '?');

function isConstraintError(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError && String(error.code).startsWith('SQLITE_CONSTRAINT')
  );
}

// better-sqlite3 is synchronous; the store is async so callers treat both stores alike, and
// every driver failure becomes StoreUnavailableError (503) instead of a crash.
async function guard<T>(work: () => T, conflict?: string): Promise<T> {
  try {
    return work();
  } catch (error) {
    if (conflict && isConstraintError(error)) throw new StoreConflictError(conflict);
    throw new StoreUnavailableError(error);
  }
}

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

  const statements = {
    insertSite: db.prepare('INSERT INTO sites (slug, name, created_at) VALUES (?, ?, ?)'),
    listSites: db.prepare('SELECT slug, name, created_at AS createdAt FROM sites ORDER BY slug'),
    getSite: db.prepare('SELECT slug, name, created_at AS createdAt FROM sites WHERE slug = ?'),
    insertDevice: db.prepare(
      'INSERT INTO devices (id, site, label, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    listDevices: db.prepare(`${SELECT_DEVICES_SQL} ORDER BY site, created_at, id`),
    listSiteDevices: db.prepare(`${SELECT_DEVICES_SQL} WHERE site = ? ORDER BY created_at, id`),
    revokeDevice: db.prepare(
      'UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?',
    ),
    deviceByToken: db.prepare(
      `SELECT d.*, t.token_hash AS tokenHash FROM (${SELECT_DEVICES_SQL}) d
       JOIN devices t ON t.id = d.id WHERE t.token_hash = ?`,
    ),
    insertAdmin: db.prepare('INSERT INTO admin_tokens (token_hash, created_at) VALUES (?, ?)'),
    adminByToken: db.prepare(
      'SELECT token_hash AS tokenHash FROM admin_tokens WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    insertPairing: db.prepare(
      `INSERT INTO pairing_codes (code_hash, device_id, sealed_token, expires_at_ms, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    redeemPairing: db.prepare(positional(REDEEM_PAIRING_SQL)),
    prunePairing: db.prepare(positional(PRUNE_PAIRING_SQL)),
    deviceSite: db.prepare('SELECT site FROM devices WHERE id = ?'),
    selectDayCounts: db.prepare(SQLITE_SELECT_DAY_COUNTS_SQL).pluck(),
    upsertDayCounts: db.prepare(SQLITE_UPSERT_DAY_COUNTS_SQL),
    upsertClosing: db.prepare(positional(UPSERT_CLOSING_SQL)),
    upsertReplica: db.prepare(positional(UPSERT_REPLICA_SQL)),
    touchDevice: db.prepare(positional(TOUCH_DEVICE_SQL)),
    selectSiteDayCounts: db.prepare(SQLITE_SELECT_SITE_DAY_COUNTS_SQL),
    selectClosings: db.prepare(positional(SELECT_CLOSINGS_SQL)),
  };

  /** The statements of one upload's merge, run inside a transaction of the caller's. */
  const writeUpload = (upload: Upload, deviceId: string, now: Date) => {
    const seenAt = now.toISOString();
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
        }
      }
      if (day.closed) {
        statements.upsertClosing.run(
          upload.site,
          upload.replica,
          day.date,
          day.closed.at,
          Date.parse(day.closed.at),
          day.closed.cashCountedNok ?? null,
        );
      }
    }
    statements.upsertReplica.run(upload.site, upload.replica, deviceId, seenAt);
    statements.touchDevice.run(seenAt, upload.app ?? null, deviceId);
  };
  const mergeOne = db.transaction(writeUpload);
  const merge = (upload: Upload, deviceId: string, now: Date) =>
    mergeOne.immediate(upload, deviceId, now);

  // Group commit: uploads that arrive in the same turn of the event loop merge in one
  // transaction, so one fsync (synchronous=FULL) covers them all. Each caller is answered
  // only after that commit; if the batch fails, it is rolled back whole and each upload is tried
  // on its own. So the uploads of a batch need no savepoint each (two statements fewer apiece).
  interface PendingMerge {
    upload: Upload;
    deviceId: string;
    now: Date;
    resolve(): void;
    reject(error: unknown): void;
  }
  let pendingMerges: PendingMerge[] = [];
  const mergeBatch = db.transaction((batch: PendingMerge[]) => {
    for (const item of batch) writeUpload(item.upload, item.deviceId, item.now);
  });
  function flushMerges(): void {
    const batch = pendingMerges;
    pendingMerges = [];
    try {
      mergeBatch.immediate(batch);
      for (const item of batch) item.resolve();
    } catch {
      for (const item of batch) {
        guard(() => merge(item.upload, item.deviceId, item.now)).then(item.resolve, item.reject);
      }
    }
  }

  const redeem = db.transaction((codeHash: string, now: Date) => {
    statements.prunePairing.run(now.getTime());
    const row = statements.redeemPairing.get(codeHash, now.getTime()) as
      { device_id: string; sealed_token: string } | undefined;
    if (!row) return undefined;
    const device = statements.deviceSite.get(row.device_id) as { site: string };
    return { deviceId: row.device_id, site: device.site, sealedToken: row.sealed_token };
  });

  return {
    addSite: (site, now) =>
      guard(() => {
        const createdAt = now.toISOString();
        statements.insertSite.run(site.slug, site.name, createdAt);
        return { slug: site.slug, name: site.name, createdAt };
      }, `the site ${site.slug} already exists`),
    listSites: () => guard(() => statements.listSites.all() as SiteRecord[]),
    getSite: (slug) => guard(() => statements.getSite.get(slug) as SiteRecord | undefined),

    addDevice: (device, now) =>
      guard(() => {
        const createdAt = now.toISOString();
        statements.insertDevice.run(
          device.id,
          device.site,
          device.label,
          device.tokenHash,
          createdAt,
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
      guard(
        () =>
          (site === undefined
            ? statements.listDevices.all()
            : statements.listSiteDevices.all(site)) as DeviceRecord[],
      ),
    revokeDevice: (id, now) =>
      guard(() => statements.revokeDevice.run(now.toISOString(), id).changes > 0),
    findDeviceByTokenHash: (tokenHash) =>
      guard(() => {
        const row = statements.deviceByToken.get(tokenHash) as
          (DeviceRecord & { tokenHash: string }) | undefined;
        if (!row) return undefined;
        const { tokenHash: stored, ...device } = row;
        return { device, tokenHash: stored };
      }),

    addAdminToken: (tokenHash, now) =>
      guard(() => {
        statements.insertAdmin.run(tokenHash, now.toISOString());
      }),
    findAdminTokenHash: (tokenHash) =>
      guard(
        () =>
          (statements.adminByToken.get(tokenHash) as { tokenHash: string } | undefined)?.tokenHash,
      ),

    addPairingCode: (pairing, now) =>
      guard(() => {
        statements.insertPairing.run(
          pairing.codeHash,
          pairing.deviceId,
          pairing.sealedToken,
          pairing.expiresAt.getTime(),
          now.toISOString(),
        );
      }, 'the pairing code could not be stored'),
    redeemPairingCode: (codeHash, now) => guard(() => redeem(codeHash, now)),

    mergeUpload: (upload, deviceId, now) =>
      new Promise<void>((resolve, reject) => {
        pendingMerges.push({ upload, deviceId, now, resolve, reject });
        if (pendingMerges.length === 1) setImmediate(flushMerges);
      }).then(() => ({
        days: upload.days.map((day) => ({ date: day.date, counts: day.counts.length })),
      })),
    readSiteDays: (site, from, to) =>
      guard(() => {
        // One read transaction, so counts and closings are of the same moment.
        return db.transaction(() => ({
          counts: (
            statements.selectSiteDayCounts.all(site, from, to) as Array<{
              date: string;
              replica: string;
              counts: string;
            }>
          ).flatMap((row) =>
            storedDayCounts(row.date, row.replica, JSON.parse(row.counts) as DayCounts),
          ),
          closings: (
            statements.selectClosings.all(site, from, to) as Array<
              StoredClosing & { cashCountedNok: number | null }
            >
          ).map(({ cashCountedNok, ...closing }) =>
            cashCountedNok === null ? closing : { ...closing, cashCountedNok },
          ),
        }))();
      }),

    close: async () => {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  // An older endpoint must not write into tables it does not understand.
  if (version > SQLITE_MIGRATIONS.length) {
    throw new Error(`the database has schema ${version}, newer than this endpoint knows`);
  }
  db.transaction(() => {
    SQLITE_MIGRATIONS.slice(version).forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  }).immediate();
}
