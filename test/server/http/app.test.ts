import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/index.ts';
import { StoreUnavailableError, type Store } from '../../../src/server/store/index.ts';
import { errorAnswerSchema } from '../../../src/shared/protocol.ts';
import {
  getDays,
  OTHER_SITE,
  postCounts,
  PROTOCOL_EXAMPLE_DAY,
  seededEndpoint,
  SITE,
  tempSqliteStore,
  uploadBody,
} from '../harness.ts';

let store: Store;
let dispose: () => Promise<void>;
let endpoint: Awaited<ReturnType<typeof seededEndpoint>>;

beforeEach(async () => {
  ({ store, dispose } = tempSqliteStore());
  endpoint = await seededEndpoint(store);
});
afterEach(async () => {
  await dispose();
});

/** Checks an answer is PROTOCOL.md's error JSON with this status and code. */
async function expectError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await response.json();
  expect(errorAnswerSchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
  expect(body).toMatchObject({ ok: false, error });
  expect(typeof body.message).toBe('string');
  return body as { issues?: Array<{ path: string; message: string }> };
}

const validUpload = () => uploadBody(endpoint.tablet.device, randomUUID(), [PROTOCOL_EXAMPLE_DAY]);

describe('GET /api/v1/health', () => {
  it('answers ok without a token', async () => {
    const response = await endpoint.app.request('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, protocols: [1, 2] });
  });
});

describe('POST /api/v1/counts', () => {
  it('accepts a valid upload from its device', async () => {
    const response = await postCounts(endpoint.app, endpoint.tablet.token, validUpload());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      days: [{ date: '2026-11-23', counts: 4 }],
    });
  });

  it('answers 401 without a token, before looking at the body', async () => {
    await expectError(
      await postCounts(endpoint.app, undefined, validUpload()),
      401,
      'unauthorized',
    );
    const notJson = await endpoint.app.request('/api/v1/counts', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x'.repeat(300 * 1024),
    });
    await expectError(notJson, 401, 'unauthorized');
  });

  it('answers 401 for an unknown token and for a malformed Authorization header', async () => {
    await expectError(
      await postCounts(endpoint.app, 'not-a-token', validUpload()),
      401,
      'unauthorized',
    );
    const basic = await endpoint.app.request('/api/v1/counts', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${endpoint.tablet.token}`,
      },
      body: JSON.stringify(validUpload()),
    });
    await expectError(basic, 401, 'unauthorized');
  });

  it('answers 403 for another site, another device, or an admin token', async () => {
    const otherSite = { ...validUpload(), site: OTHER_SITE };
    await expectError(
      await postCounts(endpoint.app, endpoint.tablet.token, otherSite),
      403,
      'forbidden',
    );
    const otherDevice = { ...validUpload(), device: endpoint.other.device.id };
    await expectError(
      await postCounts(endpoint.app, endpoint.tablet.token, otherDevice),
      403,
      'forbidden',
    );
    await expectError(
      await postCounts(endpoint.app, endpoint.adminToken, validUpload()),
      403,
      'forbidden',
    );
  });

  it('answers 415 for a body that is not application/json', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const response = await endpoint.app.request('/api/v1/counts', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${endpoint.tablet.token}`,
          ...(type ? { 'Content-Type': type } : {}),
        },
        body: JSON.stringify(validUpload()),
      });
      await expectError(response, 415, 'unsupported-media-type');
    }
    const withCharset = await endpoint.app.request('/api/v1/counts', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${endpoint.tablet.token}`,
        'Content-Type': 'Application/JSON; charset=utf-8',
      },
      body: JSON.stringify(validUpload()),
    });
    expect(withCharset.status).toBe(200);
  });

  it('answers 413 for a declared Content-Length over 256 KiB', async () => {
    const response = await endpoint.app.request('/api/v1/counts', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${endpoint.tablet.token}`,
        'Content-Type': 'application/json',
        'Content-Length': String(256 * 1024 + 1),
      },
      body: '{}',
    });
    await expectError(response, 413, 'too-large');
  });

  it('answers 413 for a body over 256 KiB that does not say its length', async () => {
    const big = new TextEncoder().encode(
      JSON.stringify({ ...validUpload(), app: 'x'.repeat(300_000) }),
    );
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 16_384) controller.enqueue(big.slice(i, i + 16_384));
        controller.close();
      },
    });
    const response = await endpoint.app.request('/api/v1/counts', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${endpoint.tablet.token}`,
        'Content-Type': 'application/json',
      },
      body: stream,
      // @ts-expect-error Node's fetch needs `duplex` for a streamed body; the DOM types lack it.
      duplex: 'half',
    });
    await expectError(response, 413, 'too-large');
  });

  it('accepts a body of exactly 256 KiB as far as size goes', async () => {
    const body = JSON.stringify(validUpload());
    const padded = body + ' '.repeat(256 * 1024 - new TextEncoder().encode(body).length);
    const response = await postCounts(endpoint.app, endpoint.tablet.token, padded);
    expect(response.status).toBe(200);
  });

  it('answers 400 invalid with issues naming the path', async () => {
    const upload = validUpload();
    const response = await postCounts(endpoint.app, endpoint.tablet.token, {
      ...upload,
      days: [{ ...PROTOCOL_EXAMPLE_DAY, date: '2026-02-30' }],
    });
    const body = await expectError(response, 400, 'invalid');
    expect(body.issues).toEqual([{ path: 'days.0.date', message: expect.any(String) }]);
  });

  it('answers 400 for nulls, unknown fields, duplicate keys and dates', async () => {
    const upload = validUpload();
    const cases: Array<[unknown, string]> = [
      [{ ...upload, app: null }, 'app'],
      [{ ...upload, extra: 1 }, ''],
      [{ ...upload, days: [PROTOCOL_EXAMPLE_DAY, PROTOCOL_EXAMPLE_DAY] }, 'days.1.date'],
      [
        {
          ...upload,
          days: [
            {
              date: '2026-11-23',
              counts: [PROTOCOL_EXAMPLE_DAY.counts[0], PROTOCOL_EXAMPLE_DAY.counts[0]],
            },
          ],
        },
        'days.0.counts.1',
      ],
      [{ ...upload, days: [] }, 'days'],
      [{ ...upload, protocol: 3 }, 'protocol'],
    ];
    for (const [body, path] of cases) {
      const answer = await expectError(
        await postCounts(endpoint.app, endpoint.tablet.token, body),
        400,
        'invalid',
      );
      expect(answer.issues?.map((issue) => issue.path)).toContain(path);
    }
  });

  it('answers 400 for a body that is not JSON or not UTF-8', async () => {
    const notJson = await postCounts(endpoint.app, endpoint.tablet.token, '{"protocol": 1,');
    const body = await expectError(notJson, 400, 'invalid');
    expect(body.issues).toBeUndefined();
    const latin1 = await endpoint.app.request('/api/v1/counts', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${endpoint.tablet.token}`,
        'Content-Type': 'application/json',
      },
      body: new Uint8Array([0x7b, 0x22, 0xe6, 0x22, 0x3a, 0x31, 0x7d]),
    });
    await expectError(latin1, 400, 'invalid');
  });

  it('answers 405 for another method, with Allow', async () => {
    const response = await endpoint.app.request('/api/v1/counts', {
      headers: { Authorization: `Bearer ${endpoint.tablet.token}` },
    });
    await expectError(response, 405, 'method-not-allowed');
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('GET /api/v1/sites/:site/days', () => {
  beforeEach(async () => {
    await postCounts(endpoint.app, endpoint.tablet.token, validUpload());
  });

  it('answers a device of the site and an admin', async () => {
    for (const token of [endpoint.tablet.token, endpoint.adminToken]) {
      const response = await getDays(endpoint.app, token, SITE, '2026-11-23', '2026-11-23');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ site: SITE, days: [{ date: '2026-11-23' }] });
    }
  });

  it('answers 401 without a valid token', async () => {
    await expectError(
      await getDays(endpoint.app, undefined, SITE, '2026-11-01', '2026-11-30'),
      401,
      'unauthorized',
    );
    await expectError(
      await getDays(endpoint.app, 'nope', SITE, '2026-11-01', '2026-11-30'),
      401,
      'unauthorized',
    );
  });

  it('answers 403 to a device of another site, even for a site that does not exist', async () => {
    await expectError(
      await getDays(endpoint.app, endpoint.other.token, SITE, '2026-11-01', '2026-11-30'),
      403,
      'forbidden',
    );
    await expectError(
      await getDays(
        endpoint.app,
        endpoint.tablet.token,
        'no-such-site',
        '2026-11-01',
        '2026-11-30',
      ),
      403,
      'forbidden',
    );
  });

  it('answers 404 to an admin for a site that does not exist', async () => {
    await expectError(
      await getDays(endpoint.app, endpoint.adminToken, 'no-such-site', '2026-11-01', '2026-11-30'),
      404,
      'not-found',
    );
  });

  it('answers 400 for a missing or impossible date, to before from, or over 400 days', async () => {
    const missing = await endpoint.app.request(`/api/v1/sites/${SITE}/days?from=2026-11-01`, {
      headers: { Authorization: `Bearer ${endpoint.adminToken}` },
    });
    expect((await expectError(missing, 400, 'invalid')).issues?.[0]?.path).toBe('to');
    const impossible = await getDays(
      endpoint.app,
      endpoint.adminToken,
      SITE,
      '2026-02-30',
      '2026-03-01',
    );
    expect((await expectError(impossible, 400, 'invalid')).issues?.[0]?.path).toBe('from');
    await expectError(
      await getDays(endpoint.app, endpoint.adminToken, SITE, '2026-11-02', '2026-11-01'),
      400,
      'invalid',
    );
    await expectError(
      await getDays(endpoint.app, endpoint.adminToken, SITE, '2025-01-01', '2026-02-05'),
      400,
      'invalid',
    );
    const fourHundred = await getDays(
      endpoint.app,
      endpoint.adminToken,
      SITE,
      '2025-01-01',
      '2026-02-04',
    );
    expect(fourHundred.status).toBe(200);
  });

  it('answers the CSV with the same authorisation rules', async () => {
    await expectError(
      await getDays(endpoint.app, undefined, SITE, '2026-11-01', '2026-11-30', true),
      401,
      'unauthorized',
    );
    await expectError(
      await getDays(endpoint.app, endpoint.other.token, SITE, '2026-11-01', '2026-11-30', true),
      403,
      'forbidden',
    );
    const csv = await getDays(
      endpoint.app,
      endpoint.tablet.token,
      SITE,
      '2026-11-01',
      '2026-11-30',
      true,
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('2026-11-23;visit;first-time;;4;;\r\n');
  });

  it('answers 405 for POST', async () => {
    const headers = { Authorization: `Bearer ${endpoint.tablet.token}` };
    const response = await endpoint.app.request(`/api/v1/sites/${SITE}/days`, {
      method: 'POST',
      headers,
    });
    await expectError(response, 405, 'method-not-allowed');
    await expectError(
      await endpoint.app.request(`/api/v1/sites/${SITE}/days.csv`, { method: 'DELETE', headers }),
      405,
      'method-not-allowed',
    );
  });
});

describe('POST /api/v1/pair', () => {
  const pair = (body: unknown, type = 'application/json') =>
    endpoint.app.request('/api/v1/pair', {
      method: 'POST',
      headers: { 'Content-Type': type },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('exchanges a code for the device token, which then works', async () => {
    const response = await pair({ code: endpoint.tablet.code });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect((await postCounts(endpoint.app, token, validUpload())).status).toBe(200);
  });

  it('answers 404 for codes that do not exist or cannot be codes', async () => {
    for (const code of ['00000-00000', 'hello', '', 'UUUUU-UUUUU']) {
      await expectError(await pair({ code }), 404, 'not-found');
    }
  });

  it('answers 400 for a body of the wrong shape and 415 for the wrong type', async () => {
    await expectError(await pair({ code: 12 }), 400, 'invalid');
    await expectError(await pair({ code: 'x', extra: true }), 400, 'invalid');
    await expectError(
      await pair(`code=${endpoint.tablet.code}`, 'application/x-www-form-urlencoded'),
      415,
      'unsupported-media-type',
    );
  });

  it('allows 10 attempts a minute from one address, then 429 with Retry-After', async () => {
    for (let i = 0; i < 10; i++)
      await expectError(await pair({ code: '00000-00000' }), 404, 'not-found');
    const limited = await pair({ code: endpoint.tablet.code });
    await expectError(limited, 429, 'rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    endpoint.clock.advance(60_000);
    expect((await pair({ code: endpoint.tablet.code })).status).toBe(200);
  });

  it('answers 405 for GET', async () => {
    await expectError(await endpoint.app.request('/api/v1/pair'), 405, 'method-not-allowed');
  });
});

describe('rate limits', () => {
  it('allows 120 requests a minute per token, then 429 with Retry-After until the minute is over', async () => {
    for (let i = 0; i < 120; i++) {
      const response = await getDays(
        endpoint.app,
        endpoint.tablet.token,
        SITE,
        '2026-11-01',
        '2026-11-30',
      );
      expect(response.status).toBe(200);
    }
    const limited = await getDays(
      endpoint.app,
      endpoint.tablet.token,
      SITE,
      '2026-11-01',
      '2026-11-30',
    );
    await expectError(limited, 429, 'rate-limited');
    expect(limited.headers.get('retry-after')).toBe('60');
    endpoint.clock.advance(30_000);
    const stillLimited = await getDays(
      endpoint.app,
      endpoint.tablet.token,
      SITE,
      '2026-11-01',
      '2026-11-30',
    );
    expect(stillLimited.headers.get('retry-after')).toBe('30');
    // Another token has its own budget.
    expect(
      (await getDays(endpoint.app, endpoint.adminToken, SITE, '2026-11-01', '2026-11-30')).status,
    ).toBe(200);
    endpoint.clock.advance(30_000);
    expect(
      (await getDays(endpoint.app, endpoint.tablet.token, SITE, '2026-11-01', '2026-11-30')).status,
    ).toBe(200);
  });

  it('allows 60 requests a minute per address without a token', async () => {
    for (let i = 0; i < 60; i++) {
      expect((await endpoint.app.request('/api/v1/health')).status).toBe(200);
    }
    await expectError(await endpoint.app.request('/api/v1/health'), 429, 'rate-limited');
    await expectError(
      await postCounts(endpoint.app, 'guessed-token', validUpload()),
      429,
      'rate-limited',
    );
    // A valid token is not held back by its address.
    expect((await postCounts(endpoint.app, endpoint.tablet.token, validUpload())).status).toBe(200);
  });

  it('takes its limits from the factory', async () => {
    const app = createApp({
      store,
      clock: endpoint.clock.now,
      logger: () => {},
      limits: { addressPerMinute: 2 },
    });
    expect((await app.request('/api/v1/health')).status).toBe(200);
    expect((await app.request('/api/v1/health')).status).toBe(200);
    expect((await app.request('/api/v1/health')).status).toBe(429);
  });
});

describe('unknown paths and failures', () => {
  it('answers 404 JSON for an unknown API path (to a caller with a token)', async () => {
    const headers = { Authorization: `Bearer ${endpoint.tablet.token}` };
    await expectError(await endpoint.app.request('/api/v1/nothing', { headers }), 404, 'not-found');
    await expectError(
      await endpoint.app.request('/api/v2/counts', { method: 'POST', headers }),
      404,
      'not-found',
    );
  });

  it('answers 500 server-error for a thrown error and keeps answering', async () => {
    const broken: Store = {
      ...store,
      readSiteTotals: async () => {
        throw new Error('a bug');
      },
    };
    const logs: unknown[] = [];
    const app = createApp({
      store: broken,
      clock: endpoint.clock.now,
      logger: (entry) => logs.push(entry),
    });
    await expectError(
      await getDays(app, endpoint.adminToken, SITE, '2026-11-01', '2026-11-30'),
      500,
      'server-error',
    );
    expect((await app.request('/api/v1/health')).status).toBe(200);
    expect(JSON.stringify(logs)).toContain('a bug');
  });

  it('answers 503 unavailable when the database fails, and health still answers', async () => {
    const failing: Store = {
      ...store,
      mergeUpload: async () => {
        throw new StoreUnavailableError(new Error('disk I/O error'));
      },
    };
    const app = createApp({ store: failing, clock: endpoint.clock.now, logger: () => {} });
    const response = await postCounts(app, endpoint.tablet.token, validUpload());
    await expectError(response, 503, 'unavailable');
    expect(response.headers.get('retry-after')).toBe('30');
    await store.close();
    // A closed database fails every authenticated request the same way.
    await expectError(
      await getDays(endpoint.app, endpoint.adminToken, SITE, '2026-11-01', '2026-11-30'),
      503,
      'unavailable',
    );
    expect((await endpoint.app.request('/api/v1/health')).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers only configured origins', async () => {
    const app = createApp({
      store,
      clock: endpoint.clock.now,
      logger: () => {},
      corsOrigins: ['https://kiosk.example.no'],
    });
    const allowed = await app.request('/api/v1/health', {
      headers: { Origin: 'https://kiosk.example.no' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://kiosk.example.no');
    const other = await app.request('/api/v1/health', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/api/v1/counts', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://kiosk.example.no',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    // A tablet on another origin publishes its site's configuration and asks for a newer one.
    const publish = await app.request(`/api/v1/sites/${SITE}/config`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://kiosk.example.no',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, if-none-match',
      },
    });
    expect(publish.headers.get('access-control-allow-methods')).toMatch(/\bPUT\b/);
    expect(publish.headers.get('access-control-allow-headers')).toMatch(/if-none-match/i);
    const read = await app.request('/api/v1/health', {
      headers: { Origin: 'https://kiosk.example.no' },
    });
    expect(read.headers.get('access-control-expose-headers')).toMatch(/ETag/);
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const response = await endpoint.app.request('/api/v1/health', {
      headers: { Origin: 'https://kiosk.example.no' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request logs', () => {
  it('logs method, path, status and time as JSON, never a token, query or body', async () => {
    await postCounts(endpoint.app, endpoint.tablet.token, validUpload());
    await getDays(endpoint.app, endpoint.adminToken, SITE, '2026-11-01', '2026-11-30');
    await postCounts(endpoint.app, undefined, validUpload());
    expect(endpoint.logs).toHaveLength(3);
    expect(endpoint.logs[0]).toEqual({
      time: expect.any(String),
      method: 'POST',
      path: '/api/v1/counts',
      status: 200,
      ms: expect.any(Number),
    });
    expect(endpoint.logs[1]).toMatchObject({
      method: 'GET',
      path: `/api/v1/sites/${SITE}/days`,
      status: 200,
    });
    const text = JSON.stringify(endpoint.logs);
    for (const secret of [endpoint.tablet.token, endpoint.adminToken, 'first-time', '2026-11-01']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('admin API and dashboard', () => {
  it('lists sites with their devices, last sync and app version for an admin', async () => {
    await postCounts(endpoint.app, endpoint.tablet.token, validUpload());
    const response = await endpoint.app.request('/api/v1/admin/sites', {
      headers: { Authorization: `Bearer ${endpoint.adminToken}` },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.sites.map((site: { slug: string }) => site.slug)).toEqual([OTHER_SITE, SITE]);
    expect(body.sites[1].devices).toEqual([
      {
        id: endpoint.tablet.device.id,
        label: 'Døra',
        createdAt: '2026-11-23T16:05:00.000Z',
        revokedAt: null,
        lastSeenAt: '2026-11-23T16:05:00.000Z',
        appVersion: 'terskel/0.1.0',
        health: null,
        healthAt: null,
      },
    ]);
  });

  it('refuses devices (403) and strangers (401)', async () => {
    const asDevice = await endpoint.app.request('/api/v1/admin/sites', {
      headers: { Authorization: `Bearer ${endpoint.tablet.token}` },
    });
    await expectError(asDevice, 403, 'forbidden');
    await expectError(await endpoint.app.request('/api/v1/admin/sites'), 401, 'unauthorized');
    await expectError(
      await endpoint.app.request('/api/v1/admin/sites', { method: 'POST' }),
      401,
      'unauthorized',
    );
    await expectError(
      await endpoint.app.request('/api/v1/admin/sites', {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${endpoint.adminToken}` },
      }),
      405,
      'method-not-allowed',
    );
  });

  it('serves the built dashboard page at /dashboard with its own strict CSP, or says to build it', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'terskel-dist-'));
    try {
      const app = createApp({ store, clock: endpoint.clock.now, logger: () => {}, distDir: dist });
      const missing = await app.request('/dashboard');
      await expectError(missing, 404, 'not-found');
      writeFileSync(
        join(dist, 'dashboard.html'),
        '<!doctype html><title>Terskel – oversikt</title><script type="module" src="/assets/dashboard-abc.js"></script>',
      );
      for (const path of ['/dashboard', '/dashboard.html']) {
        const page = await app.request(path);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(page.headers.get('cache-control')).toBe('no-cache');
        expect(page.headers.get('x-frame-options')).toBe('DENY');
        const policy = page.headers.get('content-security-policy') ?? '';
        expect(policy).toContain("default-src 'self'");
        expect(policy).toContain("frame-ancestors 'none'");
        // Its scripts are its own files only: no inline script, no hash, no other origin.
        expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
        expect(policy).toMatch(/(^|; )connect-src 'self'(;|$)/);
        expect(policy).not.toMatch(/unsafe-inline|sha256-|https:/);
        expect(await page.text()).toContain('/assets/dashboard-abc.js');
      }
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('static files of the PWA', () => {
  let dist: string;
  let app: ReturnType<typeof createApp>;

  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'terskel-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Terskel</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
    app = createApp({ store, clock: endpoint.clock.now, logger: () => {}, distDir: dist });
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('serves index.html and sw.js with no-cache', async () => {
    for (const path of ['/', '/index.html', '/sw.js']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await app.request('/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await app.request('/sw.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves hashed assets as immutable', async () => {
    const response = await app.request('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers a missing asset with 404, never index.html', async () => {
    for (const path of ['/assets/index-old999.js', '/missing.css', '/icon.png']) {
      const response = await app.request(path);
      await expectError(response, 404, 'not-found');
    }
  });

  it('answers navigations with index.html', async () => {
    for (const path of ['/closing', '/history/2026', '/staff/settings/']) {
      const response = await app.request(path, { headers: { Accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Terskel</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('revalidates with an ETag', async () => {
    const first = await app.request('/sw.js');
    const etag = first.headers.get('etag')!;
    const second = await app.request('/sw.js', { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
  });

  it('never serves a file outside dist', async () => {
    writeFileSync(join(dist, '..', 'terskel-secret.txt'), 'secret');
    try {
      for (const path of [
        '/../terskel-secret.txt',
        '/%2e%2e/terskel-secret.txt',
        '/assets/..%2f..%2fterskel-secret.txt',
      ]) {
        const response = await app.request(path);
        expect(await response.text()).not.toContain('secret');
      }
    } finally {
      rmSync(join(dist, '..', 'terskel-secret.txt'));
    }
  });

  it('answers other methods with 405 and says when the app is not built', async () => {
    await expectError(await app.request('/', { method: 'POST' }), 405, 'method-not-allowed');
    const unbuilt = await endpoint.app.request('/');
    const body = await expectError(unbuilt, 404, 'not-found');
    expect(JSON.stringify(body)).toContain('npm run build');
  });
});
