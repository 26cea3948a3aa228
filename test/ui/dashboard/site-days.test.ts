// The page's cache of sites' days: a site and range asked for once, even by two parts of the
// page at the same time; a failure asked for again; a refused token reported to the page.
import { describe, expect, it } from 'vitest';
import { ApiError, type Api } from '../../../src/dashboard/api.ts';
import { siteDaysCache } from '../../../src/dashboard/site-days.ts';
import { DECEMBER, fakeApi } from './fixtures.ts';

describe("the dashboard's cache of days", () => {
  it('asks for a site and range once, however many parts of the page want it', async () => {
    const asked: string[] = [];
    let changes = 0;
    const cache = siteDaysCache(
      fakeApi(asked),
      () => changes++,
      () => {},
    );
    expect(cache.state('hjerterom-alta', DECEMBER)).toBeUndefined();
    const [first, second] = await Promise.all([
      cache.load('hjerterom-alta', DECEMBER),
      cache.load('hjerterom-alta', DECEMBER),
    ]);
    expect(second).toBe(first);
    expect(await cache.load('hjerterom-alta', DECEMBER)).toBe(first);
    expect(first.map((day) => day.date)).toEqual(['2026-12-01', '2026-12-02']);
    expect(cache.state('hjerterom-alta', DECEMBER)).toEqual({ state: 'loaded', days: first });
    expect(asked).toEqual(['days hjerterom-alta 2026-12-01 2026-12-31']);
    // Asked (loading) and answered (loaded): drawn twice.
    expect(changes).toBe(2);
  });

  it('asks again after a failure, and tells the page when the token is refused', async () => {
    const answers = [
      new ApiError({ reason: 'server', status: 503 }),
      new ApiError({ reason: 'refused' }),
    ];
    let calls = 0;
    const api: Api = {
      ...fakeApi(),
      days: async () => {
        calls++;
        const answer = answers.shift();
        if (answer) throw answer;
        return [];
      },
    };
    const refused: string[] = [];
    const cache = siteDaysCache(
      api,
      () => {},
      (why) => refused.push(why),
    );
    await expect(cache.load('a', DECEMBER)).rejects.toEqual(
      new ApiError({ reason: 'server', status: 503 }),
    );
    expect(cache.state('a', DECEMBER)?.state).toBe('failed');
    expect(refused).toEqual([]);
    await expect(cache.load('a', DECEMBER)).rejects.toEqual(new ApiError({ reason: 'refused' }));
    expect(refused).toEqual([
      'Nøkkelen ble ikke godtatt. Lag en ny med «admin add» og prøv igjen.',
    ]);
    expect(await cache.load('a', DECEMBER)).toEqual([]);
    expect(calls).toBe(3);
  });
});
