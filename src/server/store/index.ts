/**
 * The store room's face: the persistence contract, the two stores that keep it and the choice
 * between them, and the pure site-day roll-up. Other rooms import the store room only from here.
 */
export * from './store.ts';
export { openStoreFromEnv } from './open-store.ts';
export { openSqliteStore, SQLITE_FILE_NAME, type SqliteStoreOptions } from './sqlite-store.ts';
export { openPostgresStore, type PostgresStoreOptions } from './postgres-store.ts';
export { siteDays, siteDaysCsv, siteDaysJson, storedSiteDays } from './site-days.ts';
