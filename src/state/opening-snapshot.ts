/**
 * Keeps each business day's opening hours as they were that day, so today's schedule never
 * rewrites last year. Written off the tap's path, in a small transaction of its own: once the
 * door has settled (and daily after), at closing and when staff open the closing screen. Only
 * ever today's day: a past day seen later would be frozen with a schedule it never had.
 */
import { openingSnapshotOf } from '../domain/opening.ts';
import type { KioskStore } from './kiosk-store.ts';

/** Keeps today's opening snapshot (once; a day that has one keeps it); whether it wrote. */
export async function rememberOpening(store: KioskStore, day?: string): Promise<boolean> {
  const today = store.dayOf(store.now()).day;
  if (day !== undefined && day !== today) return false;
  const { keepOpeningSnapshot } = await import('../storage/index.ts');
  await store.storage();
  const opening = openingSnapshotOf(store.config.get(), today);
  return store.write(({ db, replica }) => keepOpeningSnapshot(db, replica, today, opening));
}
