import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPostgresStore } from '../../../src/server/store/index.ts';
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
}
