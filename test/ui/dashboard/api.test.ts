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
      '/api/v1/sites/hjerterom-alta/days?from=2026-12-01&to=2026-12-31',
    ]);
  });

  it('asks for a long period in pieces of at most 400 days', async () => {
    const seen: Seen[] = [];
    await createApi('t', fetcher(seen)).days('a', '2024-01-01', '2026-12-31');
    expect(seen.map((one) => one.url.split('?')[1])).toEqual([
      'from=2024-01-01&to=2025-02-03',
      'from=2025-02-04&to=2026-03-10',
      'from=2026-03-11&to=2026-12-31',
    ]);
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

  it('writes no HTML from strings: no innerHTML anywhere in the dashboard', () => {
    const dir = join(import.meta.dirname, '../../../src/dashboard');
    const sources = readdirSync(dir).filter((name) => /\.tsx?$/.test(name));
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) {
      expect(readFileSync(join(dir, name), 'utf8'), name).not.toMatch(/innerHTML/);
    }
  });
});
