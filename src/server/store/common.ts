/**
 * What the SQLite and PostgreSQL stores share, written once: the registry of sites, devices,
 * admin tokens and pairing codes (the same statements on either driver), the organisation's view
 * of a site's replicas (over each store's own count statements), the guard that turns a
 * driver's failure into the store's errors, the migration version check, and the shapes an
 * upload's bookkeeping and a read's closings take. Nothing here knows which database it is on.
 */
import { randomUUID } from 'node:crypto';
import type { Health } from '../../shared/protocol.ts';
import {
  DELETE_REPLICA_SQL,
  SELECT_COUNTED_DATES_SQL,
  SELECT_DEVICES_SQL,
  TOUCH_DEVICE_SQL,
  UPSERT_CLOSING_SQL,
  UPSERT_REPLICA_SQL,
} from './schema.ts';
import {
  StoreConflictError,
  StoreForbiddenError,
  StoreLimitError,
  StoreUnavailableError,
  type AdminTokenRecord,
  type AuditEntry,
  type MergeLimits,
  type DeviceRecord,
  type MergeResult,
  type ReplicaRecord,
  type SiteRecord,
  type Store,
  type StoredClosing,
  type StoredCount,
  type StoredSiteConfig,
  type StoredSiteTotals,
  type StoreUpload,
} from './store.ts';
import { countsByDate, siteDayTotals } from './site-days.ts';

/**
 * One statement on a store's driver. Parameters are written `$n` (PostgreSQL's way), each used
 * once and in order, so SQLite can read them as `?`. SQLite answers at once, PostgreSQL later.
 */
export interface SqlRunner {
  /** The rows a query returns. */
  rows<Row>(sql: string, params?: readonly unknown[]): Row[] | Promise<Row[]>;
  /** How many rows a statement changed. */
  changes(sql: string, params?: readonly unknown[]): number | Promise<number>;
  /** Runs statements in order in one transaction: all or none. How many rows each changed. */
  batch(writes: readonly SqlWrite[]): number[] | Promise<number[]>;
}

/** Runs a store operation; a failure becomes StoreConflictError or StoreUnavailableError. */
export type Guard = <T>(work: () => T | Promise<T>, conflict?: string) => Promise<T>;

/**
 * The guard of a driver: a broken constraint is a conflict where the operation names one (a
 * duplicate slug, say), and every other failure is StoreUnavailableError (503), never a crash.
 */
export function createGuard(isConstraintError: (error: unknown) => boolean): Guard {
  return async (work, conflict) => {
    try {
      return await work();
    } catch (error) {
      if (
        error instanceof StoreConflictError ||
        error instanceof StoreLimitError ||
        error instanceof StoreForbiddenError
      ) {
        throw error;
      }
      if (conflict && isConstraintError(error)) throw new StoreConflictError(conflict);
      throw new StoreUnavailableError(error);
    }
  };
}

/** The migrations a database at `version` still needs; refuses a database newer than them. */
export function pendingMigrations(version: number, migrations: readonly string[]): string[] {
  // An older endpoint must not write into tables it does not understand.
  if (version > migrations.length) {
    throw new Error(`the database has schema ${version}, newer than this endpoint knows`);
  }
  return migrations.slice(version);
}

const INSERT_SITE_SQL = 'INSERT INTO sites (slug, name, created_at) VALUES ($1, $2, $3)';
const SELECT_SITES_SQL = 'SELECT slug, name, created_at AS "createdAt" FROM sites';
const INSERT_DEVICE_SQL =
  'INSERT INTO devices (id, site, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)';
const REVOKE_DEVICE_SQL = 'UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2';
const DEVICE_BY_TOKEN_SQL = `SELECT d.*, t.token_hash AS "tokenHash" FROM (${SELECT_DEVICES_SQL}) d
  JOIN devices t ON t.id = d.id WHERE t.token_hash = $1`;
const SET_DEVICE_LABEL_SQL = 'UPDATE devices SET label = $1 WHERE id = $2';
// A new token for a live device, then (only if that happened, seen by the new hash) its old
// codes out and the new one in: three statements in one transaction.
const REPLACE_DEVICE_TOKEN_SQL =
  'UPDATE devices SET token_hash = $1 WHERE id = $2 AND revoked_at IS NULL';
const DELETE_DEVICE_CODES_SQL = `DELETE FROM pairing_codes WHERE device_id = $1
  AND EXISTS (SELECT 1 FROM devices WHERE id = $2 AND token_hash = $3)`;
const INSERT_REPLACEMENT_CODE_SQL = `INSERT INTO pairing_codes
  (code_hash, device_id, sealed_token, expires_at_ms, created_at)
  SELECT CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS BIGINT), CAST($5 AS TEXT)
  WHERE EXISTS (SELECT 1 FROM devices WHERE id = $6 AND token_hash = $7)`;

const ADMIN_COLUMNS = `id, label, role, created_at AS "createdAt", revoked_at AS "revokedAt"`;
const INSERT_ADMIN_SQL =
  'INSERT INTO admin_tokens (id, token_hash, label, role, created_at) VALUES ($1, $2, $3, $4, $5)';
const ADMIN_BY_TOKEN_SQL = `SELECT ${ADMIN_COLUMNS}, token_hash AS "tokenHash" FROM admin_tokens
  WHERE token_hash = $1 AND revoked_at IS NULL`;
const SELECT_ADMINS_SQL = `SELECT ${ADMIN_COLUMNS} FROM admin_tokens ORDER BY created_at, id`;
const REVOKE_ADMIN_SQL =
  'UPDATE admin_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2';
const INSERT_AUDIT_SQL =
  'INSERT INTO audit_log (at, actor, action, target) VALUES ($1, $2, $3, $4)';
const SELECT_AUDIT_SQL =
  'SELECT at, actor, action, target FROM audit_log ORDER BY seq DESC LIMIT $1';
const SELECT_SITE_CONFIG_SQL = `SELECT version, body, updated_at AS "updatedAt",
  updated_by AS "updatedBy" FROM site_configs WHERE site = $1`;
// A publish is one statement that only succeeds from the version it was based on.
const FIRST_SITE_CONFIG_SQL = `INSERT INTO site_configs (site, version, body, updated_at, updated_by)
  VALUES ($1, 1, $2, $3, $4) ON CONFLICT (site) DO NOTHING`;
const NEXT_SITE_CONFIG_SQL = `UPDATE site_configs
  SET version = version + 1, body = $1, updated_at = $2, updated_by = $3
  WHERE site = $4 AND version = $5`;
const INSERT_PAIRING_SQL = `INSERT INTO pairing_codes
  (code_hash, device_id, sealed_token, expires_at_ms, created_at) VALUES ($1, $2, $3, $4, $5)`;

/** A device as SELECT_DEVICES_SQL returns it: its health still JSON text. */
type DeviceRow = Omit<DeviceRecord, 'health'> & { health: string | null };

/** A device row as a record: its health parsed (it was validated before it was stored). */
function deviceRecord({ health, ...row }: DeviceRow): DeviceRecord {
  return { ...row, health: health === null ? null : (JSON.parse(health) as Health) };
}

/** The Store methods that are the same statements on either database. */
export type Registry = Pick<
  Store,
  | 'addSite'
  | 'listSites'
  | 'getSite'
  | 'addDevice'
  | 'listDevices'
  | 'revokeDevice'
  | 'findDeviceByTokenHash'
  | 'setDeviceLabel'
  | 'replaceDeviceToken'
  | 'addAdminToken'
  | 'findAdminToken'
  | 'listAdminTokens'
  | 'revokeAdminToken'
  | 'appendAudit'
  | 'listAudit'
  | 'readSiteConfig'
  | 'publishSiteConfig'
  | 'addPairingCode'
  | 'listCountedDates'
>;

/**
 * Sites, devices, admin tokens, configurations and pairing codes on a store's driver, and the
 * dates each site counted (read from the site-day tables both stores keep alike).
 */
export function createRegistry(sql: SqlRunner, guard: Guard): Registry {
  const readSiteConfig = async (site: string) => {
    const [row] = await sql.rows<StoredSiteConfig & { version: number | string }>(
      SELECT_SITE_CONFIG_SQL,
      [site],
    );
    return row ? { ...row, version: Number(row.version) } : undefined;
  };
  return {
    addSite: (site, now) =>
      guard(async () => {
        const createdAt = now.toISOString();
        await sql.changes(INSERT_SITE_SQL, [site.slug, site.name, createdAt]);
        return { slug: site.slug, name: site.name, createdAt };
      }, `the site ${site.slug} already exists`),
    listSites: () => guard(() => sql.rows<SiteRecord>(`${SELECT_SITES_SQL} ORDER BY slug`)),
    getSite: (slug) =>
      guard(
        async () => (await sql.rows<SiteRecord>(`${SELECT_SITES_SQL} WHERE slug = $1`, [slug]))[0],
      ),

    addDevice: (device, now) =>
      guard(async () => {
        const createdAt = now.toISOString();
        await sql.changes(INSERT_DEVICE_SQL, [
          device.id,
          device.site,
          device.label,
          device.tokenHash,
          createdAt,
        ]);
        const record: DeviceRecord = {
          id: device.id,
          site: device.site,
          label: device.label,
          createdAt,
          revokedAt: null,
          lastSeenAt: null,
          appVersion: null,
          health: null,
          healthAt: null,
        };
        return record;
      }, `the device could not be added: unknown site ${device.site} or a duplicate id`),
    listDevices: (site) =>
      guard(async () => {
        const rows =
          site === undefined
            ? await sql.rows<DeviceRow>(`${SELECT_DEVICES_SQL} ORDER BY site, created_at, id`)
            : await sql.rows<DeviceRow>(
                `${SELECT_DEVICES_SQL} WHERE site = $1 ORDER BY created_at, id`,
                [site],
              );
        return rows.map(deviceRecord);
      }),
    revokeDevice: (id, now) =>
      guard(async () => (await sql.changes(REVOKE_DEVICE_SQL, [now.toISOString(), id])) > 0),
    findDeviceByTokenHash: (tokenHash) =>
      guard(async () => {
        const [row] = await sql.rows<DeviceRow & { tokenHash: string }>(DEVICE_BY_TOKEN_SQL, [
          tokenHash,
        ]);
        if (!row) return undefined;
        const { tokenHash: stored, ...device } = row;
        return { device: deviceRecord(device), tokenHash: stored };
      }),

    setDeviceLabel: (id, label) =>
      guard(async () => (await sql.changes(SET_DEVICE_LABEL_SQL, [label, id])) > 0),
    replaceDeviceToken: (replacement, now) =>
      guard(async () => {
        const { deviceId, tokenHash } = replacement;
        const [replaced] = await sql.batch([
          { sql: REPLACE_DEVICE_TOKEN_SQL, params: [tokenHash, deviceId] },
          { sql: DELETE_DEVICE_CODES_SQL, params: [deviceId, deviceId, tokenHash] },
          {
            sql: INSERT_REPLACEMENT_CODE_SQL,
            params: [
              replacement.codeHash,
              deviceId,
              replacement.sealedToken,
              replacement.expiresAt.getTime(),
              now.toISOString(),
              deviceId,
              tokenHash,
            ],
          },
        ]);
        if (!replaced) return undefined;
        const [device] = await sql.rows<DeviceRow>(`${SELECT_DEVICES_SQL} WHERE id = $1`, [
          deviceId,
        ]);
        return device ? deviceRecord(device) : undefined;
      }, 'the new token or pairing code collides with a stored one: try again'),

    addAdminToken: (tokenHash, now, details) =>
      guard(async () => {
        const { id, label, role } = details ?? { id: randomUUID(), label: 'admin', role: 'manage' };
        const createdAt = now.toISOString();
        await sql.changes(INSERT_ADMIN_SQL, [id, tokenHash, label, role, createdAt]);
        const record: AdminTokenRecord = { id, label, role, createdAt, revokedAt: null };
        return record;
      }, 'the admin token could not be added: a duplicate id or token'),
    findAdminToken: (tokenHash) =>
      guard(async () => {
        const [row] = await sql.rows<AdminTokenRecord & { tokenHash: string }>(ADMIN_BY_TOKEN_SQL, [
          tokenHash,
        ]);
        if (!row) return undefined;
        const { tokenHash: stored, ...admin } = row;
        return { admin, tokenHash: stored };
      }),
    listAdminTokens: () =>
      guard(async () =>
        (await sql.rows<AdminTokenRecord>(SELECT_ADMINS_SQL)).map((row) => ({ ...row })),
      ),
    revokeAdminToken: (id, now) =>
      guard(async () => (await sql.changes(REVOKE_ADMIN_SQL, [now.toISOString(), id])) > 0),

    appendAudit: (entry, now) =>
      guard(async () => {
        await sql.changes(INSERT_AUDIT_SQL, [
          now.toISOString(),
          entry.actor,
          entry.action,
          entry.target,
        ]);
      }),
    listAudit: (limit) =>
      guard(async () =>
        (await sql.rows<AuditEntry>(SELECT_AUDIT_SQL, [limit])).map((row) => ({ ...row })),
      ),

    readSiteConfig: (site) => guard(() => readSiteConfig(site)),
    publishSiteConfig: (site, { baseVersion, body, updatedBy }, now) =>
      guard(async () => {
        const at = now.toISOString();
        const changed =
          baseVersion === 0
            ? await sql.changes(FIRST_SITE_CONFIG_SQL, [site, body, at, updatedBy])
            : await sql.changes(NEXT_SITE_CONFIG_SQL, [body, at, updatedBy, site, baseVersion]);
        if (changed === 1) return { ok: true, version: baseVersion + 1 };
        return { ok: false, current: await readSiteConfig(site) };
      }, `the configuration could not be published: unknown site ${site}`),

    addPairingCode: (pairing, now) =>
      guard(async () => {
        await sql.changes(INSERT_PAIRING_SQL, [
          pairing.codeHash,
          pairing.deviceId,
          pairing.sealedToken,
          pairing.expiresAt.getTime(),
          now.toISOString(),
        ]);
      }, 'the pairing code could not be stored'),

    listCountedDates: (from, to) =>
      guard(async () => {
        const rows = await sql.rows<{ site: string; date: string }>(SELECT_COUNTED_DATES_SQL, [
          from,
          to,
          from,
          to,
        ]);
        const bySite = new Map<string, string[]>();
        for (const { site, date } of rows) {
          const dates = bySite.get(site);
          if (dates) dates.push(date);
          else bySite.set(site, [date]);
        }
        return bySite;
      }),
  };
}

/** One statement to run, with its parameters. */
export interface SqlWrite {
  sql: string;
  params: unknown[];
}

/**
 * What an upload writes besides its counts, in one transaction with them: each day's closing
 * or reopening into the site-day's registers, which device last sent the replica (and the
 * secret's hash, kept from the first), and the device's last contact and health.
 */
export function uploadWrites(upload: StoreUpload, deviceId: string, now: Date): SqlWrite[] {
  const seenAt = now.toISOString();
  const writes: SqlWrite[] = [];
  for (const day of upload.days) {
    if (!day.closing) continue;
    const { closed, at, cashCountedNok } = day.closing;
    const atMs = Date.parse(at);
    const cash = cashCountedNok === undefined;
    writes.push({
      sql: UPSERT_CLOSING_SQL,
      params: [
        upload.site,
        day.date,
        closed ? 1 : 0,
        at,
        atMs,
        upload.replica,
        // No cash counted: the cash register's bottom, which never wins.
        cash ? -1 : atMs,
        cash ? '' : upload.replica,
        cashCountedNok ?? null,
      ],
    });
  }
  const health = upload.health === undefined ? null : JSON.stringify(upload.health);
  writes.push(
    {
      sql: UPSERT_REPLICA_SQL,
      // Its first upload's time is written when the row is made and kept from then on.
      params: [upload.site, upload.replica, deviceId, seenAt, seenAt, upload.secretHash ?? null],
    },
    {
      sql: TOUCH_DEVICE_SQL,
      params: [seenAt, upload.app ?? null, health, health === null ? null : seenAt, deviceId],
    },
  );
  return writes;
}

/** What the site knows of the replica: nothing (no row), or its secret's hash if it has one. */
export const REPLICA_KNOWN_SQL = `SELECT secret_hash AS "secretHash" FROM replicas
  WHERE site = $1 AND replica = $2`;
/** How many replicas the site has. */
export const REPLICA_COUNT_SQL = 'SELECT COUNT(*) AS replicas FROM replicas WHERE site = $1';

/**
 * Refuses an upload to a replica whose secret it does not carry: the replica has a secret's
 * hash and the upload has none or another. Called inside the merge's transaction with
 * REPLICA_KNOWN_SQL's row.
 */
export function assertReplicaOwner(
  upload: StoreUpload,
  known: { secretHash: string | null } | undefined,
): void {
  const stored = known?.secretHash ?? null;
  if (stored === null) return;
  // Hashes compared plainly: timing tells nothing about a secret through its SHA-256.
  if (upload.secretHash === stored) return;
  throw new StoreForbiddenError(
    `The replica ${upload.replica} belongs to another tablet: only the tablet that holds its secret may send it.`,
  );
}

/**
 * Refuses a replica new to its site when the site has `limits.maxReplicas` already: called
 * inside the merge's transaction, after REPLICA_KNOWN_SQL and (for a new replica) REPLICA_COUNT_SQL.
 */
export function assertReplicaRoom(
  upload: StoreUpload,
  known: boolean,
  replicas: number | string,
  limits: MergeLimits,
): void {
  if (known || Number(replicas) < limits.maxReplicas) return;
  throw new StoreLimitError(
    'replicas',
    `The site ${upload.site} has ${limits.maxReplicas} replicas, the most it may have: revoke and reset unused tablets, or ask the operator.`,
  );
}

/** The 200 answer's `days`: how many counts each day of the upload carried. */
export function mergeResult(upload: StoreUpload): MergeResult {
  return { days: upload.days.map((day) => ({ date: day.date, counts: day.counts.length })) };
}

/** A register as SELECT_CLOSINGS_SQL returns it (PostgreSQL's BIGINT arrives as a string). */
export type ClosingRow = Omit<StoredClosing, 'closed' | 'cashCountedNok'> & {
  closed: number | string;
  cashCountedNok: number | string | null;
};

/** A stored register in the protocol's shape (a null cash count is absent). */
export function storedClosing({ closed, cashCountedNok, ...register }: ClosingRow): StoredClosing {
  const closing = { ...register, closed: Number(closed) === 1 };
  return cashCountedNok === null ? closing : { ...closing, cashCountedNok: Number(cashCountedNok) };
}

// PostgreSQL answers COUNT and SUM as strings, SQLite as numbers: both go through Number().
type Numeric = number | string;

/** A replica as SELECT_REPLICAS_SQL answers it. */
export interface ReplicaRow {
  replica: string;
  deviceId: string;
  deviceLabel: string | null;
  deviceRevokedAt: string | null;
  firstSentAt: string;
  lastSentAt: string;
}

/** How many dates a replica has counts for, and the first and last. */
export interface ReplicaDaysRow {
  replica: string;
  days: Numeric;
  firstDate: string;
  lastDate: string;
}

/** A replica's net per counter over all its keys and days, and kroner where any key had them. */
export interface ReplicaTotalRow {
  replica: string;
  counter: string;
  net: Numeric;
  amountNok: Numeric;
  hasNok: Numeric;
}

/** What a store reads for listReplicas, in one snapshot. */
export interface ReplicaReads {
  replicas: ReplicaRow[];
  days: ReplicaDaysRow[];
  totals: ReplicaTotalRow[];
}

/** The parts of the organisation's view that differ by how a store keeps counts. */
export interface ReplicaParts {
  /** A site's replicas (SELECT_REPLICAS_SQL), their days and their totals, in one snapshot. */
  read(site: string): ReplicaReads | Promise<ReplicaReads>;
  /** Deletes a replica's counts of every day: `$1` the site, `$2` the replica. */
  deleteCounts: string;
  /** Marks every site-day the replica has counts on, for the next roll-up: `$1`, `$2` as above. */
  markStale: string;
}

// Ordered in JS, not by the database's collation, so both stores answer in the same order.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A store's reads as records, oldest first upload first, counters by id. Only replicas with a
 * `replicas` row are listed: every upload writes one, and a removal deletes it with the counts.
 */
export function replicaRecords({ replicas, days, totals }: ReplicaReads): ReplicaRecord[] {
  const daysOf = new Map(days.map((row) => [row.replica, row]));
  const totalsOf = new Map<string, ReplicaTotalRow[]>();
  for (const row of totals) {
    const list = totalsOf.get(row.replica) ?? [];
    list.push(row);
    totalsOf.set(row.replica, list);
  }
  return replicas
    .map((row): ReplicaRecord => {
      const dated = daysOf.get(row.replica);
      return {
        replica: row.replica,
        device: { id: row.deviceId, label: row.deviceLabel, revokedAt: row.deviceRevokedAt },
        firstSentAt: row.firstSentAt,
        lastSentAt: row.lastSentAt,
        days: Number(dated?.days ?? 0),
        firstDate: dated?.firstDate ?? null,
        lastDate: dated?.lastDate ?? null,
        totals: (totalsOf.get(row.replica) ?? [])
          .sort((a, b) => byText(a.counter, b.counter))
          .map((total) => ({
            counter: total.counter,
            net: Number(total.net),
            ...(Number(total.hasNok) > 0 ? { amountNok: Number(total.amountNok) } : {}),
          })),
      };
    })
    .sort((a, b) => byText(a.firstSentAt, b.firstSentAt) || byText(a.replica, b.replica));
}

/**
 * The organisation's view of a site's replicas on a store's driver: listing them, and removing
 * one whole. The `replicas` row goes first, as an upload writes it last: on PostgreSQL an upload
 * of the replica in flight then either commits first (and its counts are deleted too), or waits
 * and makes the replica anew with what it sent, or the two wait on each other and PostgreSQL
 * ends one (a 503 the tablet retries, or a removal that fails and can be run again). No count is
 * left without its row. SQLite runs one writer at a time.
 */
export function createReplicaAdmin(
  sql: SqlRunner,
  guard: Guard,
  parts: ReplicaParts,
): Pick<Store, 'listReplicas' | 'removeReplica'> {
  return {
    listReplicas: (site) => guard(async () => replicaRecords(await parts.read(site))),
    removeReplica: (site, replica) =>
      guard(async () => {
        const changed = await sql.batch([
          { sql: parts.markStale, params: [site, replica] },
          { sql: DELETE_REPLICA_SQL, params: [site, replica] },
          { sql: parts.deleteCounts, params: [site, replica] },
        ]);
        return changed.slice(1).some((rows) => rows > 0);
      }),
  };
}

/**
 * What a roll-up writes for the site-days `dates`, given every replica's counts on them: the
 * totals of each day that still has counts, and the days that have none left (a removed
 * replica's), whose kept totals go.
 */
export function siteTotalsWrites(
  dates: Iterable<string>,
  counts: readonly StoredCount[],
): {
  upserts: Array<{ date: string; replicas: number; totals: string; daily: string }>;
  deletes: string[];
} {
  const grouped = countsByDate(counts);
  const upserts: Array<{ date: string; replicas: number; totals: string; daily: string }> = [];
  const deletes: string[] = [];
  for (const date of new Set(dates)) {
    const kept = siteDayTotals(grouped.get(date) ?? []);
    if (kept) upserts.push({ date, ...kept });
    else deletes.push(date);
  }
  return { upserts, deletes };
}

/** A row of selectSiteTotalsSql: a date's rolled-up totals or its closing register. */
export type SiteTotalsRow = { date: string } & (
  { replicas: Numeric; totals: string } | { replicas: null; totals: null }
) &
  (Omit<ClosingRow, 'date'> | { closed: null; at: null; replica: null; cashCountedNok: null });

/** selectSiteTotalsSql's parameters: the site and the dates, once for each kind of row. */
export const siteTotalsParams = (site: string, from: string, to: string) => [
  site,
  from,
  to,
  site,
  from,
  to,
];

/** selectSiteTotalsSql's rows as readSiteTotals answers them: the days, and the registers. */
export function siteTotalsOf(rows: readonly SiteTotalsRow[]): {
  days: StoredSiteTotals[];
  closings: StoredClosing[];
} {
  const days: StoredSiteTotals[] = [];
  const closings: StoredClosing[] = [];
  for (const row of rows) {
    if (row.totals !== null) {
      days.push({ date: row.date, replicas: Number(row.replicas), totals: row.totals });
    }
    if (row.at !== null) {
      const { closed, at, replica, cashCountedNok } = row;
      closings.push(storedClosing({ date: row.date, closed, at, replica, cashCountedNok }));
    }
  }
  return { days, closings };
}
