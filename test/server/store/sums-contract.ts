/**
 * The store contract of a period's sums (readSiteSums, GET /sites/:site/sums), run by
 * storeContract on SQLite and PostgreSQL alike: the sums are the whole-day totals of the same
 * days summed, whatever the period's months and edges, however uploads, readings and a removal
 * interleave, because the store's month totals are summed again whenever a day of them changes.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daysBetween } from '../../../src/domain/business-day.ts';
import { sumTotals } from '../../../src/domain/periods.ts';
import type { Store } from '../../../src/server/store/index.ts';
import {
  MAX_READ_DAYS,
  siteSumsAnswerSchema,
  type SiteDaysAnswer,
  type Total,
  type UploadV1,
} from '../../../src/shared/protocol.ts';
import { seeded } from '../../support/seeded.ts';
import { pickWith, randomDays } from './random-days.ts';
import { postCounts, seededEndpoint, SITE, uploadBody } from '../harness.ts';
import type { StoreFactory } from './store-contract.ts';

/** Periods of every shape, by the months they cover: none whole, some, exactly, years. */
const PERIODS: ReadonlyArray<[string, string]> = [
  // Within one month.
  ['2025-02-02', '2025-02-27'],
  ['2025-03-15', '2025-03-15'],
  ['2025-01-31', '2025-02-01'],
  // Partial months at both ends, with and without whole months between.
  ['2025-01-15', '2025-03-20'],
  ['2025-02-14', '2025-03-15'],
  ['2024-12-31', '2026-01-01'],
  // Whole months exactly.
  ['2025-02-01', '2025-02-28'],
  ['2025-01-01', '2025-03-31'],
  // A full year, a leap February's year, and ten years (MAX_SUM_DAYS, only through the store).
  ['2025-01-01', '2025-12-31'],
  ['2024-01-01', '2024-12-31'],
  ['2016-11-30', '2026-11-24'],
];

/** Dates at month edges and inside months, over two years and a leap day. */
const DATES = [
  '2024-02-29',
  '2024-12-31',
  '2025-01-01',
  '2025-01-15',
  '2025-01-31',
  '2025-02-01',
  '2025-02-14',
  '2025-02-28',
  '2025-03-01',
  '2025-03-15',
  '2025-03-31',
  '2025-07-04',
  '2025-12-31',
  '2026-01-01',
  '2026-11-23',
];

/** Registers the sums contract for one kind of store. */
export function sumsContract(name: string, openStore: StoreFactory): void {
  describe(`${name} store: a period's sums`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let endpoint: Awaited<ReturnType<typeof seededEndpoint>>;

    beforeEach(async () => {
      ({ store, dispose } = await openStore());
      endpoint = await seededEndpoint(store);
    });
    afterEach(async () => {
      await dispose();
    });

    async function upload(days: UploadV1['days'], replica: string) {
      const body = uploadBody(endpoint.tablet.device, replica, days);
      const response = await postCounts(endpoint.app, endpoint.tablet.token, body);
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const get = (path: string) =>
      endpoint.app.request(`/api/v1/sites/${SITE}/${path}`, {
        headers: { Authorization: `Bearer ${endpoint.adminToken}` },
      });

    /** The whole-day totals of the period's days as the store keeps them, summed. */
    async function summedDays(from: string, to: string) {
      const kept = await store.readSiteTotals(SITE, from, to, { hours: false });
      const days = kept.days.map((day) => ({ totals: JSON.parse(day.totals) as Total[] }));
      return { days: days.length, totals: sumTotals(days) };
    }

    /**
     * The store's sums of each period equal its days summed; and, for a period /days may read
     * (400 days), the answer of /sums equals the answer of /days?hours=false summed.
     */
    async function expectSumsOfDays() {
      // A new minute of the endpoint's clock, so the readings stay under the token's rate limit.
      endpoint.clock.advance(60_000);
      for (const [from, to] of PERIODS) {
        const sums = await store.readSiteSums(SITE, from, to);
        expect(sums, `${from}–${to}`).toEqual(await summedDays(from, to));
        if (daysBetween(from, to) + 1 > MAX_READ_DAYS) continue;
        const answer = siteSumsAnswerSchema.parse(
          await (await get(`sums?from=${from}&to=${to}`)).json(),
        );
        const days = (await (
          await get(`days?from=${from}&to=${to}&hours=false`)
        ).json()) as SiteDaysAnswer;
        const counted = days.days.filter((day) => day.replicas > 0);
        expect(answer, `/sums ${from}–${to}`).toEqual({
          site: SITE,
          from,
          to,
          days: counted.length,
          totals: sumTotals(counted),
        });
      }
    }

    it("equals summing the days' whole-day totals, read between uploads of several replicas and after a removal", async () => {
      const random = seeded(41);
      const pick = pickWith(random);
      const replicas = [randomUUID(), randomUUID(), randomUUID()];
      const anUpload = () =>
        upload(randomDays(random, DATES, { picks: 3, nokShare: 0.3 }), pick(replicas));
      // A day with a closing and no counts is no day of the sums.
      await upload(
        [{ date: '2025-02-10', counts: [], closed: { at: '2025-02-10T20:00:00.000Z' } }],
        replicas[1]!,
      );
      for (let step = 0; step < 30; step++) {
        await anUpload();
        if (step % 4 === 3) await expectSumsOfDays();
        if (step === 9) await store.rollUpMarked();
        if (step === 21) expect(await store.removeReplica(SITE, replicas[0]!)).toBe(true);
      }
      await expectSumsOfDays();
      // The draw carried kroner and options into the sums (or the test proves less than it says).
      const year = await store.readSiteSums(SITE, '2025-01-01', '2025-12-31');
      expect(year.totals.some((total) => total.amountNok !== undefined)).toBe(true);
      expect(year.totals.some((total) => total.option !== undefined)).toBe(true);
    });

    it('sums a month again when a day of it changes after it was read, and forgets a removed replica', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const march = ['2025-03-01', '2025-03-31'] as const;
      const year = ['2025-01-01', '2025-12-31'] as const;
      await upload(
        [
          {
            date: '2025-03-10',
            counts: [
              { counter: 'visit', hour: 12, inc: 3, dec: 0 },
              { counter: 'bingo', option: 'cash', inc: 2, dec: 0, incNok: 40, decNok: 0 },
            ],
          },
        ],
        first,
      );
      expect(await store.readSiteSums(SITE, ...march)).toEqual({
        days: 1,
        // Keys in the order they first occur by date, each day's as its roll-up orders them.
        totals: [
          { counter: 'bingo', net: 2, amountNok: 40 },
          { counter: 'bingo', option: 'cash', net: 2, amountNok: 40 },
          { counter: 'visit', net: 3 },
        ],
      });
      // More on the same day from the same replica, and another replica's day of the month.
      await upload([{ date: '2025-03-10', counts: [{ counter: 'visit', inc: 5, dec: 1 }] }], first);
      await upload(
        [
          {
            date: '2025-03-20',
            counts: [
              { counter: 'visit', option: 'first-time', inc: 2, dec: 0 },
              { counter: 'bingo', option: 'cash', inc: 1, dec: 0, incNok: 20, decNok: 5 },
            ],
          },
        ],
        second,
      );
      const both = {
        days: 2,
        totals: [
          { counter: 'bingo', net: 3, amountNok: 55 },
          { counter: 'bingo', option: 'cash', net: 3, amountNok: 55 },
          { counter: 'visit', net: 9 },
          { counter: 'visit', option: 'first-time', net: 2 },
        ],
      };
      expect(await store.readSiteSums(SITE, ...march)).toEqual(both);
      expect(await store.readSiteSums(SITE, ...year)).toEqual(both);
      // The day after the month is its own: it lands in the year, not in March.
      await upload(
        [{ date: '2025-04-01', counts: [{ counter: 'visit', inc: 1, dec: 0 }] }],
        second,
      );
      expect(await store.readSiteSums(SITE, ...march)).toEqual(both);
      expect(await store.readSiteSums(SITE, ...year)).toEqual({
        days: 3,
        totals: [both.totals[0], both.totals[1], { counter: 'visit', net: 10 }, both.totals[3]],
      });
      // A removed replica's counts leave the month; a month none of whose days is left, empty.
      expect(await store.removeReplica(SITE, first)).toBe(true);
      expect(await store.readSiteSums(SITE, ...march)).toEqual({
        days: 1,
        totals: [
          { counter: 'bingo', net: 1, amountNok: 15 },
          { counter: 'bingo', option: 'cash', net: 1, amountNok: 15 },
          { counter: 'visit', net: 2 },
          { counter: 'visit', option: 'first-time', net: 2 },
        ],
      });
      expect(await store.removeReplica(SITE, second)).toBe(true);
      expect(await store.readSiteSums(SITE, ...year)).toEqual({ days: 0, totals: [] });
    });
  });
}
