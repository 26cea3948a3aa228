/**
 * Chooses the store from the environment, the same way for the server and the CLI:
 * PostgreSQL when DATABASE_URL is set, otherwise the SQLite file in DATA_DIR (default ./data).
 */
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** Opens the store the environment names, migrated and ready. */
export async function openStoreFromEnv(
  env: Record<string, string | undefined>,
  onPoolError?: (error: Error) => void,
): Promise<{ store: Store; description: string }> {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    const store = await openPostgresStore({
      connectionString: url,
      ...(onPoolError ? { onPoolError } : {}),
    });
    return { store, description: `PostgreSQL (${redactUrl(url)})` };
  }
  const dataDir = env.DATA_DIR?.trim() || './data';
  return { store: openSqliteStore({ dataDir }), description: `SQLite in ${dataDir}` };
}

// A connection string may carry a password; what is printed carries only host and database.
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
