/**
 * A tablet whose storage is full: a write that meets a quota error makes room by pruning raw
 * events (at most once a minute) and tries once more, then stores the tally state alone, so
 * the count goes on. It owns staff mode's storage banner; it never drops a tally.
 */
import { isAlreadyStored, isQuotaError } from '../../storage/record.ts';
import type { EventInput, RecordOptions } from '../../storage/index.ts';
import { readSetting } from '../../storage/settings.ts';
import { observable, type Observable } from '../observable.ts';
import type { KioskStorage } from './connection.ts';

/** A storage problem staff mode shows as a banner: 'quota' = the tablet's storage is full. */
export type StorageProblem = 'quota';

/** How long after pruning for space a quota error goes straight to tally-only writes. */
export const PRUNE_FOR_SPACE_EVERY_MS = 60_000;

export interface QuotaStore {
  /** Set on a quota error; cleared once writes store in full again. */
  storageProblem: Observable<StorageProblem | undefined>;
  /** Stores one write: in full, or — when storage is full — as tally state alone. */
  record(ready: KioskStorage, inputs: readonly EventInput[]): Promise<void>;
}

export function createQuotaStore(options: { now(): number; today(): string }): QuotaStore {
  const storageProblem = observable<StorageProblem | undefined>(undefined);
  let prunedForSpaceAt = -Infinity;

  /** True once stored in full; false on a quota error; any other error is thrown. */
  async function recordOrQuota(ready: KioskStorage, inputs: readonly EventInput[]) {
    try {
      await recordOnce(ready, inputs);
      if (storageProblem.get() === 'quota') storageProblem.set(undefined);
      return true;
    } catch (error) {
      if (isQuotaError(error)) return false;
      throw error;
    }
  }

  return {
    storageProblem,
    async record(ready, inputs) {
      if (await recordOrQuota(ready, inputs)) return;
      storageProblem.set('quota');
      if (options.now() - prunedForSpaceAt >= PRUNE_FOR_SPACE_EVERY_MS) {
        prunedForSpaceAt = options.now();
        await pruneRawEventsBefore(ready, options.today()).catch(() => 0);
        if (await recordOrQuota(ready, inputs)) return;
      }
      // Still short of space: the tally state alone keeps the count going.
      await recordOnce(ready, inputs, { withoutRawEvents: true });
    },
  };
}

/**
 * Records a write whose event ids were fixed before its first attempt: a constraint error
 * means an earlier attempt committed after all (its write id is applied, storage/record.ts),
 * so the write is stored, with raw events or without.
 */
async function recordOnce(
  ready: KioskStorage,
  inputs: readonly EventInput[],
  options?: RecordOptions,
): Promise<void> {
  try {
    await ready.record(inputs, options);
  } catch (error) {
    if (!isAlreadyStored(error)) throw error;
  }
}

/** Prunes raw events of days before `before` (those the endpoint has, once paired). */
export async function pruneRawEventsBefore(ready: KioskStorage, before: string): Promise<number> {
  const [{ pruneRawEvents }, device] = await Promise.all([
    import('../../storage/index.ts'),
    readSetting('device'),
  ]);
  return pruneRawEvents(ready.db, {
    before,
    paired: typeof device === 'object' && device !== null,
  });
}
