/**
 * Who is here now, for a place with a capacity: today's net visits minus net check-outs on
 * this tablet, never below zero. It reads only today's tally, so it resets with the business
 * day. Check-outs and staff corrections are ordinary events; nothing is edited or deleted.
 */
import { useEffect, useState } from 'preact/hooks';
import { presenceEvent } from '../domain/door-events.ts';
import type { KioskStore, WriteOutcome } from './kiosk-store.ts';
import { useObservable } from './use-observable.ts';

/** Visits minus check-outs of a day on this tablet's own replica, unclamped. */
async function netPresent(store: KioskStore, day: string): Promise<number> {
  const ready = await store.storage();
  const rows = await ready.db.tally.where('[replica+day]').equals([ready.replica, day]).toArray();
  let net = 0;
  for (const row of rows) {
    if (row.counter === 'visit') net += row.inc - row.dec;
    else if (row.counter === 'checkout') net -= row.inc - row.dec;
  }
  return net;
}

/** How many are here now (today, this tablet), never below zero. */
export async function occupancyOf(store: KioskStore, day?: string): Promise<number> {
  return Math.max(0, await netPresent(store, day ?? store.dayOf(store.now()).day));
}

function countNow(
  store: KioskStore,
  counter: 'visit' | 'checkout',
  delta: number,
  source: 'door' | 'staff',
): Promise<WriteOutcome> {
  const at = store.now();
  return store.record([
    presenceEvent(store.config.get(), counter, delta, source, at, store.dayOf(at)),
  ]);
}

/** One visitor leaving. Nobody is counted out of an empty room, so occupancy stays ≥ 0. */
export async function checkOut(store: KioskStore): Promise<WriteOutcome> {
  store.needStorage(); // a write follows: it must not wait for start-up to settle
  const present = await occupancyOf(store).catch(() => 1);
  if (present === 0) return { stored: true, events: [] };
  return countNow(store, 'checkout', 1, 'door');
}

/**
 * Staff's "her nå: N" when people left without checking out (or came without checking in):
 * the difference is recorded as staff check-outs or staff visits.
 */
export async function correctOccupancy(
  store: KioskStore,
  present: number,
): Promise<WriteOutcome | undefined> {
  const difference = present - (await netPresent(store, store.dayOf(store.now()).day));
  if (difference === 0) return undefined;
  return difference > 0
    ? countNow(store, 'visit', difference, 'staff')
    : countNow(store, 'checkout', -difference, 'staff');
}

/** Today's occupancy, re-read after every stored write; undefined until read or when off. */
export function useOccupancy(store: KioskStore, day: string, enabled: boolean): number | undefined {
  const stored = useObservable(store.stored);
  const [present, setPresent] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    occupancyOf(store, day).then(
      (found) => current && setPresent(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [store, day, stored, enabled]);
  return enabled ? present : undefined;
}
