// A full disk: prune once, try again, then store the tally state alone; the banner follows.
import { describe, expect, it } from 'vitest';
import { createQuotaStore, PRUNE_FOR_SPACE_EVERY_MS } from '../../../src/state/kiosk/quota.ts';
import type { KioskStorage } from '../../../src/state/index.ts';
import type { EventInput, RecordOptions } from '../../../src/storage/index.ts';
import { testStorage } from '../../support/kiosk.ts';

const visit: EventInput = {
  id: 'v1',
  day: '2026-11-23',
  at: 0,
  counter: 'visit',
  delta: 1,
  source: 'door',
};
const quotaError = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });

/** A real database whose first `full` recordings in full fail for quota. */
async function fullStorage(full: number) {
  const real = await testStorage();
  const calls: Array<RecordOptions | undefined> = [];
  const storage: KioskStorage = {
    ...real,
    async record(inputs, options) {
      calls.push(options);
      if (!options?.withoutRawEvents && calls.length <= full) throw quotaError();
      return real.record(inputs, options);
    },
  };
  return { storage, calls };
}

describe('the quota store', () => {
  it('stores in full when there is room, and raises no banner', async () => {
    const { storage, calls } = await fullStorage(0);
    const quota = createQuotaStore({ now: () => 0, today: () => '2026-11-23' });
    await quota.record(storage, [visit]);
    expect(calls).toEqual([undefined]);
    expect(quota.storageProblem.get()).toBeUndefined();
  });

  it('on a quota error it prunes, tries once more, then stores the tally state alone', async () => {
    const { storage, calls } = await fullStorage(10);
    const quota = createQuotaStore({ now: () => 0, today: () => '2026-11-23' });
    await quota.record(storage, [visit]);
    expect(calls).toEqual([undefined, undefined, { withoutRawEvents: true }]);
    expect(quota.storageProblem.get()).toBe('quota');
    expect(await storage.db.events.count()).toBe(0);
    expect(await storage.db.tally.count()).toBe(1);
  });

  it('prunes for space at most once a minute; a write stored in full clears the banner', async () => {
    const { storage, calls } = await fullStorage(4);
    let now = 0;
    const quota = createQuotaStore({ now: () => now, today: () => '2026-11-23' });
    await quota.record(storage, [visit]);
    now = PRUNE_FOR_SPACE_EVERY_MS - 1;
    await quota.record(storage, [{ ...visit, id: 'v2' }]);
    // The second write went straight to tally-only: no second try in full within the minute.
    expect(calls).toEqual([
      undefined,
      undefined,
      { withoutRawEvents: true },
      undefined,
      { withoutRawEvents: true },
    ]);
    await quota.record(storage, [{ ...visit, id: 'v3' }]);
    expect(quota.storageProblem.get()).toBeUndefined();
  });

  it('an error other than quota is the caller’s; an id already stored counts as stored', async () => {
    const real = await testStorage();
    const quota = createQuotaStore({ now: () => 0, today: () => '2026-11-23' });
    const broken: KioskStorage = {
      ...real,
      record: () => Promise.reject(Object.assign(new Error('gone'), { name: 'UnknownError' })),
    };
    await expect(quota.record(broken, [visit])).rejects.toThrow('gone');
    await quota.record(real, [visit]);
    await expect(quota.record(real, [visit])).resolves.toBeUndefined();
    expect(await real.db.events.count()).toBe(1);
  });
});
