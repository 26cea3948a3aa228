/**
 * GET /api/v1/sites/:site/sums over HTTP: authorised as /days is, its dates checked as /days
 * checks them (up to MAX_SUM_DAYS instead of MAX_READ_DAYS), and its answer PROTOCOL.md's shape.
 * The sums themselves are the store contract's (sums-contract.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/server/store/index.ts';
import { errorAnswerSchema, siteSumsAnswerSchema } from '../../../src/shared/protocol.ts';
import {
  getDays,
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
  const days = [
    { date: '2026-10-31', counts: [{ counter: 'visit', inc: 7, dec: 0 }] },
    PROTOCOL_EXAMPLE_DAY,
  ];
  const response = await postCounts(
    endpoint.app,
    endpoint.tablet.token,
    uploadBody(endpoint.tablet.device, randomUUID(), days),
  );
  expect(response.status).toBe(200);
});
afterEach(async () => {
  await dispose();
});

const getSums = (token: string | undefined, site: string, query: string) =>
  endpoint.app.request(`/api/v1/sites/${site}/sums?${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });

/** The error answer's status, code and the paths of its issues. */
async function errorOf(response: Response) {
  const body = errorAnswerSchema.parse(await response.json());
  return {
    status: response.status,
    error: body.error,
    paths: body.issues?.map((issue) => issue.path),
  };
}

describe('GET /api/v1/sites/:site/sums', () => {
  it("answers the period's whole-day totals summed and its days with counts, to a device of the site and an admin", async () => {
    for (const token of [endpoint.tablet.token, endpoint.adminToken]) {
      const response = await getSums(token, SITE, 'from=2026-10-01&to=2026-11-30');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      // No hourly row: the sums are of whole-day totals only.
      expect(siteSumsAnswerSchema.parse(await response.json())).toEqual({
        site: SITE,
        from: '2026-10-01',
        to: '2026-11-30',
        days: 2,
        totals: [
          { counter: 'visit', net: 31 },
          { counter: 'bingo', net: 12, amountNok: 120 },
          { counter: 'bingo', option: 'cash', net: 12, amountNok: 120 },
          { counter: 'middag', net: 31 },
          { counter: 'visit', option: 'first-time', net: 4 },
        ],
      });
    }
  });

  it('answers as /days does to no token, a device of another site, and an unknown site', async () => {
    const cases: Array<[string | undefined, string]> = [
      [undefined, SITE],
      [endpoint.other.token, SITE],
      [endpoint.tablet.token, 'no-such-site'],
      [endpoint.adminToken, 'no-such-site'],
    ];
    for (const [token, site] of cases) {
      const sums = await errorOf(await getSums(token, site, 'from=2026-11-01&to=2026-11-30'));
      const days = await errorOf(
        await getDays(endpoint.app, token, site, '2026-11-01', '2026-11-30'),
      );
      expect(sums.status).not.toBe(200);
      expect(sums).toEqual(days);
    }
    expect(
      (await getSums(endpoint.other.token, SITE, 'from=2026-11-01&to=2026-11-30')).status,
    ).toBe(403);
  });

  it('answers 400 naming from or to for a missing or impossible date, to before from, or over 3660 days', async () => {
    const refused: Array<[string, string]> = [
      ['to=2026-11-30', 'from'],
      ['from=2026-11-01', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-11-01&to=2026-13-01', 'to'],
      ['from=2026-11-02&to=2026-11-01', 'to'],
      // 3661 days.
      ['from=2016-11-16&to=2026-11-24', 'to'],
    ];
    for (const [query, path] of refused) {
      expect(await errorOf(await getSums(endpoint.adminToken, SITE, query)), query).toEqual({
        status: 400,
        error: 'invalid',
        paths: [path],
      });
    }
    // 3660 days, ten times what /days reads at once; `hours` is no parameter of the sums.
    const tenYears = await getSums(
      endpoint.adminToken,
      SITE,
      'from=2016-11-17&to=2026-11-24&hours=x',
    );
    expect(tenYears.status).toBe(200);
    expect(siteSumsAnswerSchema.parse(await tenYears.json()).days).toBe(2);
  });

  it('answers 405 to any method but GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await endpoint.app.request(
        `/api/v1/sites/${SITE}/sums?from=2026-11-01&to=2026-11-30`,
        { method, headers: { Authorization: `Bearer ${endpoint.adminToken}` } },
      );
      expect((await errorOf(response)).status).toBe(405);
    }
  });
});
