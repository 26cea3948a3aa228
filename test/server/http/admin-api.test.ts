/**
 * The admin API through `app.request`: every route for every kind of caller (none, a device, a
 * `read` admin, a `manage` admin), bodies validated and bounded, and every change in the audit
 * log under the token's label, never the token.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provisionAdminToken } from '../../../src/server/cli/index.ts';
import { hashToken } from '../../../src/server/tokens.ts';
import type { Store } from '../../../src/server/store/index.ts';
import { errorAnswerSchema, provisioningSchema } from '../../../src/shared/protocol.ts';
import {
  getDays,
  newSecret,
  OTHER_SITE,
  postCounts,
  PROTOCOL_EXAMPLE_DAY,
  seededEndpoint,
  SITE,
  tempSqliteStore,
  uploadBody,
  uploadBodyV2,
} from '../harness.ts';

const PUBLIC_URL = 'https://terskel.example.no';

let store: Store;
let dispose: () => Promise<void>;
let endpoint: Awaited<ReturnType<typeof seededEndpoint>>;
let reader: string;
let manager: string;
let spare: { id: string; token: string };
let replica: string;

beforeEach(async () => {
  ({ store, dispose } = tempSqliteStore());
  endpoint = await seededEndpoint(store, { publicUrl: `${PUBLIC_URL}/` });
  const now = endpoint.clock.now();
  reader = (await provisionAdminToken(store, { label: 'Styret', role: 'read' }, now)).token;
  manager = (await provisionAdminToken(store, { label: 'Kontoret', role: 'manage' }, now)).token;
  const made = await provisionAdminToken(store, { label: 'Reserve', role: 'read' }, now);
  spare = { id: made.admin.id, token: made.token };
  replica = randomUUID();
});

/** The tablet sends a replica (version 2, with its secret); the test checks the answer. */
function sendReplica(id: string, secret: string, days = [PROTOCOL_EXAMPLE_DAY]) {
  const sent = days.map(({ closed: _closed, ...day }) => day);
  return postCounts(
    endpoint.app,
    endpoint.tablet.token,
    uploadBodyV2(endpoint.tablet.device, id, secret, sent),
  );
}
afterEach(async () => {
  await dispose();
});

/** A request with a bearer token and, when there is a body, as JSON. */
function call(method: string, path: string, token?: string, body?: unknown) {
  return endpoint.app.request(`/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** Checks an answer is PROTOCOL.md's error JSON with this status and code. */
async function expectError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(errorAnswerSchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  expect(body).toMatchObject({ ok: false, error });
  return body as { message: string; issues?: Array<{ path: string; message: string }> };
}

const pair = (code: string) =>
  endpoint.app.request('/api/v1/pair', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });

interface Route {
  method: string;
  path: () => string;
  role: 'read' | 'manage';
  body?: unknown;
  status: number;
  /** What must exist before the route is called (not logged). */
  setup?: () => Promise<void>;
}

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/admin/me', role: 'read', status: 200 },
  { method: 'GET', path: () => '/admin/sites', role: 'read', status: 200 },
  {
    method: 'POST',
    path: () => '/admin/sites',
    role: 'manage',
    body: { slug: 'ny-plass', name: 'Ny plass' },
    status: 201,
  },
  {
    method: 'POST',
    path: () => `/admin/sites/${SITE}/devices`,
    role: 'manage',
    body: { label: 'Baren' },
    status: 201,
  },
  {
    method: 'PATCH',
    path: () => `/admin/devices/${endpoint.other.device.id}`,
    role: 'manage',
    body: { label: 'Kjøkkenet' },
    status: 200,
  },
  {
    method: 'POST',
    path: () => `/admin/devices/${endpoint.other.device.id}/revoke`,
    role: 'manage',
    status: 200,
  },
  {
    method: 'POST',
    path: () => `/admin/devices/${endpoint.other.device.id}/code`,
    role: 'manage',
    status: 200,
  },
  { method: 'GET', path: () => `/admin/sites/${SITE}/replicas`, role: 'read', status: 200 },
  {
    method: 'DELETE',
    path: () => `/admin/sites/${SITE}/replicas/${replica}`,
    role: 'manage',
    status: 200,
    setup: async () => {
      expect((await sendReplica(replica, newSecret())).status).toBe(200);
    },
  },
  { method: 'GET', path: () => '/admin/tokens', role: 'read', status: 200 },
  {
    method: 'POST',
    path: () => `/admin/tokens/${spare.id}/revoke`,
    role: 'manage',
    status: 200,
  },
  { method: 'GET', path: () => '/admin/log', role: 'read', status: 200 },
];

describe('the admin API, for each caller', () => {
  for (const route of ROUTES) {
    const name = `${route.method} ${route.path.toString().replace(/^\(\) => /, '')}`;
    it(`${name}: 401 without a token, 403 for a device, ${route.role === 'read' ? '200' : '403'} for read, ${route.status} for manage`, async () => {
      await route.setup?.();
      const send = (token?: string) => call(route.method, route.path(), token, route.body);
      await expectError(await send(), 401, 'unauthorized');
      await expectError(await send('not-a-token'), 401, 'unauthorized');
      await expectError(await send(endpoint.tablet.token), 403, 'forbidden');
      if (route.role === 'manage') {
        const refused = await expectError(await send(reader), 403, 'forbidden');
        expect(refused.message).toMatch(/only read/);
        // A refused change changes nothing, and is not logged as done.
        expect(await store.listAudit(10)).toEqual([]);
      } else {
        expect((await send(reader)).status).toBe(200);
      }
      const done = await send(manager);
      expect(done.status, await done.clone().text()).toBe(route.status);
      expect(done.headers.get('cache-control')).toBe('no-store');
      const log = await store.listAudit(10);
      if (route.role === 'manage') {
        expect(log).toHaveLength(1);
        expect(log[0]!.actor).toBe('Kontoret');
      } else {
        expect(log).toEqual([]);
      }
    });
  }

  it('answers 405 for another method on a known path, to an admin only', async () => {
    await expectError(await call('DELETE', '/admin/tokens'), 401, 'unauthorized');
    const wrong = await call('DELETE', '/admin/tokens', reader);
    await expectError(wrong, 405, 'method-not-allowed');
    expect(wrong.headers.get('allow')).toBe('GET');
    await expectError(
      await call('GET', `/admin/devices/${endpoint.other.device.id}/code`, manager),
      405,
      'method-not-allowed',
    );
  });
});

describe('GET /api/v1/admin/sites', () => {
  /** Each site's counted dates as the reader gets them. */
  async function countedDates() {
    const response = await call('GET', '/admin/sites', reader);
    expect(response.status).toBe(200);
    const { sites } = (await response.json()) as {
      sites: Array<{ slug: string; countedDates: string[] }>;
    };
    return Object.fromEntries(sites.map((site) => [site.slug, site.countedDates]));
  }
  const visits = (date: string) => ({ date, counts: [{ counter: 'visit', inc: 3, dec: 0 }] });
  const send = async (dates: string[]) => {
    const body = uploadBody(endpoint.tablet.device, randomUUID(), dates.map(visits));
    expect((await postCounts(endpoint.app, endpoint.tablet.token, body)).status).toBe(200);
  };

  it("lists each site's dates with counts of the last eight weeks, rolled up or not yet", async () => {
    // The endpoint's today is Monday 2026-11-23: eight weeks back is 2026-09-28.
    await send(['2026-09-27', '2026-09-28', '2026-11-19']);
    // A reading rolls those up; the day uploaded after it is only marked.
    expect((await getDays(endpoint.app, reader, SITE, '2026-09-01', '2026-11-30')).status).toBe(
      200,
    );
    await send(['2026-11-23']);
    expect(await countedDates()).toEqual({
      [OTHER_SITE]: [],
      [SITE]: ['2026-09-28', '2026-11-19', '2026-11-23'],
    });
    // By the endpoint's clock: a day later, 2026-09-28 is more than eight weeks back.
    endpoint.clock.advance(24 * 60 * 60 * 1000);
    expect((await countedDates())[SITE]).toEqual(['2026-11-19', '2026-11-23']);
  });
});

describe('POST /api/v1/admin/sites', () => {
  it('adds a site that devices can then be added to', async () => {
    const added = await call('POST', '/admin/sites', manager, {
      slug: 'ny-plass',
      name: '  Blå Kors Ny plass ',
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({
      ok: true,
      site: { slug: 'ny-plass', name: 'Blå Kors Ny plass', createdAt: '2026-11-23T16:05:00.000Z' },
    });
    expect((await call('POST', '/admin/sites/ny-plass/devices', manager, {})).status).toBe(201);
  });

  it('refuses bad bodies with a clear 400 (or 413, 415) and stores nothing', async () => {
    const before = await store.listSites();
    const cases: Array<[unknown, string]> = [
      [{ slug: 'ny-plass' }, 'name'],
      [{ slug: 'Ny Plass', name: 'Ny' }, 'slug'],
      [{ slug: 'ny-plass', name: 'Ny\u0007plass' }, 'name'],
      [{ slug: 'ny-plass', name: 'Ny\u202eplass' }, 'name'],
      [{ slug: 'ny-plass', name: '   ' }, 'name'],
      [{ slug: 'ny-plass', name: 'x'.repeat(201) }, 'name'],
      [{ slug: 'ny-plass', name: 'Ny', token: 'x' }, ''],
      [{ slug: 'ny-plass', name: null }, 'name'],
    ];
    for (const [body, path] of cases) {
      const refused = await expectError(
        await call('POST', '/admin/sites', manager, body),
        400,
        'invalid',
      );
      expect(
        refused.issues?.map((issue) => issue.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    await expectError(await call('POST', '/admin/sites', manager, '{"slug": '), 400, 'invalid');
    const large = { slug: 'ny-plass', name: 'x'.repeat(5000) };
    const tooLarge = await expectError(
      await call('POST', '/admin/sites', manager, large),
      413,
      'too-large',
    );
    expect(tooLarge.message).not.toMatch(/days/);
    await expectError(
      await endpoint.app.request('/api/v1/admin/sites', {
        method: 'POST',
        headers: { Authorization: `Bearer ${manager}`, 'Content-Type': 'text/plain' },
        body: '{}',
      }),
      415,
      'unsupported-media-type',
    );
    expect(await store.listSites()).toEqual(before);
    expect(await store.listAudit(10)).toEqual([]);
  });

  it('refuses a slug that exists, keeping the stored site', async () => {
    const refused = await expectError(
      await call('POST', '/admin/sites', manager, { slug: SITE, name: 'Noe annet' }),
      400,
      'invalid',
    );
    expect(refused.issues).toEqual([
      { path: 'slug', message: 'a site with this slug already exists' },
    ]);
    expect((await store.getSite(SITE))?.name).toBe('Hjerterom Alta');
  });
});

describe('POST /api/v1/admin/sites/:slug/devices', () => {
  it('adds a device and answers its pairing code and link, never its token', async () => {
    const response = await call('POST', `/admin/sites/${SITE}/devices`, manager, {
      label: 'Baren',
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      device: { id: string; site: string; label: string };
      code: string;
      link: string;
    };
    expect(Object.keys(body).sort()).toEqual(['code', 'device', 'link', 'ok']);
    expect(body.device).toMatchObject({ site: SITE, label: 'Baren', revokedAt: null });
    const link = new URL(body.link);
    expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/`);
    const payload = JSON.parse(
      Buffer.from(link.hash.slice('#/provision?c='.length), 'base64url').toString('utf8'),
    );
    expect(provisioningSchema.parse(payload)).toEqual({
      endpoint: PUBLIC_URL,
      site: SITE,
      code: body.code,
    });

    // The code hands the tablet its token, which then uploads.
    const paired = await pair(body.code);
    expect(paired.status).toBe(200);
    const { token } = (await paired.json()) as { token: string };
    expect(JSON.stringify(body)).not.toContain(token);
    const upload = uploadBody({ site: SITE, id: body.device.id }, randomUUID(), [
      PROTOCOL_EXAMPLE_DAY,
    ]);
    expect((await postCounts(endpoint.app, token, upload)).status).toBe(200);
    expect(await store.listAudit(1)).toEqual([
      {
        at: '2026-11-23T16:05:00.000Z',
        actor: 'Kontoret',
        action: 'device.add',
        target: body.device.id,
      },
    ]);
  });

  it('answers 404 for an unknown site and 400 for a bad label', async () => {
    await expectError(
      await call('POST', '/admin/sites/finnes-ikke/devices', manager, {}),
      404,
      'not-found',
    );
    await expectError(
      await call('POST', '/admin/sites/NOT_A_SLUG/devices', manager, {}),
      404,
      'not-found',
    );
    await expectError(
      await call('POST', `/admin/sites/${SITE}/devices`, manager, { label: 'a\u001b[31m' }),
      400,
      'invalid',
    );
    await expectError(
      await call('POST', `/admin/sites/${SITE}/devices`, manager),
      415,
      'unsupported-media-type',
    );
    expect(await store.listDevices(SITE)).toHaveLength(1);
  });
});

describe('the admin API on devices', () => {
  it('relabels a device, and removes its label with null or blank', async () => {
    const id = endpoint.tablet.device.id;
    const renamed = await call('PATCH', `/admin/devices/${id}`, manager, { label: ' Kjøkkenet ' });
    expect(await renamed.json()).toEqual({ ok: true, id, label: 'Kjøkkenet' });
    expect((await store.listDevices(SITE))[0]!.label).toBe('Kjøkkenet');
    for (const label of [null, '  ']) {
      const cleared = await call('PATCH', `/admin/devices/${id}`, manager, { label });
      expect(await cleared.json()).toEqual({ ok: true, id, label: null });
    }
    await expectError(
      await call('PATCH', `/admin/devices/${id}`, manager, { label: 'a\u0000' }),
      400,
      'invalid',
    );
    await expectError(await call('PATCH', `/admin/devices/${id}`, manager, {}), 400, 'invalid');
    await expectError(
      await call('PATCH', `/admin/devices/${randomUUID()}`, manager, { label: 'x' }),
      404,
      'not-found',
    );
    await expectError(
      await call('PATCH', '/admin/devices/not-an-id', manager, { label: 'x' }),
      404,
      'not-found',
    );
    expect((await store.listDevices(SITE))[0]!.label).toBeNull();
  });

  it('revokes a device: its token stops working, its counts stay', async () => {
    expect(
      (
        await postCounts(
          endpoint.app,
          endpoint.tablet.token,
          uploadBody(endpoint.tablet.device, randomUUID(), [PROTOCOL_EXAMPLE_DAY]),
        )
      ).status,
    ).toBe(200);
    const revoked = await call(
      'POST',
      `/admin/devices/${endpoint.tablet.device.id}/revoke`,
      manager,
    );
    expect(await revoked.json()).toEqual({ ok: true, id: endpoint.tablet.device.id });
    await expectError(
      await getDays(endpoint.app, endpoint.tablet.token, SITE, '2026-11-23', '2026-11-23'),
      401,
      'unauthorized',
    );
    const days = await getDays(endpoint.app, manager, SITE, '2026-11-23', '2026-11-23');
    expect(((await days.json()) as { days: unknown[] }).days).toHaveLength(1);
    await expectError(
      await call('POST', `/admin/devices/${randomUUID()}/revoke`, manager),
      404,
      'not-found',
    );
  });

  it('gives a device a new code: the old token stops, the tablet pairs again and counts nothing twice', async () => {
    const replica = randomUUID();
    const sent = () => uploadBody(endpoint.tablet.device, replica, [PROTOCOL_EXAMPLE_DAY]);
    expect((await postCounts(endpoint.app, endpoint.tablet.token, sent())).status).toBe(200);
    const totals = async () =>
      (await getDays(endpoint.app, manager, SITE, '2026-11-23', '2026-11-23')).json();
    const before = await totals();

    const response = await call(
      'POST',
      `/admin/devices/${endpoint.tablet.device.id}/code`,
      manager,
    );
    expect(response.status).toBe(200);
    const issued = (await response.json()) as { code: string; link: string; device: string };
    expect(Object.keys(issued).sort()).toEqual(['code', 'device', 'link', 'ok']);
    expect(issued.link).toMatch(new RegExp(`^${PUBLIC_URL}/#/provision\\?c=`));
    await expectError(
      await postCounts(endpoint.app, endpoint.tablet.token, sent()),
      401,
      'unauthorized',
    );
    expect((await pair(endpoint.tablet.code)).status).toBe(404);

    const paired = await pair(issued.code);
    expect(paired.status).toBe(200);
    const { token, device } = (await paired.json()) as { token: string; device: string };
    expect(device).toBe(endpoint.tablet.device.id);
    expect((await postCounts(endpoint.app, token, sent())).status).toBe(200);
    expect(await totals()).toEqual(before);

    await call('POST', `/admin/devices/${endpoint.tablet.device.id}/revoke`, manager);
    await expectError(
      await call('POST', `/admin/devices/${endpoint.tablet.device.id}/code`, manager),
      404,
      'not-found',
    );
    await expectError(
      await call('POST', `/admin/devices/${randomUUID()}/code`, manager),
      404,
      'not-found',
    );
  });
});

describe('the admin API on replicas', () => {
  const totals = async () =>
    (await getDays(endpoint.app, manager, SITE, '2026-11-01', '2026-11-30')).json();

  it("lists a site's replicas with their device, first and last upload, days and totals", async () => {
    const secret = newSecret();
    expect((await sendReplica(replica, secret)).status).toBe(200);
    const listed = await call('GET', `/admin/sites/${SITE}/replicas`, reader);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({
      ok: true,
      site: SITE,
      replicas: [
        {
          replica,
          device: { id: endpoint.tablet.device.id, label: 'Døra', revokedAt: null },
          firstSentAt: '2026-11-23T16:05:00.000Z',
          lastSentAt: '2026-11-23T16:05:00.000Z',
          days: 1,
          firstDate: '2026-11-23',
          lastDate: '2026-11-23',
          totals: [
            { counter: 'bingo', net: 12, amountNok: 120 },
            { counter: 'middag', net: 31 },
            { counter: 'visit', net: 24 },
          ],
        },
      ],
    });
    const other = await call('GET', `/admin/sites/${OTHER_SITE}/replicas`, reader);
    expect(await other.json()).toEqual({ ok: true, site: OTHER_SITE, replicas: [] });
    for (const site of ['finnes-ikke', 'NOT_A_SLUG']) {
      await expectError(
        await call('GET', `/admin/sites/${site}/replicas`, reader),
        404,
        'not-found',
      );
    }
  });

  it('removes a replica whole for a manage admin, logged; its owner sends it again', async () => {
    const secret = newSecret();
    const empty = await totals();
    expect((await sendReplica(replica, secret)).status).toBe(200);
    const before = await totals();
    const path = `/admin/sites/${SITE}/replicas/${replica}`;

    await expectError(await call('DELETE', path, reader), 403, 'forbidden');
    expect(await totals()).toEqual(before);

    const removed = await call('DELETE', path, manager);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ ok: true, site: SITE, replica });
    expect(await totals()).toEqual(empty);
    expect(await store.listReplicas(SITE)).toEqual([]);
    expect(await store.listAudit(10)).toEqual([
      {
        at: '2026-11-23T16:05:00.000Z',
        actor: 'Kontoret',
        action: 'replica.remove',
        target: replica,
      },
    ]);

    // Unknown: the same replica again, another, one not an id, another site, no site.
    for (const unknown of [
      path,
      `/admin/sites/${SITE}/replicas/${randomUUID()}`,
      `/admin/sites/${SITE}/replicas/not-an-id`,
      `/admin/sites/finnes-ikke/replicas/${replica}`,
    ]) {
      await expectError(await call('DELETE', unknown, manager), 404, 'not-found');
    }
    expect(await store.listAudit(10)).toHaveLength(1);
    await expectError(
      await call('POST', `/admin/sites/${SITE}/replicas`, manager),
      405,
      'method-not-allowed',
    );
    await expectError(await call('GET', path, manager), 405, 'method-not-allowed');

    // Its owner sends what it has again, with its secret: the site's totals are as before.
    expect((await sendReplica(replica, secret)).status).toBe(200);
    expect(await totals()).toEqual(before);
    expect((await store.listReplicas(SITE)).map((listed) => listed.replica)).toEqual([replica]);
  });

  it('removes one replica of another site only under that site', async () => {
    expect((await sendReplica(replica, newSecret())).status).toBe(200);
    await expectError(
      await call('DELETE', `/admin/sites/${OTHER_SITE}/replicas/${replica}`, manager),
      404,
      'not-found',
    );
    expect((await store.listReplicas(SITE)).map((listed) => listed.replica)).toEqual([replica]);
  });
});

describe('GET /api/v1/admin/me', () => {
  it("answers the calling token's label and role, and nothing of the token", async () => {
    const asReader = await call('GET', '/admin/me', reader);
    expect(await asReader.json()).toEqual({ ok: true, label: 'Styret', role: 'read' });
    const asManager = await call('GET', '/admin/me', manager);
    const text = await asManager.clone().text();
    expect(text).not.toContain(manager);
    expect(text).not.toContain(hashToken(manager));
    expect(await asManager.json()).toEqual({ ok: true, label: 'Kontoret', role: 'manage' });
    await expectError(await call('POST', '/admin/me', manager), 405, 'method-not-allowed');
  });
});

describe('the admin API on admin tokens and the log', () => {
  it('lists admin tokens without their hashes, and revokes one so it stops working', async () => {
    const listed = await call('GET', '/admin/tokens', reader);
    const text = await listed.clone().text();
    for (const token of [reader, manager, spare.token, endpoint.adminToken]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashToken(token));
    }
    const { tokens } = (await listed.json()) as { tokens: Array<Record<string, unknown>> };
    // Made in the same instant, so in no particular order: compared sorted by label.
    const byLabel = tokens
      .map(({ label, role }) => ({ label, role }))
      .sort((a, b) => String(a.label).localeCompare(String(b.label)));
    expect(byLabel).toEqual([
      { label: 'admin', role: 'manage' },
      { label: 'Kontoret', role: 'manage' },
      { label: 'Reserve', role: 'read' },
      { label: 'Styret', role: 'read' },
    ]);
    for (const token of tokens) {
      expect(Object.keys(token).sort()).toEqual(['createdAt', 'id', 'label', 'revokedAt', 'role']);
    }
    expect((await call('GET', '/admin/sites', spare.token)).status).toBe(200);
    const revoked = await call('POST', `/admin/tokens/${spare.id}/revoke`, manager);
    expect(await revoked.json()).toEqual({ ok: true, id: spare.id });
    await expectError(await call('GET', '/admin/sites', spare.token), 401, 'unauthorized');
    await expectError(
      await call('POST', `/admin/tokens/${randomUUID()}/revoke`, manager),
      404,
      'not-found',
    );
    // Tokens are made by the CLI only.
    await expectError(
      await call('POST', '/admin/tokens', manager, { label: 'x', role: 'manage' }),
      405,
      'method-not-allowed',
    );
  });

  it('answers the latest audit entries, newest first, with labels and never a token', async () => {
    await call('POST', '/admin/sites', manager, { slug: 'ny-plass', name: 'Ny plass' });
    endpoint.clock.advance(60_000);
    await call('PATCH', `/admin/devices/${endpoint.tablet.device.id}`, endpoint.adminToken, {
      label: 'Døra',
    });
    const response = await call('GET', '/admin/log?limit=5', reader);
    const text = await response.clone().text();
    for (const token of [manager, endpoint.adminToken]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashToken(token));
    }
    expect(await response.json()).toEqual({
      ok: true,
      entries: [
        {
          at: '2026-11-23T16:06:00.000Z',
          actor: 'admin',
          action: 'device.label',
          target: endpoint.tablet.device.id,
        },
        {
          at: '2026-11-23T16:05:00.000Z',
          actor: 'Kontoret',
          action: 'site.add',
          target: 'ny-plass',
        },
      ],
    });
    const one = await call('GET', '/admin/log?limit=1', reader);
    expect(((await one.json()) as { entries: unknown[] }).entries).toHaveLength(1);
    for (const limit of ['0', '501', 'x', '-1', '1.5']) {
      const refused = await expectError(
        await call('GET', `/admin/log?limit=${limit}`, reader),
        400,
        'invalid',
      );
      expect(refused.issues?.[0]?.path).toBe('limit');
    }
  });
});
