import { describe, expect, it, vi } from 'vitest';
import {
  acknowledgeDay,
  countWaitingDays,
  emptyTallyRow,
  markAllWaiting,
  replicaSecret,
  waitingDays,
} from '../../src/storage/index.ts';
import {
  createSyncLoop,
  pairWithCode,
  readProvisioningHash,
  syncOnce,
  type SyncRun,
  type SyncResult,
} from '../../src/sync/index.ts';
import type { KioskStorage } from '../../src/state/index.ts';
import { testEndpoint, ENDPOINT, type TestEndpoint } from '../support/endpoint.ts';
import { testStorage } from '../support/kiosk.ts';

const DAY = '2026-11-23';
const at = Date.UTC(2026, 10, 23, 12, 0);

function runOf(
  storage: KioskStorage,
  endpoint: TestEndpoint,
  fetcher = endpoint.fetch,
  settings = endpoint.settings,
): SyncRun {
  return {
    source: {
      replica: storage.replica,
      waitingDays: () => waitingDays(storage.db),
      acknowledge: (day) => acknowledgeDay(storage.db, day),
      secret: (replica) => replicaSecret(storage.db, replica),
    },
    settings,
    fetch: fetcher,
    now: () => at,
    app: 'terskel/test',
    held: new Map(),
  };
}

async function visits(storage: KioskStorage, n: number, day = DAY) {
  for (let i = 0; i < n; i += 1) {
    await storage.record([{ day, at, counter: 'visit', hour: 13, delta: 1, source: 'door' }]);
  }
}

const net = (
  totals: Array<{ counter: string; option?: string; hour?: number; net: number }>,
  counter: string,
) =>
  totals.find((t) => t.counter === counter && t.option === undefined && t.hour === undefined)
    ?.net ?? 0;

describe('sync against a real in-process endpoint', () => {
  it('uploads the waiting days and marks them synced', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visits(storage, 3);
    const result = await syncOnce(runOf(storage, endpoint));
    expect(result).toMatchObject({ kind: 'done', uploaded: 1 });
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(3);
    expect(await countWaitingDays(storage.db)).toBe(0);
  });

  it('a tap made during an upload is not marked synced by it', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visits(storage, 2);
    const duringUpload: typeof fetch = async (input, init) => {
      await visits(storage, 1);
      return endpoint.fetch(input, init);
    };
    await syncOnce(runOf(storage, endpoint, duringUpload));
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(2);
    expect(await countWaitingDays(storage.db)).toBe(1);
    const row = await storage.db.tally.get([storage.replica, DAY, 'visit', '', 13]);
    expect(row).toMatchObject({ inc: 3, ackInc: 2 });
    await syncOnce(runOf(storage, endpoint));
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(3);
    expect(await countWaitingDays(storage.db)).toBe(0);
  });

  it('replaying after a lost answer changes nothing at the endpoint', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visits(storage, 4);
    const loseAnswer: typeof fetch = async (input, init) => {
      await endpoint.fetch(input, init);
      throw new TypeError('connection reset');
    };
    expect((await syncOnce(runOf(storage, endpoint, loseAnswer))).kind).toBe('retry');
    expect(await countWaitingDays(storage.db)).toBe(1);
    await syncOnce(runOf(storage, endpoint));
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(4);
  });

  it('a 400 splits the upload by day and holds back only the failing day', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visits(storage, 1, '2026-11-21');
    await visits(storage, 2, '2026-11-22');
    await visits(storage, 3, DAY);
    const rejectsSunday: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body)) as { days: Array<{ date: string }> };
      if (body.days.some((day) => day.date === '2026-11-22')) {
        return new Response(
          JSON.stringify({ ok: false, error: 'invalid', message: 'days.0: bad', issues: [] }),
          {
            status: 400,
            headers: { 'Content-Type': 'application/json' },
          },
        );
      }
      return endpoint.fetch(input, init);
    };
    const result = await syncOnce(runOf(storage, endpoint, rejectsSunday));
    expect(result.kind).toBe('done');
    expect(result.kind === 'done' && result.held.map((day) => day.day)).toEqual(['2026-11-22']);
    expect(net(await endpoint.siteTotals('2026-11-21'), 'visit')).toBe(1);
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(3);
    expect(await countWaitingDays(storage.db)).toBe(1);
  });

  it("a 409 limit holds back the day past the endpoint's date range and sends the rest", async () => {
    // The endpoint's clock is two days behind: the tablet's today is past its tomorrow.
    const storage = await testStorage();
    const endpoint = await testEndpoint('hjerterom-alta', {
      clock: () => new Date(at - 2 * 24 * 3600 * 1000),
    });
    await visits(storage, 1, '2026-11-20');
    await visits(storage, 3, DAY);
    const result = await syncOnce(runOf(storage, endpoint));
    expect(result.kind).toBe('done');
    const held = result.kind === 'done' ? result.held : [];
    expect(held.map((day) => [day.day, day.reason])).toEqual([[DAY, 'date-range']]);
    expect(net(await endpoint.siteTotals('2026-11-20'), 'visit')).toBe(1);
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(0);
    expect(await countWaitingDays(storage.db)).toBe(1);
  });

  it("a 409 limit on replicas holds back that replica's days and sends the others", async () => {
    const [full, other] = await Promise.all([testStorage(), testStorage()]);
    const endpoint = await testEndpoint('hjerterom-alta', { maxReplicasPerSite: 1 });
    await visits(other, 2);
    expect(await syncOnce(runOf(other, endpoint))).toMatchObject({ kind: 'done', uploaded: 1 });
    await visits(full, 1, '2026-11-22');
    await visits(full, 4);
    const result = await syncOnce(runOf(full, endpoint));
    expect(result).toMatchObject({ kind: 'done', uploaded: 0 });
    const held = result.kind === 'done' ? result.held : [];
    expect(held.map((day) => [day.day, day.reason]).sort()).toEqual([
      ['2026-11-22', 'replicas'],
      [DAY, 'replicas'],
    ]);
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(2);
    expect(await countWaitingDays(full.db)).toBe(2);
  });

  it('a 413 sends fewer days per upload', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visits(storage, 1, '2026-11-21');
    await visits(storage, 1, '2026-11-22');
    await visits(storage, 1, DAY);
    const sizes: number[] = [];
    const oneDayOnly: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body)) as { days: unknown[] };
      sizes.push(body.days.length);
      if (body.days.length > 1) {
        return new Response(
          JSON.stringify({ ok: false, error: 'too-large', message: 'too large' }),
          { status: 413 },
        );
      }
      return endpoint.fetch(input, init);
    };
    expect((await syncOnce(runOf(storage, endpoint, oneDayOnly))).kind).toBe('done');
    expect(sizes).toEqual([3, 2, 1, 1, 1]);
    expect(await countWaitingDays(storage.db)).toBe(0);
  });

  it('a revoked token stops the run and keeps every count', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visits(storage, 2);
    await endpoint.revoke(endpoint.settings.device);
    const result = await syncOnce(runOf(storage, endpoint));
    expect(result).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(await countWaitingDays(storage.db)).toBe(1);
  });

  it('a frozen (imported) replica is uploaded under its own id and summed, never doubled', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    const frozen = crypto.randomUUID();
    await storage.db.replicas.add({ id: frozen, frozen: 1, addedAt: at });
    await storage.db.tally.add({ ...emptyTallyRow(frozen, DAY, 'visit', '', 12), inc: 5 });
    await storage.db.days.add({ replica: frozen, day: DAY, rev: 1, syncedRev: 0 });
    await visits(storage, 2);
    await syncOnce(runOf(storage, endpoint));
    await syncOnce(runOf(storage, endpoint));
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(7);
  });

  it('pairing again with a new device keeps the replica, so nothing is counted twice', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visits(storage, 7);
    await syncOnce(runOf(storage, endpoint));
    const second = await endpoint.addDevice();
    await markAllWaiting(storage.db); // what pairing does: send everything again
    expect(await countWaitingDays(storage.db)).toBe(1);
    await syncOnce(runOf(storage, endpoint, endpoint.fetch, second.settings));
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(7);
  });
});

describe('pairing', () => {
  it('a typed code is exchanged for the settings; case and dash do not matter', async () => {
    const endpoint = await testEndpoint();
    const typed = endpoint.code.toLowerCase().replace('-', '');
    const result = await pairWithCode(endpoint.fetch, `${ENDPOINT}/`, typed);
    expect(result).toEqual({
      code: 'paired',
      settings: { ...endpoint.settings, endpoint: ENDPOINT },
    });
    expect(await pairWithCode(endpoint.fetch, ENDPOINT, endpoint.code)).toEqual({
      code: 'unknown-code',
    });
  });

  it('a wrongly shaped code or address is refused before anything is sent', async () => {
    const spy = vi.fn<typeof fetch>();
    expect(await pairWithCode(spy, 'not a url', 'ABCDE-12345')).toEqual({ code: 'bad-address' });
    expect(await pairWithCode(spy, ENDPOINT, 'ABC')).toEqual({ code: 'bad-code' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('reads a provisioning link and refuses a tampered one or one that carries a token', () => {
    const payload = { endpoint: ENDPOINT, site: 'hjerterom-alta', code: 'ABCDE-12345' };
    const c = btoa(JSON.stringify(payload))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(readProvisioningHash(`#/provision?c=${c}`)).toEqual({ code: 'link', link: payload });
    expect(readProvisioningHash(`#/provision?c=${c.slice(0, -4)}`)).toMatchObject({
      code: expect.stringMatching(/^link-(invalid|unreadable)$/),
    });
    // A link of the old kind, with the token in it, is refused: history must hold no token.
    const withToken = btoa(JSON.stringify({ ...payload, token: 'x'.repeat(43) }));
    expect(readProvisioningHash(`#/provision?c=${withToken}`)).toEqual({ code: 'link-invalid' });
    expect(readProvisioningHash('#/staff')).toBeUndefined();
  });
});

describe('the sync loop', () => {
  it('backs off exponentially with jitter, capped at 30 minutes, and resets on success', async () => {
    const delays: number[] = [];
    let fail = true;
    const loop = createSyncLoop({
      run: () =>
        Promise.resolve<SyncResult>(
          fail
            ? { kind: 'retry', status: 503, message: 'down', uploaded: 0 }
            : { kind: 'done', uploaded: 1, held: [] },
        ),
      random: () => 1,
      setTimeout: (_callback, ms) => {
        delays.push(ms);
        return delays.length;
      },
      clearTimeout: () => undefined,
    });
    for (let i = 0; i < 12; i += 1) await loop.trigger('manual');
    expect(delays.slice(0, 4)).toEqual([5000, 10000, 20000, 40000]);
    expect(Math.max(...delays)).toBe(30 * 60 * 1000);
    await loop.trigger('tally'); // during a backoff, a tally does not hammer the endpoint
    expect(delays).toHaveLength(12);
    fail = false;
    await loop.trigger('online');
    expect(loop.failures()).toBe(0);
  });

  it('a fresh start that succeeds during a backoff lets later tallies sync at once', async () => {
    let fail = true;
    let runs = 0;
    const loop = createSyncLoop({
      run: () => {
        runs += 1;
        return Promise.resolve<SyncResult>(
          fail
            ? { kind: 'retry', status: 503, message: 'down', uploaded: 0 }
            : { kind: 'done', uploaded: 1, held: [] },
        );
      },
      setTimeout: () => 1,
      clearTimeout: () => undefined,
    });
    await loop.trigger('start');
    fail = false;
    await loop.trigger('online');
    await loop.trigger('tally');
    expect(runs).toBe(3);
  });

  it('obeys Retry-After on 429', async () => {
    const delays: number[] = [];
    const loop = createSyncLoop({
      run: () =>
        Promise.resolve<SyncResult>({
          kind: 'retry',
          status: 429,
          message: 'slow down',
          retryAfterSeconds: 90,
          uploaded: 0,
        }),
      random: () => 0,
      setTimeout: (_callback, ms) => delays.push(ms),
      clearTimeout: () => undefined,
    });
    await loop.trigger('start');
    expect(delays).toEqual([90_000]);
  });
});
