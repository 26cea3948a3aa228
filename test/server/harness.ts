/**
 * Shared scaffolding of the endpoint tests: a stepping clock, a seeded site with devices and an
 * admin, and small helpers that speak PROTOCOL.md through `app.request` (no socket).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions, type LogEntry } from '../../src/server/http/index.ts';
import { provisionAdmin, provisionDevice } from '../../src/server/cli/index.ts';
import { type Store, openSqliteStore } from '../../src/server/store/index.ts';
import type { UploadDay, UploadV1, UploadV2 } from '../../src/shared/protocol.ts';

/** A clock the test moves by hand. */
export function steppingClock(start = '2026-11-23T16:05:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A fresh SQLite store in its own temp folder, removed by `dispose`. */
export function tempSqliteStore(): { store: Store; dispose: () => Promise<void>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'terskel-store-'));
  const store = openSqliteStore({ dataDir: dir });
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SITE = 'hjerterom-alta';
export const OTHER_SITE = 'en-ainna-plass';

/** A seeded endpoint: two sites, a device on each, an admin, and the app over the store. */
export async function seededEndpoint(store: Store, options: Partial<AppOptions> = {}) {
  const clock = steppingClock();
  const logs: LogEntry[] = [];
  await store.addSite({ slug: SITE, name: 'Hjerterom Alta' }, clock.now());
  await store.addSite({ slug: OTHER_SITE, name: 'En ainna plass' }, clock.now());
  const publicUrl = 'https://terskel.example.no';
  const tablet = await provisionDevice(
    store,
    { site: SITE, label: 'Døra', publicUrl },
    clock.now(),
  );
  const other = await provisionDevice(store, { site: OTHER_SITE, publicUrl }, clock.now());
  const adminToken = await provisionAdmin(store, clock.now());
  const app = createApp({
    store,
    clock: clock.now,
    logger: (entry) => logs.push(entry),
    distDir: join(tmpdir(), `terskel-no-dist-${randomUUID()}`),
    ...options,
  });
  return { app, clock, logs, tablet, other, adminToken, publicUrl };
}

/** A version-1 upload of one replica. */
export function uploadBody(
  device: { site: string; id: string },
  replica: string,
  days: UploadV1['days'],
  extra: Partial<UploadV1> = {},
): UploadV1 {
  return {
    protocol: 1,
    site: device.site,
    device: device.id,
    replica,
    sentAt: '2026-11-23T16:05:00.000Z',
    app: 'terskel/0.1.0',
    days,
    ...extra,
  };
}

/** A version-2 upload of one replica, with the replica's secret. */
export function uploadBodyV2(
  device: { site: string; id: string },
  replica: string,
  secret: string,
  days: UploadDay[],
  extra: Partial<UploadV2> = {},
): UploadV2 {
  return {
    protocol: 2,
    site: device.site,
    device: device.id,
    replica,
    secret,
    sentAt: '2026-11-23T16:05:00.000Z',
    app: 'terskel/0.1.0',
    days,
    ...extra,
  };
}

/** A fresh replica secret, as a tablet makes one (32 random bytes, base64url). */
export const newSecret = () => randomBytes(32).toString('base64url');

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** POSTs an upload as JSON with a bearer token. */
export function postCounts(app: Requester, token: string | undefined, body: unknown) {
  return app.request('/api/v1/counts', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** GETs a site's days with a bearer token. */
export function getDays(
  app: Requester,
  token: string | undefined,
  site: string,
  from: string,
  to: string,
  csv = false,
) {
  return app.request(`/api/v1/sites/${site}/days${csv ? '.csv' : ''}?from=${from}&to=${to}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

/** PROTOCOL.md's upload example (one day, four keys, a closing). */
export const PROTOCOL_EXAMPLE_DAY: UploadV1['days'][number] = {
  date: '2026-11-23',
  counts: [
    { counter: 'visit', option: 'first-time', hour: 13, inc: 4, dec: 0 },
    { counter: 'visit', hour: 13, inc: 21, dec: 1 },
    { counter: 'middag', inc: 31, dec: 0 },
    { counter: 'bingo', option: 'cash', inc: 12, dec: 0, incNok: 120, decNok: 0 },
  ],
  closed: { at: '2026-11-23T15:02:11.000Z', cashCountedNok: 120 },
};
