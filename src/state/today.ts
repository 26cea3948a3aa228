/**
 * Hooks for what the door shows about today: the clock and its word. The day's status (open,
 * closed, the programme left) is computed by the door's after-paint chunk: the schedule and the
 * holidays are no first-paint code.
 */
import { useEffect, useState } from 'preact/hooks';
import type { WordOfDay } from '../shared/site-config.ts';
import type { KioskStore } from './kiosk-store.ts';

/** The current instant, refreshed every `everyMs`. */
export function useNow(store: KioskStore, everyMs = 30_000): number {
  const [now, setNow] = useState(() => store.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(store.now()), everyMs);
    return () => clearInterval(timer);
  }, [store, everyMs]);
  return now;
}

/** Today's *Ord for dagen* from the plan, once the database is open. */
export function useWordOfDay(store: KioskStore, day: string): WordOfDay | undefined {
  const [word, setWord] = useState<WordOfDay | undefined>(undefined);
  useEffect(() => {
    let current = true;
    store
      .storage()
      .then(async (ready) => {
        const { wordOn } = await import('../storage/words.ts');
        const found = await wordOn(ready.db, day);
        if (current) setWord(found);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [store, day]);
  return word;
}
