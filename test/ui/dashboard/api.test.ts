// The dashboard's requests: the token only in the Authorization header, never in a URL; a
// refused token forgotten at once; a long period asked for in pieces the endpoint takes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApi, readToken, saveToken } from '../../../src/dashboard/api.ts';

interface Seen {
  url: string;
  authorization: string | null;
}

function fetcher(seen: Seen[], status = 200): typeof fetch {
  return (async (input: string, init?: RequestInit) => {
    seen.push({ url: input, authorization: new Headers(init?.headers).get('authorization') });
    const body = input.includes('/admin/sites') ? { sites: [] } : { days: [] };
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
}

describe("the dashboard's API", () => {
  beforeEach(() => sessionStorage.clear());

  it('sends the token as a Bearer header and never in the URL', async () => {
    const seen: Seen[] = [];
    const api = createApi('secret-token', fetcher(seen));
    await api.sites();
    await api.days('hjerterom-alta', '2026-12-01', '2026-12-31');
    expect(seen.map((one) => one.authorization)).toEqual([
      'Bearer secret-token',
      'Bearer secret-token',
    ]);
    expect(seen.map((one) => one.url)).toEqual([
      '/api/v1/admin/sites',
      // Without the hourly totals: no page of the dashboard reads them.
      '/api/v1/sites/hjerterom-alta/days?from=2026-12-01&to=2026-12-31&hours=false',
    ]);
  });

  it('asks for a long period in pieces of at most 400 days', async () => {
    const seen: Seen[] = [];
    await createApi('t', fetcher(seen)).days('a', '2024-01-01', '2026-12-31');
    expect(seen.map((one) => one.url.split('?')[1])).toEqual([
      'from=2024-01-01&to=2025-02-03&hours=false',
      'from=2025-02-04&to=2026-03-10&hours=false',
      'from=2026-03-11&to=2026-12-31&hours=false',
    ]);
  });

  it("asks for a period's sums in one request and reads the answer by its schema", async () => {
    const answer = {
      site: 'hjerterom-alta',
      from: '2016-01-01',
      to: '2026-12-31',
      days: 2400,
      totals: [
        { counter: 'visit', net: 2400 },
        { counter: 'visit', option: 'first-time', net: 400 },
        { counter: 'bingo', net: 120, amountNok: 1200 },
      ],
    };
    const seen: Seen[] = [];
    const api = createApi('secret-token', (async (url: string, init?: RequestInit) => {
      seen.push({ url, authorization: new Headers(init?.headers).get('authorization') });
      return new Response(JSON.stringify(answer), { status: 200 });
    }) as typeof fetch);
    // Ten years are one request: the endpoint sums them, no pieces of 400 days.
    expect(await api.sums('hjerterom-alta', '2016-01-01', '2026-12-31')).toEqual(answer);
    expect(seen).toEqual([
      {
        url: '/api/v1/sites/hjerterom-alta/sums?from=2016-01-01&to=2026-12-31',
        authorization: 'Bearer secret-token',
      },
    ]);
  });

  it('tells an answer of sums in an unknown shape as a server failure', async () => {
    const answering = (text: string) =>
      (async () => new Response(text, { status: 200 })) as unknown as typeof fetch;
    const failureOf = (text: string) =>
      createApi('t', answering(text))
        .sums('a', '2026-12-01', '2026-12-31')
        .catch((error: ApiError) => error.failure);
    const noTotals = { site: 'a', from: '2026-12-01', to: '2026-12-31', days: 1 };
    expect(await failureOf(JSON.stringify(noTotals))).toEqual({ reason: 'server', status: 502 });
    expect(await failureOf('<html>')).toEqual({ reason: 'server', status: 502 });
    const fractional = { ...noTotals, totals: [{ counter: 'visit', net: -1.5 }] };
    expect(await failureOf(JSON.stringify(fractional))).toEqual({ reason: 'server', status: 502 });
  });

  it('forgets a refused token at once, and tells a server failure from it', async () => {
    saveToken('old');
    await expect(createApi('old', fetcher([], 401)).sites()).rejects.toEqual(
      new ApiError({ reason: 'refused' }),
    );
    expect(readToken()).toBeNull();
    saveToken('kept');
    const failure = await createApi('kept', fetcher([], 503))
      .sites()
      .catch((error: ApiError) => error.failure);
    expect(failure).toEqual({ reason: 'server', status: 503 });
    expect(readToken()).toBe('kept');
  });

  it('sends changes as JSON with the token in the header only, and reads the answers', async () => {
    const sent: Array<{ url: string; method: string; auth: string | null; body: unknown }> = [];
    const answers: Record<string, unknown> = {
      '/api/v1/admin/me': { ok: true, label: 'Kontoret', role: 'manage' },
      '/api/v1/admin/sites': { ok: true, site: { slug: 'ny', name: 'Ny', createdAt: 'x' } },
      '/api/v1/admin/sites/ny/devices': {
        ok: true,
        device: { id: 'd1', site: 'ny', label: 'Baren', lastSeenAt: null, revokedAt: null },
        code: 'ABCDE-23456',
        link: 'https://e.no/#/provision?c=x',
      },
      '/api/v1/admin/devices/d1/code': { ok: true, device: 'd1', code: 'C', link: 'L' },
    };
    const api = createApi('secret-token', (async (url: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      sent.push({
        url,
        method: init?.method ?? 'GET',
        auth: headers.get('authorization'),
        body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
      });
      if (init?.body !== undefined) expect(headers.get('content-type')).toBe('application/json');
      return new Response(JSON.stringify(answers[url] ?? { ok: true }), { status: 200 });
    }) as typeof fetch);
    expect(await api.me()).toEqual({ label: 'Kontoret', role: 'manage' });
    expect(await api.addSite('ny', 'Ny')).toEqual({
      slug: 'ny',
      name: 'Ny',
      createdAt: 'x',
      devices: [],
      countedDates: [],
    });
    const added = await api.addDevice('ny', 'Baren');
    expect(added.code).toBe('ABCDE-23456');
    expect(added.device).not.toHaveProperty('site');
    await api.addDevice('ny', null);
    await api.labelDevice('d1', null);
    await api.revokeDevice('d1');
    expect(await api.newCode('d1')).toEqual({ code: 'C', link: 'L' });
    expect(sent.map(({ url, method, body }) => [method, url, body])).toEqual([
      ['GET', '/api/v1/admin/me', undefined],
      ['POST', '/api/v1/admin/sites', { slug: 'ny', name: 'Ny' }],
      ['POST', '/api/v1/admin/sites/ny/devices', { label: 'Baren' }],
      ['POST', '/api/v1/admin/sites/ny/devices', {}],
      ['PATCH', '/api/v1/admin/devices/d1', { label: null }],
      ['POST', '/api/v1/admin/devices/d1/revoke', undefined],
      ['POST', '/api/v1/admin/devices/d1/code', undefined],
    ]);
    expect(new Set(sent.map((one) => one.auth))).toEqual(new Set(['Bearer secret-token']));
    expect(sent.filter((one) => one.url.includes('secret-token'))).toEqual([]);
  });

  it('tells a change the endpoint turned down, with its issues, and keeps the token', async () => {
    saveToken('kept');
    const refusing = (async () =>
      new Response(
        JSON.stringify({
          ok: false,
          error: 'invalid',
          message: 'The site ny already exists.',
          issues: [{ path: 'slug', message: 'a site with this slug already exists' }],
        }),
        { status: 400 },
      )) as unknown as typeof fetch;
    const failure = await createApi('kept', refusing)
      .addSite('ny', 'Ny')
      .catch((error: ApiError) => error.failure);
    expect(failure).toEqual({
      reason: 'rejected',
      status: 400,
      issues: [{ path: 'slug', message: 'a site with this slug already exists' }],
    });
    const missing = (async () =>
      new Response('not json', { status: 404 })) as unknown as typeof fetch;
    expect(
      await createApi('kept', missing)
        .revokeDevice('d1')
        .catch((error: ApiError) => error.failure),
    ).toEqual({ reason: 'rejected', status: 404, issues: [] });
    expect(readToken()).toBe('kept');
  });

  it('writes no HTML from strings: no innerHTML anywhere in the dashboard', () => {
    const dir = join(import.meta.dirname, '../../../src/dashboard');
    const sources = readdirSync(dir).filter((name) => /\.tsx?$/.test(name));
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) {
      expect(readFileSync(join(dir, name), 'utf8'), name).not.toMatch(/innerHTML/);
    }
  });
});
