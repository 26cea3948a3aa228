/**
 * How storage errors are told apart, without Dexie: the door's first-paint code asks these
 * questions before the database has loaded. It never handles an error itself.
 */

/** Errors after which a reopened connection may well succeed (Safari drops connections). */
export const REOPENABLE_ERRORS: ReadonlySet<string> = new Set([
  'DatabaseClosedError',
  'UnknownError',
  'InvalidStateError',
]);

/** Whether an error is a dropped or broken connection that reopening may cure. */
export function isReopenable(error: unknown): boolean {
  return error instanceof Error && REOPENABLE_ERRORS.has(error.name);
}

/** Whether an error is the quota running out (Dexie wraps it in an AbortError). */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  const inner = (error as Error & { inner?: unknown }).inner;
  return inner !== undefined && inner !== error && isQuotaError(inner);
}

/**
 * Whether a write failed only because its events (with ids fixed before the first attempt)
 * are already stored: an earlier attempt committed after all.
 */
export function isAlreadyStored(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConstraintError') return true;
  return error.name === 'BulkError' && /ConstraintError/.test(error.message);
}

/** The name of the error a write throws when the database's replica id is not the one it wrote for. */
export const REPLICA_CHANGED = 'ReplicaChangedError';

/**
 * Whether a write found a different database under it: wiped and recreated (with a new
 * replica id) while the app ran. The caller must reopen and write under the new id.
 */
export function isReplicaChanged(error: unknown): boolean {
  return error instanceof Error && error.name === REPLICA_CHANGED;
}
