/**
 * The endpoint's persistence contract: one interface that the SQLite and PostgreSQL stores both
 * implement and one contract suite checks. Stores keep grow-only state and never lower a count;
 * they never see a token or a pairing code in the clear, only their hashes.
 */
import {
  MAX_REPLICAS_PER_SITE,
  type Count,
  type Health,
  type MergeUpload,
  type PeriodTotal,
} from '../../shared/protocol.ts';

/** A place that counts: its fixed slug and display name. */
export interface SiteRecord {
  slug: string;
  name: string;
  createdAt: string;
}

/** A paired tablet identity (the holder of a device token). */
export interface DeviceRecord {
  id: string;
  site: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  /** What the device last said of its health (protocol version 2), and when it said it. */
  health: Health | null;
  healthAt: string | null;
}

/** What an admin token may do: `read` sees everything, `manage` also changes things. */
export type AdminRole = 'read' | 'manage';
export const ADMIN_ROLES: readonly AdminRole[] = ['read', 'manage'];

/** An admin token as listed: never its hash. */
export interface AdminTokenRecord {
  id: string;
  label: string;
  role: AdminRole;
  createdAt: string;
  revokedAt: string | null;
}

/** What an admin did, by the label of the token it used (`cli` for the CLI), never the token. */
export interface AuditEntry {
  at: string;
  actor: string;
  /** e.g. `site.add`, `device.revoke`, `device.code`, `admin.add` (see AUDIT_ACTIONS). */
  action: AuditAction;
  /** The site slug, device id, admin token id or replica id acted on, if any. */
  target: string | null;
}

/** Every action the audit log records. */
export const AUDIT_ACTIONS = [
  'site.add',
  'device.add',
  'device.label',
  'device.revoke',
  'device.code',
  'admin.add',
  'admin.revoke',
  'config.publish',
  'replica.remove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A device's new token and the pairing code that hands it out (see replaceDeviceToken). */
export interface DeviceTokenReplacement {
  deviceId: string;
  tokenHash: string;
  codeHash: string;
  sealedToken: string;
  expiresAt: Date;
}

/** One stored count of one replica, with absent option/hour as `undefined`. */
export interface StoredCount {
  date: string;
  replica: string;
  counter: string;
  option?: string;
  hour?: number;
  inc: number;
  dec: number;
  incNok?: number;
  decNok?: number;
}

/**
 * A site-day's totals over every replica as the store keeps them rolled up: how many replicas
 * counted, and the protocol's `totals` of the day as JSON text, so a reading passes them on
 * without parsing them again.
 */
export interface StoredSiteTotals {
  date: string;
  replicas: number;
  totals: string;
}

/**
 * A site's whole-day totals summed over a period's days (GET /sites/:site/sums): how many of its
 * dates have totals, and each (counter, option)'s net and kroner added up over them.
 */
export interface StoredSiteSums {
  days: number;
  totals: PeriodTotal[];
}

/**
 * A site-day's closing register (PROTOCOL.md, version 2): the last closing or reopening by `at`
 * from any replica, and the last cash count, which may be older than a later reopening.
 */
export interface StoredClosing {
  date: string;
  closed: boolean;
  at: string;
  replica: string;
  cashCountedNok?: number;
}

/**
 * An upload as the store merges it: version 2's shape (a version-1 upload read as one), with the
 * replica's secret as its hash, as the store keeps it; absent from a version-1 upload.
 */
export type StoreUpload = Omit<MergeUpload, 'secret'> & { secretHash?: string };

/** What a pairing code unlocks: the device and its token sealed under the code. */
export interface PairingRedemption {
  deviceId: string;
  site: string;
  sealedToken: string;
}

/**
 * A site's published configuration as stored: its version (1 for the first publish) and the
 * JSON text of `{config, plan}`, validated before it was stored.
 */
export interface StoredSiteConfig {
  version: number;
  body: string;
  updatedAt: string;
  updatedBy: string;
}

/** The outcome of a publish: the new version, or the stored one it was not based on. */
export type PublishOutcome =
  { ok: true; version: number } | { ok: false; current: StoredSiteConfig | undefined };

/** How many counts of each day an upload carried (the `days` of the 200 answer). */
export interface MergeResult {
  days: Array<{ date: string; counts: number }>;
}

/** The growth limits a merge keeps (PROTOCOL.md's limits). */
export interface MergeLimits {
  /** Replicas a site may have; default MAX_REPLICAS_PER_SITE. */
  maxReplicas: number;
}

/** A counter's net total over all of one replica's days (listReplicas). */
export interface ReplicaTotal {
  counter: string;
  /** `inc − dec` summed over every key and day of the counter. */
  net: number;
  /** `incNok − decNok` summed likewise; only on a counter whose keys carried kroner. */
  amountNok?: number;
}

/**
 * One replica of a site as the organisation sees it: enough to tell a live tablet's replica from
 * a test tablet's or a wiped one's before removing it (removeReplica).
 */
export interface ReplicaRecord {
  replica: string;
  /** The device that last sent it (its label may be null, and it may be revoked since). */
  device: { id: string; label: string | null; revokedAt: string | null };
  /**
   * When the endpoint first and last accepted an upload of it. For a replica last sent before
   * the endpoint kept first uploads, the first is its last upload as of that upgrade.
   */
  firstSentAt: string;
  lastSentAt: string;
  /** How many dates it has counts for, and the first and last of them (null with none). */
  days: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Its net total per counter, by counter id. */
  totals: ReplicaTotal[];
}

/** The persistence the endpoint needs; every method may reject with StoreUnavailableError. */
export interface Store {
  addSite(site: { slug: string; name: string }, now: Date): Promise<SiteRecord>;
  listSites(): Promise<SiteRecord[]>;
  getSite(slug: string): Promise<SiteRecord | undefined>;

  addDevice(
    device: { id: string; site: string; label: string | null; tokenHash: string },
    now: Date,
  ): Promise<DeviceRecord>;
  listDevices(site?: string): Promise<DeviceRecord[]>;
  /** Marks a device revoked; false when no such device exists. */
  revokeDevice(id: string, now: Date): Promise<boolean>;
  /** The device whose token hashes to `tokenHash`, revoked or not, with its stored hash. */
  findDeviceByTokenHash(
    tokenHash: string,
  ): Promise<{ device: DeviceRecord; tokenHash: string } | undefined>;

  /** Renames a device (null removes its label); false when no such device exists. */
  setDeviceLabel(id: string, label: string | null): Promise<boolean>;
  /**
   * Gives a live device a new token and one new pairing code in one transaction: the old token
   * stops working at once and the device's earlier codes are deleted (they sealed the old one).
   * The device keeps its id, so its replicas and counts stay its own. Undefined when no such
   * device exists or it is revoked.
   */
  replaceDeviceToken(
    replacement: DeviceTokenReplacement,
    now: Date,
  ): Promise<DeviceRecord | undefined>;

  /** Adds an admin token; without `details` it is a `manage` token labelled `admin`. */
  addAdminToken(
    tokenHash: string,
    now: Date,
    details?: { id: string; label: string; role: AdminRole },
  ): Promise<AdminTokenRecord>;
  /** The live admin token whose hash equals `tokenHash`, with its stored hash. */
  findAdminToken(
    tokenHash: string,
  ): Promise<{ admin: AdminTokenRecord; tokenHash: string } | undefined>;
  /** Every admin token, revoked ones too, oldest first: never a hash. */
  listAdminTokens(): Promise<AdminTokenRecord[]>;
  /** Marks an admin token revoked; false when no such token exists. */
  revokeAdminToken(id: string, now: Date): Promise<boolean>;

  /** Appends an entry to the audit log. */
  appendAudit(entry: Omit<AuditEntry, 'at'>, now: Date): Promise<void>;
  /** The latest `limit` audit entries, newest first. */
  listAudit(limit: number): Promise<AuditEntry[]>;

  /** The site's published configuration, if any was published. */
  readSiteConfig(site: string): Promise<StoredSiteConfig | undefined>;
  /**
   * Publishes `body` as the site's next version if the stored version is `baseVersion` (0: none
   * yet), in one statement, so of two publishes from the same version exactly one wins; the
   * other gets the stored version back.
   */
  publishSiteConfig(
    site: string,
    publish: { baseVersion: number; body: string; updatedBy: string },
    now: Date,
  ): Promise<PublishOutcome>;

  addPairingCode(
    pairing: { codeHash: string; deviceId: string; sealedToken: string; expiresAt: Date },
    now: Date,
  ): Promise<void>;
  /** Consumes a live code atomically: a second redemption of the same code finds nothing. */
  redeemPairingCode(codeHash: string, now: Date): Promise<PairingRedemption | undefined>;

  /**
   * Max-merges an already validated upload in one transaction and records who sent it, the
   * days' closing registers and the device's health. A replica new to the site when the site
   * already has `limits.maxReplicas` is refused with StoreLimitError; an upload to a replica
   * that has a secret, without that secret, with StoreForbiddenError. Either way nothing of the
   * upload is written. A replica's first upload with a secret keeps the secret's hash.
   */
  mergeUpload(
    upload: StoreUpload,
    deviceId: string,
    now: Date,
    limits?: MergeLimits,
  ): Promise<MergeResult>;
  /** Every replica's counts and closings of a site between two dates, inclusive. */
  readSiteDays(
    site: string,
    from: string,
    to: string,
  ): Promise<{ counts: StoredCount[]; closings: StoredClosing[] }>;
  /**
   * The site's days between two dates, inclusive, rolled up over every replica: the totals of
   * each day with counts (`hours: false` leaves the hourly totals out) in date order, and the
   * closing registers. The same figures `siteDays` makes of readSiteDays, kept at write time
   * (the site-days a write changed are rolled up again by the next read) so a year of a site
   * reads as 365 rows instead of every replica's every key.
   */
  readSiteTotals(
    site: string,
    from: string,
    to: string,
    options: { hours: boolean },
  ): Promise<{ days: StoredSiteTotals[]; closings: StoredClosing[] }>;
  /**
   * The site's whole-day totals (readSiteTotals' days with `hours: false`) summed over the days
   * between two dates, inclusive, by counter and option, in the order the keys first occur by
   * date; and how many of those dates have totals. Marked site-days are rolled up first, as
   * readSiteTotals does; the roll-up also keeps each month's sum (`site_month_totals`), so a
   * year reads about 12 month rows and the dates at its edges, not 365 days.
   */
  readSiteSums(site: string, from: string, to: string): Promise<StoredSiteSums>;
  /**
   * Rolls up every marked site-day of every site, as a reading of each would; answers how many
   * sites had any. The endpoint runs it every hour, so the marks of a site nobody reads stay
   * few (on PostgreSQL every upload adds one).
   */
  rollUpMarked(): Promise<number>;
  /**
   * Every site's dates with counts between two dates, inclusive, ascending, by site (a site with
   * none is left out): its kept site-day totals and its marked site-days, read as they are, so
   * nothing is rolled up. A mark is a date that has counts or just had them (a removed
   * replica's, until the next roll-up).
   */
  listCountedDates(from: string, to: string): Promise<Map<string, string[]>>;

  /**
   * Every replica the site has a `replicas` row for (every replica ever sent to it, until
   * removed), oldest first upload first, with the device that last sent it and its totals
   * over all its days. An unknown site has none.
   */
  listReplicas(site: string): Promise<ReplicaRecord[]>;
  /**
   * Removes a replica from its site whole, in one transaction: its `replicas` row (with its
   * secret's hash, so the next upload of it is taken as a new replica's, with the secret it
   * carries) and every count of every day. The site-day closing registers are the site's, not
   * the replica's, and stay. False when the site had nothing of that replica.
   */
  removeReplica(site: string, replica: string): Promise<boolean>;

  close(): Promise<void>;
}

/** The upload is for a replica whose secret it does not carry (403). */
export class StoreForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreForbiddenError';
  }
}

/** The database could not be reached or failed: the request may succeed later (503). */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'StoreUnavailableError';
  }
}

/** The default growth limits of a merge. */
export const DEFAULT_MERGE_LIMITS: MergeLimits = { maxReplicas: MAX_REPLICAS_PER_SITE };

/** A merge would pass one of a site's growth limits (409 `limit`); nothing was written. */
export class StoreLimitError extends Error {
  constructor(
    readonly limit: 'replicas',
    message: string,
  ) {
    super(message);
    this.name = 'StoreLimitError';
  }
}

/** A unique thing (a site slug, a device id) already exists. */
export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}

/** Stored in place of an absent option, so a key without one is a single row. */
export const NO_OPTION = '';
/** Stored in place of an absent hour, for the same reason. */
export const NO_HOUR = -1;

/** The grow-only row an upload's count becomes, with sentinels for absent parts of the key. */
export function countRow(count: Count) {
  const hasNok = count.incNok !== undefined || count.decNok !== undefined;
  return {
    counter: count.counter,
    option: count.option ?? NO_OPTION,
    hour: count.hour ?? NO_HOUR,
    inc: count.inc,
    dec: count.dec,
    incNok: count.incNok ?? 0,
    decNok: count.decNok ?? 0,
    hasNok: hasNok ? 1 : 0,
  };
}

// PostgreSQL returns BIGINT columns as strings, SQLite as numbers: both go through Number().
type Numeric = number | string;

/** The stored count back in the protocol's shape (sentinels become absent fields). */
export function storedCount(row: {
  date: string;
  replica: string;
  counter: string;
  option: string;
  hour: Numeric;
  inc: Numeric;
  dec: Numeric;
  incNok: Numeric;
  decNok: Numeric;
  hasNok: Numeric;
}): StoredCount {
  const count: StoredCount = {
    date: row.date,
    replica: row.replica,
    counter: row.counter,
    inc: Number(row.inc),
    dec: Number(row.dec),
  };
  if (row.option !== NO_OPTION) count.option = row.option;
  if (Number(row.hour) !== NO_HOUR) count.hour = Number(row.hour);
  if (Number(row.hasNok) > 0) {
    count.incNok = Number(row.incNok);
    count.decNok = Number(row.decNok);
  }
  return count;
}
