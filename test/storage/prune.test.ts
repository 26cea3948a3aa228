import { describe, expect, it } from 'vitest';
import {
  acknowledgeDay,
  pruneRawEvents,
  retentionStart,
  waitingDays,
} from '../../src/storage/index.ts';
import { markExported } from '../../src/storage/days.ts';
import { net, testStorage, totalsOf } from '../support/kiosk.ts';
import type { KioskStorage } from '../../src/state/index.ts';

const OLD = '2026-09-01';
const RECENT = '2026-11-20';
const at = Date.UTC(2026, 8, 1, 12, 0);

async function visits(storage: KioskStorage, day: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await storage.record([{ day, at, counter: 'visit', delta: 1, source: 'door' }]);
  }
}

async function syncAll(storage: KioskStorage): Promise<void> {
  for (const day of await waitingDays(storage.db)) await acknowledgeDay(storage.db, day);
}

function eventsOf(storage: KioskStorage, day: string): Promise<number> {
  return storage.db.events.where('day').equals(day).count();
}

describe('retention', () => {
  it('keeps 30 days: the first kept day is 30 days before today', () => {
    expect(retentionStart('2026-11-23', 30)).toBe('2026-10-24');
  });

  it('prunes raw events of synced days past retention and keeps their tally state for ever', async () => {
    const storage = await testStorage();
    await visits(storage, OLD, 3);
    await visits(storage, RECENT, 2);
    await syncAll(storage);
    const pruned = await pruneRawEvents(storage.db, { before: '2026-10-24', paired: true });
    expect(pruned).toBe(3);
    expect(await eventsOf(storage, OLD)).toBe(0);
    expect(await eventsOf(storage, RECENT)).toBe(2);
    expect(net(await totalsOf(storage, OLD), 'visit')).toBe(3);
  });

  it('never prunes a day that still waits for the endpoint', async () => {
    const storage = await testStorage();
    await visits(storage, OLD, 2);
    await syncAll(storage);
    await visits(storage, OLD, 1); // a late back-fill: the day waits again
    expect(await pruneRawEvents(storage.db, { before: '2026-10-24', paired: true })).toBe(0);
    expect(await eventsOf(storage, OLD)).toBe(3);
  });

  it('with no endpoint paired, an exported day may go; an unexported one stays', async () => {
    const storage = await testStorage();
    await visits(storage, OLD, 2);
    await visits(storage, '2026-09-02', 1);
    await markExported(storage.db, storage.replica, OLD, OLD, Date.now());
    expect(await pruneRawEvents(storage.db, { before: '2026-10-24', paired: false })).toBe(2);
    expect(await eventsOf(storage, '2026-09-02')).toBe(1);
    expect(net(await totalsOf(storage, OLD), 'visit')).toBe(2);
  });

  it('with an endpoint paired, an export alone is not enough', async () => {
    const storage = await testStorage();
    await visits(storage, OLD, 2);
    await markExported(storage.db, storage.replica, OLD, OLD, Date.now());
    expect(await pruneRawEvents(storage.db, { before: '2026-10-24', paired: true })).toBe(0);
  });
});
