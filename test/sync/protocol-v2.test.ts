// What the tablet sends in protocol version 2, read from the request bodies themselves: each
// upload carries protocol 2, its replica's secret and the tablet's health; a tablet with nothing
// to send still tells its health every six hours; a reopened day uploads its reopening.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clear, createStore } from 'idb-keyval';
import { uploadV2Schema, type Health, type UploadV2 } from '../../src/shared/protocol.ts';
import { closeTheDay, reopenTheDay } from '../../src/state/closing.ts';
import { createSyncController } from '../../src/state/sync.ts';
import {
  acknowledgeDay,
  countWaitingDays,
  replicaSecret,
  waitingDays,
} from '../../src/storage/index.ts';
import { HEALTH_INTERVAL_MS, syncOnce, type SyncRun } from '../../src/sync/index.ts';
import type { KioskStorage } from '../../src/state/index.ts';
import { testEndpoint } from '../support/endpoint.ts';
import { MONDAY_1250, net, testKiosk, testStorage } from '../support/kiosk.ts';
import { seedFrozen } from '../support/staff-seed.ts';

const DAY = '2026-11-23';
const FROZEN = '11111111-2222-4333-8444-555555555555';
const SETTINGS = {
  endpoint: 'https://terskel.example',
  site: 'hjerterom-alta',
  device: '0b6c3c9e-2b1a-4f7e-9d0e-3d5f1c2a7b10',
  token: 'token-of-the-test',
};
const HEALTH: Health = {
  appVersion: '0.1.0',
  installed: true,
  persisted: true,
  usageBytes: 2_000_000,
  quotaBytes: 600_000_000,
  unsavedTaps: 0,
  lastError: null,
  clock: new Date(MONDAY_1250).toISOString(),
};

/** An endpoint that answers every upload 200 (or as `answer` says) and keeps what it got. */
function recordingEndpoint(answer?: (upload: UploadV2) => Response | undefined) {
  const uploads: UploadV2[] = [];
  const fetcher = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const upload = JSON.parse(String(init?.body)) as UploadV2;
    uploads.push(upload);
    return (
      answer?.(upload) ??
      new Response(
        JSON.stringify({
          ok: true,
          serverTime: new Date(MONDAY_1250).toISOString(),
          days: upload.days.map((day) => ({ date: day.date, counts: day.counts.length })),
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      )
    );
  }) as typeof fetch;
  return { fetcher, uploads };
}

function runOf(
  storage: KioskStorage,
  fetcher: typeof fetch,
  extra: Partial<SyncRun> = {},
): SyncRun & { sentHealth: number[] } {
  const sentHealth: number[] = [];
  return {
    source: {
      replica: storage.replica,
      waitingDays: () => waitingDays(storage.db),
      acknowledge: (day) => acknowledgeDay(storage.db, day),
      secret: (replica) => replicaSecret(storage.db, replica),
    },
    settings: SETTINGS,
    fetch: fetcher,
    now: () => MONDAY_1250,
    app: 'terskel/test',
    held: new Map(),
    health: () => Promise.resolve(HEALTH),
    healthSent: (at) => sentHealth.push(at),
    sentHealth,
    ...extra,
  };
}

const visit = (storage: KioskStorage, day = DAY) =>
  storage.record([{ day, at: MONDAY_1250, counter: 'visit', hour: 12, delta: 1, source: 'door' }]);

beforeEach(async () => {
  await clear(createStore('terskel-settings', 'settings'));
});

describe('uploads of protocol version 2', () => {
  it("carry protocol 2, the replica's own secret and the health, and pass the v2 schema", async () => {
    const storage = await testStorage();
    await seedFrozen(storage.db, FROZEN, [{ day: DAY, counter: 'visit', hour: 13, inc: 5 }]);
    await visit(storage);
    const endpoint = recordingEndpoint();
    const run = runOf(storage, endpoint.fetcher);
    expect(await syncOnce(run)).toMatchObject({ kind: 'done', uploaded: 2 });

    expect(endpoint.uploads.map((upload) => upload.replica).sort()).toEqual(
      [storage.replica, FROZEN].sort(),
    );
    for (const upload of endpoint.uploads) {
      expect(uploadV2Schema.safeParse(upload).success).toBe(true);
      expect(upload.protocol).toBe(2);
      expect(upload.secret).toBe((await storage.db.replicas.get(upload.replica))?.secret);
      expect(upload.health).toEqual(HEALTH);
    }
    // Each replica proves itself with its own secret.
    expect(new Set(endpoint.uploads.map((upload) => upload.secret)).size).toBe(2);
    expect(run.sentHealth).toEqual([MONDAY_1250, MONDAY_1250]);
    expect(await countWaitingDays(storage.db)).toBe(0);
  });

  it('gathers health once a pass, whatever the number of uploads', async () => {
    const storage = await testStorage();
    await seedFrozen(storage.db, FROZEN, [{ day: DAY, counter: 'visit', hour: 13, inc: 5 }]);
    await visit(storage);
    const health = vi.fn(() => Promise.resolve(HEALTH));
    await syncOnce(runOf(storage, recordingEndpoint().fetcher, { health }));
    expect(health).toHaveBeenCalledTimes(1);
  });

  it('a health that cannot be gathered, or is out of bounds, does not hold counts back', async () => {
    for (const health of [
      () => Promise.reject(new Error('storage manager gone')),
      () => {
        throw new Error('thrown at once');
      },
      () => Promise.resolve({ ...HEALTH, usageBytes: -1 }),
    ]) {
      const storage = await testStorage();
      await visit(storage);
      const endpoint = recordingEndpoint();
      const run = runOf(storage, endpoint.fetcher, { health });
      expect(await syncOnce(run)).toMatchObject({ kind: 'done', uploaded: 1 });
      expect(endpoint.uploads).toHaveLength(1);
      expect(endpoint.uploads[0]).not.toHaveProperty('health');
      expect(endpoint.uploads[0]!.days.map((day) => day.date)).toEqual([DAY]);
      expect(uploadV2Schema.safeParse(endpoint.uploads[0]).success).toBe(true);
      expect(run.sentHealth).toEqual([]);
    }
  });
});

describe('health on its own', () => {
  it('with nothing waiting and no health sent for six hours, an upload of health alone', async () => {
    const storage = await testStorage();
    const endpoint = recordingEndpoint();
    const run = runOf(storage, endpoint.fetcher, {
      healthSentAt: MONDAY_1250 - HEALTH_INTERVAL_MS,
    });
    expect(await syncOnce(run)).toMatchObject({ kind: 'done', uploaded: 0 });
    expect(endpoint.uploads).toHaveLength(1);
    const [upload] = endpoint.uploads;
    expect(upload).toMatchObject({
      protocol: 2,
      replica: storage.replica,
      secret: (await storage.db.replicas.get(storage.replica))?.secret,
      days: [],
      health: HEALTH,
    });
    expect(uploadV2Schema.safeParse(upload).success).toBe(true);
    expect(run.sentHealth).toEqual([MONDAY_1250]);
  });

  it('a tablet that never sent its health sends it on the first pass', async () => {
    const storage = await testStorage();
    const endpoint = recordingEndpoint();
    await syncOnce(runOf(storage, endpoint.fetcher));
    expect(endpoint.uploads.map((upload) => upload.days)).toEqual([[]]);
  });

  it('within six hours of the last health, a pass with nothing waiting sends nothing', async () => {
    const storage = await testStorage();
    const endpoint = recordingEndpoint();
    const health = vi.fn(() => Promise.resolve(HEALTH));
    const run = runOf(storage, endpoint.fetcher, {
      healthSentAt: MONDAY_1250 - HEALTH_INTERVAL_MS + 60_000,
      health,
    });
    expect(await syncOnce(run)).toMatchObject({ kind: 'done', uploaded: 0 });
    expect(endpoint.uploads).toEqual([]);
    // Nothing to send: the facts are not even gathered.
    expect(health).not.toHaveBeenCalled();
  });

  it('no health-only upload when the health cannot be gathered', async () => {
    const storage = await testStorage();
    const endpoint = recordingEndpoint();
    const run = runOf(storage, endpoint.fetcher, { health: () => Promise.reject(new Error('x')) });
    expect(await syncOnce(run)).toMatchObject({ kind: 'done', uploaded: 0 });
    expect(endpoint.uploads).toEqual([]);
  });
});

describe('a 403 for a frozen replica', () => {
  it("holds back that replica's days and still sends this tablet's own", async () => {
    const storage = await testStorage();
    await seedFrozen(storage.db, FROZEN, [{ day: DAY, counter: 'visit', hour: 13, inc: 5 }]);
    await visit(storage);
    const endpoint = recordingEndpoint((upload) =>
      upload.replica === FROZEN
        ? new Response(
            JSON.stringify({ ok: false, error: 'forbidden', message: 'not this replica' }),
            { status: 403, headers: { 'Content-Type': 'application/json' } },
          )
        : undefined,
    );
    const result = await syncOnce(runOf(storage, endpoint.fetcher));
    expect(result).toMatchObject({ kind: 'done', uploaded: 1 });
    expect(result.kind === 'done' && result.held).toMatchObject([
      { replica: FROZEN, day: DAY, reason: 'invalid', message: 'not this replica' },
    ]);
  });

  it("for this tablet's own replica asks for pairing, as before", async () => {
    const storage = await testStorage();
    await visit(storage);
    const endpoint = recordingEndpoint(
      () =>
        new Response(JSON.stringify({ ok: false, error: 'forbidden', message: 'no' }), {
          status: 403,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    expect(await syncOnce(runOf(storage, endpoint.fetcher))).toMatchObject({
      kind: 'unauthorized',
      status: 403,
    });
  });
});

describe('the tablet wired to sync', () => {
  it('closing, reopening and closing a day again: each upload carries the latest of them', async () => {
    const kiosk = testKiosk();
    const endpoint = recordingEndpoint();
    const sync = createSyncController(kiosk.store, {
      fetch: endpoint.fetcher,
      autoTriggers: false,
    });
    await sync.pair(SETTINGS);
    await kiosk.store.checkIn();
    await closeTheDay(kiosk.store, DAY, '120', 120);
    await sync.trigger('manual');
    const dayOf = () => endpoint.uploads.at(-1)!.days.find((day) => day.date === DAY);
    expect(dayOf()?.closing).toEqual({
      closed: true,
      at: new Date(MONDAY_1250).toISOString(),
      cashCountedNok: 120,
    });

    await reopenTheDay(kiosk.store, DAY);
    await sync.trigger('manual');
    expect(dayOf()?.closing).toEqual({ closed: false, at: new Date(MONDAY_1250).toISOString() });

    await closeTheDay(kiosk.store, DAY, '150', 120);
    await sync.trigger('manual');
    expect(dayOf()?.closing).toEqual({
      closed: true,
      at: new Date(MONDAY_1250).toISOString(),
      cashCountedNok: 150,
    });
    for (const upload of endpoint.uploads) {
      expect(uploadV2Schema.safeParse(upload).success).toBe(true);
    }
    sync.stop();
  });

  it('sends the self-test facts with each upload, keeps when, and then waits six hours', async () => {
    const kiosk = testKiosk();
    const endpoint = recordingEndpoint();
    const sync = createSyncController(kiosk.store, {
      fetch: endpoint.fetcher,
      autoTriggers: false,
    });
    await sync.pair(SETTINGS);
    await kiosk.store.checkIn();
    await sync.trigger('manual');
    const withDays = endpoint.uploads.find((upload) => upload.days.length > 0)!;
    expect(withDays.health).toMatchObject({
      appVersion: expect.stringMatching(/^\S{1,32}$/),
      installed: false,
      unsavedTaps: 0,
      lastError: null,
      clock: new Date(MONDAY_1250).toISOString(),
    });
    expect(uploadV2Schema.safeParse(withDays).success).toBe(true);
    expect(sync.status.get().healthSentAt).toBe(MONDAY_1250);
    // Nothing waits, and the health is fresh: the next pass sends nothing.
    const sent = endpoint.uploads.length;
    await sync.trigger('manual');
    expect(endpoint.uploads).toHaveLength(sent);
    sync.stop();
  });
});

describe('against the real endpoint', () => {
  /** The endpoint's reading of one day: closed or not, and the cash counted. */
  async function dayAt(endpoint: Awaited<ReturnType<typeof testEndpoint>>) {
    const answer = await endpoint.fetch(
      `${endpoint.settings.endpoint}/api/v1/sites/${endpoint.settings.site}/days?from=${DAY}&to=${DAY}`,
      { headers: { Authorization: `Bearer ${endpoint.settings.token}` } },
    );
    const body = (await answer.json()) as {
      days: Array<{ closed: boolean; cashCountedNok?: number }>;
    };
    return body.days[0];
  }

  it('a reopened day reads as open there, and closed again once it is closed again', async () => {
    const [storage, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visit(storage);
    const { closeDay, reopenDay } = await import('../../src/storage/index.ts');
    const run = () => syncOnce({ ...runOf(storage, endpoint.fetch), settings: endpoint.settings });
    await closeDay(storage.db, storage.replica, DAY, { at: MONDAY_1250, cashCountedNok: 80 });
    expect(await run()).toMatchObject({ kind: 'done', uploaded: 1 });
    expect(await dayAt(endpoint)).toMatchObject({ closed: true, cashCountedNok: 80 });
    await reopenDay(storage.db, storage.replica, DAY, MONDAY_1250 + 60_000);
    expect(await run()).toMatchObject({ kind: 'done', uploaded: 1 });
    expect(await dayAt(endpoint)).toMatchObject({ closed: false });
    await closeDay(storage.db, storage.replica, DAY, { at: MONDAY_1250 + 120_000 });
    expect(await run()).toMatchObject({ kind: 'done', uploaded: 1 });
    expect(await dayAt(endpoint)).toMatchObject({ closed: true });
  });

  it("a frozen replica sent with a secret that is not its owner's is held back; ours goes on", async () => {
    const [owner, endpoint] = await Promise.all([testStorage(), testEndpoint()]);
    await visit(owner);
    const ownerRun = { ...runOf(owner, endpoint.fetch), settings: endpoint.settings };
    expect(await syncOnce(ownerRun)).toMatchObject({ kind: 'done', uploaded: 1 });

    // Another tablet holds the owner's replica frozen, with another secret (as an import of a
    // backup from before secrets would give it), and counts of its own.
    const other = await testStorage();
    await seedFrozen(other.db, owner.replica, [{ day: DAY, counter: 'visit', hour: 12, inc: 9 }]);
    await visit(other);
    const device = await endpoint.addDevice();
    const result = await syncOnce({ ...runOf(other, endpoint.fetch), settings: device.settings });
    expect(result).toMatchObject({ kind: 'done', uploaded: 1 });
    expect(result.kind === 'done' && result.held.map((day) => [day.replica, day.reason])).toEqual([
      [owner.replica, 'invalid'],
    ]);
    // The owner's count stays its own: 1 from it and 1 from the other tablet, not 9.
    expect(net(await endpoint.siteTotals(DAY), 'visit')).toBe(2);
  });
});
