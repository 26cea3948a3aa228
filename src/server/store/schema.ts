/**
 * The endpoint's tables, as migrations in order. Version 1 is plain enough for SQLite and
 * PostgreSQL both; from version 2 the SQLite store keeps its counts differently (one row per
 * replica and day, see SQLITE_MIGRATIONS), so the two lists are split explicitly. Append new
 * migrations; never edit one.
 */

/**
 * The migration "admin roles and audit log", one step of its own in each dialect's list. Admin
 * tokens gain an id (what `admin list` shows and `admin revoke` takes: never the hash), a label
 * (written in the audit log) and a role: `read` sees everything, `manage` also changes sites,
 * devices and admin tokens. Tokens made before it were all-powerful, so they become `manage`,
 * labelled `admin`. The audit log keeps who (a token's label, never the token) did what to
 * which site, device or admin token, and when. Only the random ids and the log's own key
 * differ between the dialects.
 */
function adminRolesMigration(dialect: 'sqlite' | 'postgres'): string {
  // A random UUID (version 4) for each existing token: SQLite has no UUID function.
  const randomId =
    dialect === 'postgres'
      ? 'gen_random_uuid()::text'
      : `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
          substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||
          substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
  const logKey = dialect === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY';
  return `
  ALTER TABLE admin_tokens ADD COLUMN id TEXT;
  ALTER TABLE admin_tokens ADD COLUMN label TEXT NOT NULL DEFAULT 'admin';
  ALTER TABLE admin_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'manage'
    CHECK (role IN ('read', 'manage'));
  UPDATE admin_tokens SET id = ${randomId};
  CREATE UNIQUE INDEX admin_tokens_id ON admin_tokens (id);
  CREATE TABLE audit_log (
    seq ${logKey},
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT
  );
  `;
}

/**
 * The migration "protocol version 2", the same in both dialects (PROTOCOL.md, version 2):
 *
 * - A closing belongs to the site-day: `day_closings` holds one row per site and date with two
 *   last-writer-wins registers, the closing (`closed`, `at`, `replica`) and the cash count
 *   (`cash_at_ms`, `cash_replica`, `cash_counted_nok`; -1 and '' while no cash was counted).
 *   Each replica's last closing in `closings` folds into it: the latest by (`at`, replica) closes
 *   the day, and the latest closing that counted cash gives the cash — once, not summed over
 *   tablets. `closings` goes.
 * - A replica is written only by its owner: `replicas.secret_hash`, kept from the first upload
 *   that carries a secret.
 * - Tablets report their health: `devices.health` (JSON) and `devices.health_at`.
 */
const PROTOCOL_V2_MIGRATION = `
  CREATE TABLE day_closings (
    site TEXT NOT NULL REFERENCES sites (slug),
    date TEXT NOT NULL,
    closed BIGINT NOT NULL,
    at TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    replica TEXT NOT NULL,
    cash_at_ms BIGINT NOT NULL,
    cash_replica TEXT NOT NULL,
    cash_counted_nok BIGINT,
    PRIMARY KEY (site, date)
  );
  INSERT INTO day_closings
    (site, date, closed, at, at_ms, replica, cash_at_ms, cash_replica, cash_counted_nok)
  SELECT l.site, l.date, 1, l.at, l.at_ms, l.replica,
         COALESCE(c.at_ms, -1), COALESCE(c.replica, ''), c.cash_counted_nok
  FROM (SELECT site, date, at, at_ms, replica,
               ROW_NUMBER() OVER (PARTITION BY site, date ORDER BY at_ms DESC, replica DESC) AS n
        FROM closings) l
  LEFT JOIN (SELECT site, date, at_ms, replica, cash_counted_nok,
                    ROW_NUMBER() OVER (PARTITION BY site, date
                                       ORDER BY at_ms DESC, replica DESC, cash_counted_nok DESC) AS n
             FROM closings WHERE cash_counted_nok IS NOT NULL) c
    ON c.site = l.site AND c.date = l.date AND c.n = 1
  WHERE l.n = 1;
  DROP TABLE closings;
  ALTER TABLE replicas ADD COLUMN secret_hash TEXT;
  ALTER TABLE devices ADD COLUMN health TEXT;
  ALTER TABLE devices ADD COLUMN health_at TEXT;
`;

/**
 * The migration "configuration travels", the same in both dialects: a site's published
 * configuration and *Ord for dagen* plan, one row per site, its version counted up by each
 * publish (PROTOCOL.md, version 2).
 */
const SITE_CONFIG_MIGRATION = `
  CREATE TABLE site_configs (
    site TEXT PRIMARY KEY REFERENCES sites (slug),
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  );
`;

/**
 * The migration "the organisation's view of replicas", the same in both dialects: `replicas`
 * gains `first_sent_at`, when the endpoint first accepted an upload of the replica, written on
 * insert only (UPSERT_REPLICA_SQL). The endpoint did not keep that time before, so an existing
 * replica's first upload becomes its last one, the earliest time known for it.
 */
const REPLICA_FIRST_SENT_MIGRATION = `
  ALTER TABLE replicas ADD COLUMN first_sent_at TEXT;
  UPDATE replicas SET first_sent_at = last_sent_at;
`;

/**
 * The migration "site-day totals kept for reading": `site_day_totals` holds each site-day's
 * totals over every replica, rolled up once (`site-days.ts`) instead of on every read, as the
 * protocol's JSON of the day's `totals` with and without the hourly ones. A write that changes a
 * replica's counts of a day marks the site-day in `stale_site_days`, in the same transaction; a
 * read rolls up the site's marked days first (`refreshSiteTotals` of each store). In SQLite,
 * where one writer runs at a time, a mark is one row per site-day. In PostgreSQL every write adds
 * its own mark (no key, so parallel uploads of one site-day never wait for each other) and the
 * roll-up deletes only the marks its snapshot sees, so a write it cannot see keeps its mark for
 * the next one. Every site-day that has counts starts marked.
 */
function siteTotalsMigration(dialect: 'sqlite' | 'postgres'): string {
  const counts = dialect === 'postgres' ? 'counts' : 'day_counts';
  const staleKey = dialect === 'postgres' ? '' : ',\n    PRIMARY KEY (site, date)';
  return `
  CREATE TABLE site_day_totals (
    site TEXT NOT NULL REFERENCES sites (slug),
    date TEXT NOT NULL,
    replicas BIGINT NOT NULL,
    totals TEXT NOT NULL,
    daily TEXT NOT NULL,
    PRIMARY KEY (site, date)
  );
  CREATE TABLE stale_site_days (
    site TEXT NOT NULL,
    date TEXT NOT NULL${staleKey}
  );
  ${dialect === 'postgres' ? 'CREATE INDEX stale_site_days_site ON stale_site_days (site);' : ''}
  INSERT INTO stale_site_days (site, date) SELECT DISTINCT site, date FROM ${counts};
  `;
}

/**
 * The migration "month totals kept for sums": `site_month_totals` holds, per site and month
 * (`YYYY-MM`), the sum of that month's kept whole-day totals (`site_day_totals.daily` summed by
 * the domain's `sumTotals`, as JSON) and how many of its site-days have totals. Each store's
 * roll-up (`refreshSiteTotals`) writes the months of the site-days it rolled up, in the same
 * transaction, so a period's sums read a year of a site as about 12 rows instead of 365. Every
 * site-day with kept totals is marked again, so the first read after the upgrade fills the
 * months (SQLite's marks have a key; PostgreSQL's do not and take duplicates).
 */
function siteMonthTotalsMigration(dialect: 'sqlite' | 'postgres'): string {
  const insert = dialect === 'postgres' ? 'INSERT INTO' : 'INSERT OR IGNORE INTO';
  return `
  CREATE TABLE site_month_totals (
    site TEXT NOT NULL REFERENCES sites (slug),
    month TEXT NOT NULL,
    days BIGINT NOT NULL,
    daily TEXT NOT NULL,
    PRIMARY KEY (site, month)
  );
  ${insert} stale_site_days (site, date) SELECT site, date FROM site_day_totals;
  `;
}

/** PostgreSQL's migrations by position (index 0 is version 1); SQLite starts from these. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sites (
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    site TEXT NOT NULL REFERENCES sites (slug),
    label TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    last_seen_at TEXT,
    app_version TEXT
  );
  CREATE INDEX devices_site ON devices (site);
  CREATE TABLE admin_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE pairing_codes (
    code_hash TEXT PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices (id),
    sealed_token TEXT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE counts (
    site TEXT NOT NULL REFERENCES sites (slug),
    replica TEXT NOT NULL,
    date TEXT NOT NULL,
    counter TEXT NOT NULL,
    option_id TEXT NOT NULL,
    hour BIGINT NOT NULL,
    increments BIGINT NOT NULL,
    decrements BIGINT NOT NULL,
    inc_nok BIGINT NOT NULL,
    dec_nok BIGINT NOT NULL,
    has_nok BIGINT NOT NULL,
    PRIMARY KEY (site, replica, date, counter, option_id, hour)
  );
  CREATE INDEX counts_site_date ON counts (site, date);
  CREATE TABLE closings (
    site TEXT NOT NULL REFERENCES sites (slug),
    replica TEXT NOT NULL,
    date TEXT NOT NULL,
    at TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    cash_counted_nok BIGINT,
    PRIMARY KEY (site, replica, date)
  );
  CREATE INDEX closings_site_date ON closings (site, date);
  CREATE TABLE replicas (
    site TEXT NOT NULL REFERENCES sites (slug),
    replica TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices (id),
    last_sent_at TEXT NOT NULL,
    PRIMARY KEY (site, replica)
  );
  `,
  // Admin roles and the audit log; see adminRolesMigration below.
  adminRolesMigration('postgres'),
  PROTOCOL_V2_MIGRATION,
  SITE_CONFIG_MIGRATION,
  REPLICA_FIRST_SENT_MIGRATION,
  siteTotalsMigration('postgres'),
  siteMonthTotalsMigration('postgres'),
];

/**
 * SQLite's migrations: version 1 is PostgreSQL's; version 2 replaces the `counts` table (one
 * row per key) by `day_counts`, one row per (site, date, replica) whose `counts` is a JSON
 * object of DayCounts (see `sqlite-day-counts.ts`): a typical upload is one row to read and
 * write instead of a statement per key. The old rows are folded into the new ones in the same
 * transaction as the rest of the migration. PostgreSQL keeps `counts`. Version 3 is the admin
 * roles step (PostgreSQL's version 2), version 4 protocol version 2's (PostgreSQL's version 3),
 * version 5 the published configuration's (PostgreSQL's version 4), version 6 the replicas'
 * first upload (PostgreSQL's version 5), version 7 the site-day totals (PostgreSQL's version 6),
 * version 8 the month totals (PostgreSQL's version 7).
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // Only version 1 is shared; every later migration is written for each dialect.
  MIGRATIONS[0]!,
  `
  CREATE TABLE day_counts (
    site TEXT NOT NULL REFERENCES sites (slug),
    date TEXT NOT NULL,
    replica TEXT NOT NULL,
    counts TEXT NOT NULL,
    PRIMARY KEY (site, date, replica)
  );
  INSERT INTO day_counts (site, date, replica, counts)
  SELECT site, date, replica,
         json_group_object(
           counter || '|' || option_id || '|' || CASE WHEN hour < 0 THEN '' ELSE CAST(hour AS TEXT) END,
           CASE WHEN has_nok > 0 THEN json_array(increments, decrements, inc_nok, dec_nok)
                ELSE json_array(increments, decrements) END)
  FROM counts GROUP BY site, date, replica;
  DROP TABLE counts;
  `,
  // Admin roles and the audit log; see adminRolesMigration.
  adminRolesMigration('sqlite'),
  PROTOCOL_V2_MIGRATION,
  SITE_CONFIG_MIGRATION,
  REPLICA_FIRST_SENT_MIGRATION,
  siteTotalsMigration('sqlite'),
  siteMonthTotalsMigration('sqlite'),
];

/** SQLite: a replica's day counts, to merge in JS. */
export const SQLITE_SELECT_DAY_COUNTS_SQL = `
  SELECT counts FROM day_counts WHERE site = ? AND date = ? AND replica = ?`;

/** SQLite: writes back a replica's merged day counts (already the maximum of stored and sent). */
export const SQLITE_UPSERT_DAY_COUNTS_SQL = `
  INSERT INTO day_counts (site, date, replica, counts) VALUES (?, ?, ?, ?)
  ON CONFLICT (site, date, replica) DO UPDATE SET counts = excluded.counts`;

/** SQLite: a site's replica-days between two dates, inclusive. */
export const SQLITE_SELECT_SITE_DAY_COUNTS_SQL = `
  SELECT date, replica, counts FROM day_counts WHERE site = ? AND date >= ? AND date <= ?`;

// Both stores run the same statements, so the merge rules are written once. Parameters are
// written `$n` for PostgreSQL, each used once and in order, so SQLite can read them as `?`.

/** The columns of a count row of PostgreSQL's `counts` (and SQLite's before version 2). */
export const COUNT_COLUMNS = `site, replica, date, counter, option_id, hour,
  increments, decrements, inc_nok, dec_nok, has_nok`;

/**
 * Max-merge of a count row in `counts` (PostgreSQL; SQLite merges its day rows in JS, by the same
 * rule): every grow-only number becomes the larger of stored and sent.
 * `greatest` is the dialect's two-argument maximum (`max` in SQLite, `GREATEST` in PostgreSQL).
 */
export const countMergeSql = (greatest: 'max' | 'GREATEST') => `
  ON CONFLICT (site, replica, date, counter, option_id, hour) DO UPDATE SET
    increments = ${greatest}(counts.increments, excluded.increments),
    decrements = ${greatest}(counts.decrements, excluded.decrements),
    inc_nok = ${greatest}(counts.inc_nok, excluded.inc_nok),
    dec_nok = ${greatest}(counts.dec_nok, excluded.dec_nok),
    has_nok = ${greatest}(counts.has_nok, excluded.has_nok)`;

// The closing register's order: (at_ms, replica, closed) — later wins, a tie goes to the higher
// replica id and then to a close. The cash register's: (cash_at_ms, cash_replica, cash). Each is a
// maximum under a total order, so merging is order-free and idempotent (PROTOCOL.md).
const LATER_CLOSING = `(excluded.at_ms, excluded.replica, excluded.closed)
  > (day_closings.at_ms, day_closings.replica, day_closings.closed)`;
const LATER_CASH = `(excluded.cash_at_ms, excluded.cash_replica, COALESCE(excluded.cash_counted_nok, -1))
  > (day_closings.cash_at_ms, day_closings.cash_replica, COALESCE(day_closings.cash_counted_nok, -1))`;
const takeIf = (later: string, column: string) =>
  `${column} = CASE WHEN ${later} THEN excluded.${column} ELSE day_closings.${column} END`;

/**
 * Writes a closing or reopening into its site-day's registers. Every SET expression reads the
 * row as it was, so the two comparisons see the stored registers, not half-updated ones.
 */
export const UPSERT_CLOSING_SQL = `
  INSERT INTO day_closings
    (site, date, closed, at, at_ms, replica, cash_at_ms, cash_replica, cash_counted_nok)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (site, date) DO UPDATE SET
    ${['closed', 'at', 'at_ms', 'replica'].map((column) => takeIf(LATER_CLOSING, column)).join(',\n    ')},
    ${['cash_at_ms', 'cash_replica', 'cash_counted_nok'].map((column) => takeIf(LATER_CASH, column)).join(',\n    ')}`;

/** Which device last sent a replica; its first upload's time and first secret's hash stay. */
export const UPSERT_REPLICA_SQL = `
  INSERT INTO replicas (site, replica, device_id, first_sent_at, last_sent_at, secret_hash)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (site, replica) DO UPDATE SET
    device_id = excluded.device_id, last_sent_at = excluded.last_sent_at,
    secret_hash = COALESCE(replicas.secret_hash, excluded.secret_hash)`;

/** A device's last contact and, when it says, its app version and health (JSON) with its time. */
export const TOUCH_DEVICE_SQL = `
  UPDATE devices SET last_seen_at = $1, app_version = COALESCE($2, app_version),
    health = COALESCE($3, health), health_at = COALESCE($4, health_at)
  WHERE id = $5`;

/** Consumes a live pairing code of a device that is not revoked, in one statement. */
export const REDEEM_PAIRING_SQL = `
  DELETE FROM pairing_codes
  WHERE code_hash = $1 AND expires_at_ms > $2
    AND device_id IN (SELECT id FROM devices WHERE revoked_at IS NULL)
  RETURNING device_id, sealed_token`;

/** The site of the device a redeemed code was for. */
export const DEVICE_SITE_SQL = `SELECT site FROM devices WHERE id = $1`;

/** Forgets codes that can no longer be redeemed, so their sealed tokens do not linger. */
export const PRUNE_PAIRING_SQL = `DELETE FROM pairing_codes WHERE expires_at_ms <= $1`;

/** PostgreSQL's count rows in the shape `storedCount` reads. */
const SELECT_COUNT_ROWS = `
  SELECT date, replica, counter, option_id AS "option", hour,
         increments AS "inc", decrements AS "dec", inc_nok AS "incNok", dec_nok AS "decNok",
         has_nok AS "hasNok"
  FROM counts`;

/** A site's stored counts between two dates, inclusive (PostgreSQL's `counts`). */
export const SELECT_COUNTS_SQL = `${SELECT_COUNT_ROWS} WHERE site = $1 AND date >= $2 AND date <= $3`;

/** A site's closing registers between two dates, inclusive. */
export const SELECT_CLOSINGS_SQL = `
  SELECT date, closed, at, replica, cash_counted_nok AS "cashCountedNok"
  FROM day_closings WHERE site = $1 AND date >= $2 AND date <= $3`;

/** Devices with their record fields, optionally of one site. */
export const SELECT_DEVICES_SQL = `
  SELECT id, site, label, created_at AS "createdAt", revoked_at AS "revokedAt",
         last_seen_at AS "lastSeenAt", app_version AS "appVersion", health,
         health_at AS "healthAt"
  FROM devices`;

/**
 * A site's replicas with the device that last sent each, and its first and last upload (a
 * replica sent before the endpoint kept first uploads has its last as its first).
 */
export const SELECT_REPLICAS_SQL = `
  SELECT r.replica, r.device_id AS "deviceId", d.label AS "deviceLabel",
         d.revoked_at AS "deviceRevokedAt",
         COALESCE(r.first_sent_at, r.last_sent_at) AS "firstSentAt", r.last_sent_at AS "lastSentAt"
  FROM replicas r JOIN devices d ON d.id = r.device_id
  WHERE r.site = $1`;

/** PostgreSQL: how many dates each replica of a site has counts for, and the first and last. */
export const PG_REPLICA_DAYS_SQL = `
  SELECT replica, COUNT(DISTINCT date) AS days, MIN(date) AS "firstDate", MAX(date) AS "lastDate"
  FROM counts WHERE site = $1 GROUP BY replica`;

/** PostgreSQL: each replica's net (and kroner) per counter over all its keys and days. */
export const PG_REPLICA_TOTALS_SQL = `
  SELECT replica, counter, SUM(increments - decrements) AS net,
         SUM(inc_nok - dec_nok) AS "amountNok", MAX(has_nok) AS "hasNok"
  FROM counts WHERE site = $1 GROUP BY replica, counter`;

/**
 * SQLite: every replica-day of a site, whose counts are summed in JS (`replicaSums`): parsing
 * the JSON there is several times faster than reading each value with json_extract in SQL.
 */
export const SQLITE_SELECT_REPLICA_DAYS_SQL = `
  SELECT date, replica, counts FROM day_counts WHERE site = ?`;

/** A replica's `replicas` row (with its secret's hash): `$1` the site, `$2` the replica. */
export const DELETE_REPLICA_SQL = 'DELETE FROM replicas WHERE site = $1 AND replica = $2';
/** PostgreSQL: a replica's counts, every key of every day. */
export const PG_DELETE_REPLICA_COUNTS_SQL = 'DELETE FROM counts WHERE site = $1 AND replica = $2';
/** SQLite: a replica's day rows. */
export const SQLITE_DELETE_REPLICA_COUNTS_SQL =
  'DELETE FROM day_counts WHERE site = $1 AND replica = $2';

// Site-day totals (siteTotalsMigration): marks written with the counts, rolled up on read.

/** SQLite: marks a site-day whose counts changed (one mark a site-day). */
export const SQLITE_MARK_STALE_SQL =
  'INSERT OR IGNORE INTO stale_site_days (site, date) VALUES ($1, $2)';
/** PostgreSQL: marks the site-days `$2` (a text array) of site `$1`, a mark of this write's own. */
export const PG_MARK_STALE_SQL =
  'INSERT INTO stale_site_days (site, date) SELECT $1, unnest($2::text[])';
/** SQLite: marks every site-day a replica has counts on (before they are removed). */
export const SQLITE_MARK_REPLICA_STALE_SQL = `
  INSERT OR IGNORE INTO stale_site_days (site, date)
  SELECT DISTINCT site, date FROM day_counts WHERE site = $1 AND replica = $2`;
/** PostgreSQL: marks every site-day a replica has counts on (before they are removed). */
export const PG_MARK_REPLICA_STALE_SQL = `
  INSERT INTO stale_site_days (site, date)
  SELECT DISTINCT site, date FROM counts WHERE site = $1 AND replica = $2`;
/**
 * Every site's dates with counts between two dates, inclusive (`$1`–`$2` and `$3`–`$4`, the same
 * twice): kept totals and marks not rolled up yet, each date once, by site and date.
 */
export const SELECT_COUNTED_DATES_SQL = `
  SELECT site, date FROM site_day_totals WHERE date >= $1 AND date <= $2
  UNION
  SELECT site, date FROM stale_site_days WHERE date >= $3 AND date <= $4
  ORDER BY 1, 2`;
/** Every site with a marked site-day (the endpoint's hourly roll-up). */
export const MARKED_SITES_SQL = 'SELECT DISTINCT site FROM stale_site_days';
/** Whether the site has a marked site-day, so a read with nothing to roll up writes nothing. */
export const HAS_STALE_SQL = 'SELECT 1 AS stale FROM stale_site_days WHERE site = $1 LIMIT 1';
/** Takes the site's marks (those the statement sees), answering their dates. */
export const TAKE_STALE_SQL = 'DELETE FROM stale_site_days WHERE site = $1 RETURNING date';
/** SQLite: writes a site-day's rolled-up totals. */
export const SQLITE_UPSERT_SITE_TOTALS_SQL = `
  INSERT INTO site_day_totals (site, date, replicas, totals, daily) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (site, date) DO UPDATE
  SET replicas = excluded.replicas, totals = excluded.totals, daily = excluded.daily`;
/** SQLite: forgets a site-day's totals once no replica has counts on it (a removed replica's). */
export const SQLITE_DELETE_SITE_TOTALS_SQL =
  'DELETE FROM site_day_totals WHERE site = $1 AND date = $2';
/** PostgreSQL: writes many site-days' rolled-up totals, as parallel arrays. */
export const PG_UPSERT_SITE_TOTALS_SQL = `
  INSERT INTO site_day_totals (site, date, replicas, totals, daily)
  SELECT $1, u.date, u.replicas, u.totals, u.daily
  FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[]) AS u(date, replicas, totals, daily)
  ON CONFLICT (site, date) DO UPDATE
  SET replicas = excluded.replicas, totals = excluded.totals, daily = excluded.daily`;
/** PostgreSQL: forgets the totals of the site-days `$2` (a text array), none left on them. */
export const PG_DELETE_SITE_TOTALS_SQL =
  'DELETE FROM site_day_totals WHERE site = $1 AND date = ANY($2::text[])';
/**
 * A site's rolled-up days and closing registers between two dates, inclusive, as rows of either
 * kind (the other side's columns null), with (`totals`) or without the hourly totals: one
 * statement, so both are of the same moment without a transaction. `$1`–`$3` and `$4`–`$6` are
 * the site, from and to, twice.
 */
export const selectSiteTotalsSql = (hours: boolean) => `
  SELECT date, replicas, ${hours ? 'totals' : 'daily'} AS totals,
         NULL AS closed, NULL AS at, NULL AS replica, NULL AS "cashCountedNok"
  FROM site_day_totals WHERE site = $1 AND date >= $2 AND date <= $3
  UNION ALL
  SELECT date, NULL, NULL, closed, at, replica, cash_counted_nok
  FROM day_closings WHERE site = $4 AND date >= $5 AND date <= $6
  ORDER BY 1`;
/** PostgreSQL: a site's stored counts on the dates `$2` (a text array). */
export const PG_SELECT_COUNTS_OF_DATES_SQL = `${SELECT_COUNT_ROWS} WHERE site = $1 AND date = ANY($2::text[])`;

// Month totals (siteMonthTotalsMigration): written by the roll-up, read by a period's sums.

/**
 * The kept whole-day totals of a site between two dates, inclusive, in date order: a month's
 * days (`$2` its first day, `$3` its `-31`, which no date of the month passes) to sum anew.
 */
export const SELECT_DAILY_TOTALS_SQL = `
  SELECT date, daily FROM site_day_totals WHERE site = $1 AND date >= $2 AND date <= $3
  ORDER BY date`;
/** SQLite: writes a site-month's summed totals. */
export const SQLITE_UPSERT_MONTH_TOTALS_SQL = `
  INSERT INTO site_month_totals (site, month, days, daily) VALUES ($1, $2, $3, $4)
  ON CONFLICT (site, month) DO UPDATE SET days = excluded.days, daily = excluded.daily`;
/** SQLite: forgets a site-month none of whose days has totals left. */
export const SQLITE_DELETE_MONTH_TOTALS_SQL =
  'DELETE FROM site_month_totals WHERE site = $1 AND month = $2';
/** PostgreSQL: the kept whole-day totals of the months `$2` (a text array), in date order. */
export const PG_SELECT_MONTHS_DAILY_SQL = `
  SELECT t.date, t.daily FROM unnest($2::text[]) AS m(month)
  JOIN site_day_totals t
    ON t.site = $1 AND t.date >= (m.month || '-01') AND t.date <= (m.month || '-31')
  ORDER BY t.date`;
/** PostgreSQL: writes many site-months' summed totals, as parallel arrays. */
export const PG_UPSERT_MONTH_TOTALS_SQL = `
  INSERT INTO site_month_totals (site, month, days, daily)
  SELECT $1, u.month, u.days, u.daily
  FROM unnest($2::text[], $3::bigint[], $4::text[]) AS u(month, days, daily)
  ON CONFLICT (site, month) DO UPDATE SET days = excluded.days, daily = excluded.daily`;
/** PostgreSQL: forgets the site-months `$2` (a text array), none of whose days has totals. */
export const PG_DELETE_MONTH_TOTALS_SQL =
  'DELETE FROM site_month_totals WHERE site = $1 AND month = ANY($2::text[])';
/**
 * A period's rows to sum, in one statement (one moment, without a transaction): the kept month
 * rows of the whole months inside it (`$2`–`$3`, none when `$2` is later), then the kept day rows
 * of its other dates (`$5`–`$6` the period, `$7`–`$8` the whole months' first and last day, to
 * leave out), each with how many site-days it sums. Ordered by month or date, so the sums' keys
 * come in the order they first occur. `siteSumsParams` gives the parameters.
 */
export const SELECT_SITE_SUMS_SQL = `
  SELECT month AS period, days, daily FROM site_month_totals
  WHERE site = $1 AND month >= $2 AND month <= $3
  UNION ALL
  SELECT date, 1, daily FROM site_day_totals
  WHERE site = $4 AND date >= $5 AND date <= $6 AND (date < $7 OR date > $8)
  ORDER BY 1`;
