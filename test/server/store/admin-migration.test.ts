/**
 * The admin-roles migration on SQLite: a database written before admin tokens had a label and a
 * role still opens, and its admin token keeps working, now as a `manage` token labelled `admin`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, it } from 'vitest';
import { SQLITE_MIGRATIONS } from '../../../src/server/store/schema.ts';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../src/server/store/index.ts';
import { newToken } from '../../../src/server/tokens.ts';
import { expectMigratedAdmin, OLD_ROWS } from './admin-migration.ts';

describe('SQLite migration to admin roles', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  // Schema 1 (per-key counts) and schema 2 (day rows) both came before admin roles.
  for (const version of [1, 2]) {
    it(`keeps the admin token of a schema ${version} database working, as manage`, async () => {
      dir = mkdtempSync(join(tmpdir(), 'terskel-admin-old-'));
      const db = new Database(join(dir, SQLITE_FILE_NAME));
      SQLITE_MIGRATIONS.slice(0, version).forEach((sql) => db.exec(sql));
      db.pragma(`user_version = ${version}`);
      const token = newToken();
      // Schema 1's per-key counts are folded into day rows and rolled up on the first read.
      const counts = version === 1;
      for (const row of OLD_ROWS(token, { counts })) {
        db.prepare(row.sql.replace(/\$\d+/g, '?')).run(...row.params);
      }
      db.close();

      const store = openSqliteStore({ dataDir: dir });
      try {
        await expectMigratedAdmin(store, token, { counts });
      } finally {
        await store.close();
      }
    });
  }
});
