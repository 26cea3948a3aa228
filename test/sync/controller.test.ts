import { beforeEach, describe, expect, it } from 'vitest';
import { clear, createStore } from 'idb-keyval';
import { createSyncController } from '../../src/state/sync.ts';
import { siteTotalsOf } from '../../src/state/reports.ts';
import { testEndpoint } from '../support/endpoint.ts';
import { net, testKiosk } from '../support/kiosk.ts';

const DAY = '2026-11-23';

beforeEach(async () => {
  await clear(createStore('terskel-settings', 'settings'));
});

describe('the sync controller', () => {
  it('the closing screen reads the totals of all the site’s tablets from the endpoint', async () => {
    const endpoint = await testEndpoint();
    const other = await endpoint.addDevice();
    const first = testKiosk();
    const second = testKiosk();
    const firstSync = createSyncController(first.store, {
      fetch: endpoint.fetch,
      autoTriggers: false,
    });
    await firstSync.pair(endpoint.settings);
    // The second tablet uploads directly: settings live in one idb-keyval store per origin.
    const { syncOnce } = await import('../../src/sync/index.ts');
    const { waitingDays, acknowledgeDay, replicaSecret } =
      await import('../../src/storage/index.ts');
    for (let i = 0; i < 2; i += 1) await second.store.checkIn();
    const { db: secondDb, replica: secondReplica } = await second.storage;
    await syncOnce({
      source: {
        replica: secondReplica,
        waitingDays: () => waitingDays(secondDb),
        acknowledge: (day) => acknowledgeDay(secondDb, day),
        secret: (replica) => replicaSecret(secondDb, replica),
      },
      settings: other.settings,
      fetch: endpoint.fetch,
      now: () => Date.now(),
      app: 'test',
      held: new Map(),
    });
    for (let i = 0; i < 3; i += 1) await first.store.checkIn();
    await new Promise((done) => setTimeout(done, 0));
    const totals = await siteTotalsOf(first.store, DAY, firstSync.readEndpointTotals);
    expect(totals.source).toBe('endpoint');
    expect(net(totals.totals, 'visit')).toBe(5);
  });

  it('falls back to the tablet’s own totals, saying so, when the endpoint cannot be reached', async () => {
    const endpoint = await testEndpoint();
    const kiosk = testKiosk();
    const down: typeof fetch = () => Promise.reject(new TypeError('offline'));
    const sync = createSyncController(kiosk.store, { fetch: down, autoTriggers: false });
    await sync.pair(endpoint.settings);
    await kiosk.store.checkIn();
    const totals = await siteTotalsOf(kiosk.store, DAY, sync.readEndpointTotals);
    expect(totals.source).toBe('tablet');
    expect(net(totals.totals, 'visit')).toBe(1);
  });
});
