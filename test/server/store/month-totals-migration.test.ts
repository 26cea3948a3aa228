/**
 * The month totals' migration on SQLite: a data directory whose site-days were rolled up before
 * `site_month_totals` existed answers a period's sums right once it is opened by this endpoint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from '../../../src/server/store/schema.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../src/server/store/index.ts';
import { expectSumsAfterUpgrade, oldKeptRows, OLD_SITE } from './month-totals-migration.ts';

// Version 7 kept site-day totals; version 8 adds the month totals.
const BEFORE_MONTHS = 7;

describe('SQLite migration to month totals', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('sums the site-days kept before it into months on the first reading', async () => {
    dir = mkdtempSync(join(tmpdir(), 'terskel-months-old-'));
    const file = join(dir, SQLITE_FILE_NAME);
    const db = new Database(file);
    SQLITE_MIGRATIONS.slice(0, BEFORE_MONTHS).forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${BEFORE_MONTHS}`);
    for (const row of oldKeptRows('sqlite')) {
      db.prepare(row.sql.replace(/\$\d+/g, '?')).run(...row.params);
    }
    db.close();

    const store = openSqliteStore({ dataDir: dir });
    try {
      await expectSumsAfterUpgrade(store);
    } finally {
      await store.close();
    }
    const upgraded = new Database(file, { readonly: true });
    try {
      // The sums were read from month rows, one per month with a kept day.
      expect(
        upgraded
          .prepare('SELECT month, days FROM site_month_totals WHERE site = ? ORDER BY month')
          .all(OLD_SITE),
      ).toEqual([
        { month: '2025-01', days: 1 },
        { month: '2025-02', days: 1 },
        { month: '2025-03', days: 1 },
      ]);
    } finally {
      upgraded.close();
    }
  });
});
