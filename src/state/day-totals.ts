/**
 * A day's totals as this tablet holds them, for the staff screens: summed over every replica,
 * what staff added per counter, and one counter's net (with its kroner). It only reads, and
 * re-reads after every write. Separate from tally.ts, which owns the staff writes: a screen
 * that shows the figures (the closing) reads them without the tally's actions.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { rollUp } from '../domain/tally.ts';
import type { Total } from '../shared/protocol.ts';
import { countsOfDay, staffNetOfDay } from '../storage/index.ts';
import type { KioskStorage, KioskStore } from './kiosk-store.ts';
import { useLiveQuery } from './use-live-query.ts';

/** The kiosk's open storage once it is ready (undefined before, or when it cannot open). */
export function useStorage(store: KioskStore): KioskStorage | undefined {
  const [storage, setStorage] = useState<KioskStorage | undefined>(undefined);
  useEffect(() => {
    let current = true;
    store.storage().then(
      (ready) => current && setStorage(ready),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [store]);
  return storage;
}

/** A day's totals summed over every replica on this tablet, re-read after every write. */
export function useDayTotals(store: KioskStore, day: string): Total[] | undefined {
  const storage = useStorage(store);
  const counts = useLiveQuery(storage ? () => countsOfDay(storage.db, day) : undefined, [
    storage,
    day,
  ]);
  return useMemo(() => (counts ? rollUp(counts) : undefined), [counts]);
}

/** What staff added per counter on a day (door taps left out), re-read after every write. */
export function useStaffNet(store: KioskStore, day: string): Map<string, number> | undefined {
  const storage = useStorage(store);
  return useLiveQuery(storage ? () => staffNetOfDay(storage.db, day) : undefined, [storage, day]);
}

/** The net count (and kroner) of a counter, or one of its options, in a day's totals. */
export function totalOf(
  totals: readonly Total[] | undefined,
  counter: string,
  option?: string,
): { net: number; amountNok?: number } {
  const found = totals?.find(
    (total) => total.counter === counter && total.option === option && total.hour === undefined,
  );
  if (found === undefined) return { net: 0 };
  return found.amountNok === undefined
    ? { net: found.net }
    : { net: found.net, amountNok: found.amountNok };
}
