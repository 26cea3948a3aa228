/**
 * A component's view of a Dexie query that re-reads after every write to what it read, in
 * this tab or another. Imported directly (not through state/index.ts) so the door's first
 * paint never loads Dexie.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest result of `query`, undefined until the first one; re-subscribes when deps change. */
export function useLiveQuery<T>(
  query: (() => Promise<T>) | undefined,
  deps: readonly unknown[],
): T | undefined {
  const [result, setResult] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (query === undefined) return;
    const subscription = liveQuery(query).subscribe({
      next: setResult,
      // A failed read leaves the last result showing; the next write tries again.
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}
