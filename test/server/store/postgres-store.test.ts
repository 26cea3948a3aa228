import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/server/store/schema.ts';
import { openPostgresStore } from '../../../src/server/store/index.ts';
import { newToken } from '../../../src/server/tokens.ts';
import { expectMigratedAdmin, OLD_ROWS } from './admin-migration.ts';
import { expectSumsAfterUpgrade, oldKeptRows, OLD_SITE } from './month-totals-migration.ts';
import { storeContract } from './store-contract.ts';

const url = process.env.TEST_DATABASE_URL;

if (!url) {
  // A missing database fails the run: the PostgreSQL store is not optional, only absent here.
  describe('PostgreSQL store contract', () => {
    it('needs a PostgreSQL server', () => {
      throw new Error(
        'TEST_DATABASE_URL is not set. Run the tests through ' +
          '`bash test/support/with-postgres.sh npx vitest run --project unit test/server` ' +
          '(it starts a throwaway cluster, installing postgresql from Debian if missing), ' +
          'or install postgresql and set TEST_DATABASE_URL to an empty database.',
      );
    });
  });
} else {
  // Each store gets its own schema, so runs and tests never see each other's rows.
  storeContract('PostgreSQL', async () => {
    const schema = `terskel_test_${randomBytes(6).toString('hex')}`;
    const store = await openPostgresStore({ connectionString: url, schema });
    return {
      store,
      dispose: async () => {
        await store.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  });

  describe('PostgreSQL migration to admin roles', () => {
    it('keeps the admin token of a schema 1 database working, as manage', async () => {
      const schema = `terskel_test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // The database as an endpoint of before admin roles left it: schema 1 and its rows.
        await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
        await client.query(MIGRATIONS[0]!);
        await client.query(
          'CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)',
        );
        await client.query("INSERT INTO schema_migrations VALUES (1, '2026-01-05T10:00:00Z')");
        const token = newToken();
        for (const row of OLD_ROWS(token, { counts: true })) {
          await client.query(row.sql, row.params);
        }

        const store = await openPostgresStore({ connectionString: url, schema });
        try {
          await expectMigratedAdmin(store, token, { counts: true });
        } finally {
          await store.close();
        }
      } finally {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    });
  });

  describe('PostgreSQL migration to month totals', () => {
    it('sums the site-days kept before it into months on the first reading', async () => {
      // Version 6 kept site-day totals; version 7 adds the month totals.
      const beforeMonths = 6;
      const schema = `terskel_test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
        for (const migration of MIGRATIONS.slice(0, beforeMonths)) await client.query(migration);
        await client.query(
          'CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)',
        );
        await client.query(
          `INSERT INTO schema_migrations
           SELECT v, '2025-01-01T10:00:00Z' FROM generate_series(1, ${beforeMonths}) AS v`,
        );
        for (const row of oldKeptRows('postgres')) await client.query(row.sql, row.params);

        const store = await openPostgresStore({ connectionString: url, schema });
        try {
          await expectSumsAfterUpgrade(store);
        } finally {
          await store.close();
        }
        // The sums were read from month rows, one per month with a kept day.
        const months = await client.query(
          'SELECT month, days::int AS days FROM site_month_totals WHERE site = $1 ORDER BY month',
          [OLD_SITE],
        );
        expect(months.rows).toEqual([
          { month: '2025-01', days: 1 },
          { month: '2025-02', days: 1 },
          { month: '2025-03', days: 1 },
        ]);
      } finally {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    });
  });
}
