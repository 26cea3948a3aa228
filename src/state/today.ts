/** Hooks for what the door shows about today: the clock, the day's status and its word. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { doorStatus, type DoorStatus } from '../domain/schedule.ts';
import type { SiteConfig, WordOfDay } from '../shared/site-config.ts';
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

export function useDoorStatus(config: SiteConfig, now: number): DoorStatus {
  return useMemo(() => doorStatus(config, now), [config, now]);
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
