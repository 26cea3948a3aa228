/**
 * The contract every Store must keep, run through the app against SQLite and PostgreSQL alike:
 * grow-only max-merge per replica, sums over replicas, closings by latest `at`, PROTOCOL.md's
 * roll-up, single-use pairing codes and revocation, and listing and removing a site's replicas.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  newDeviceCode,
  provisionAdminToken,
  provisionDevice,
} from '../../../src/server/cli/index.ts';
import { presetById } from '../../../src/domain/presets/index.ts';
import { hashToken } from '../../../src/server/tokens.ts';
import {
  siteDays as rollUpSiteDays,
  StoreConflictError,
  StoreLimitError,
  type Store,
} from '../../../src/server/store/index.ts';
import {
  mergeUploadOf,
  type Health,
  type SiteDaysAnswer,
  type UploadDay,
  type UploadV1,
} from '../../../src/shared/protocol.ts';
import {
  getDays,
  newSecret,
  OTHER_SITE,
  postCounts,
  PROTOCOL_EXAMPLE_DAY,
  seededEndpoint,
  SITE,
  uploadBody,
  uploadBodyV2,
} from '../harness.ts';
import { seeded } from '../../support/seeded.ts';
import { pickWith, randomDays } from './random-days.ts';
import { sumsContract } from './sums-contract.ts';

/** Opens a fresh, empty store and says how to throw it away. */
export type StoreFactory = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

/** Registers the contract suite for one kind of store. */
export function storeContract(name: string, openStore: StoreFactory): void {
  // A period's sums (readSiteSums), in a module of their own.
  sumsContract(name, openStore);
  describe(`${name} store contract`, () => {
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

    async function upload(days: UploadV1['days'], replica: string, token = endpoint.tablet.token) {
      const device = token === endpoint.tablet.token ? endpoint.tablet.device : undefined;
      const response = await postCounts(
        endpoint.app,
        token,
        uploadBody(device ?? { site: SITE, id: deviceIdOf(token) }, replica, days),
      );
      expect(response.status, await response.clone().text()).toBe(200);
      return response.json();
    }
    /** A version-2 upload over HTTP; the answer's status is the caller's to check. */
    function postV2(
      days: UploadDay[],
      replica: string,
      secret: string | undefined,
      extra: { health?: Health } = {},
    ) {
      const body: Record<string, unknown> = uploadBodyV2(
        endpoint.tablet.device,
        replica,
        secret ?? '',
        days,
        extra,
      );
      if (secret === undefined) delete body.secret;
      return postCounts(endpoint.app, endpoint.tablet.token, body);
    }
    async function uploadV2(days: UploadDay[], replica: string, secret: string) {
      const response = await postV2(days, replica, secret);
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const tokens = new Map<string, string>();
    const deviceIdOf = (token: string) => tokens.get(token)!;

    async function siteDays(from = '2026-11-01', to = '2026-11-30') {
      const response = await getDays(endpoint.app, endpoint.adminToken, SITE, from, to);
      expect(response.status).toBe(200);
      return ((await response.json()) as SiteDaysAnswer).days;
    }

    it('answers an upload with the server time and the counts of each day', async () => {
      const answer = await upload([PROTOCOL_EXAMPLE_DAY], randomUUID());
      expect(answer).toEqual({
        ok: true,
        serverTime: '2026-11-23T16:05:00.000Z',
        days: [{ date: '2026-11-23', counts: 4 }],
      });
    });

    it("rolls PROTOCOL.md's example up to exactly its totals", async () => {
      await upload([PROTOCOL_EXAMPLE_DAY], randomUUID());
      const response = await getDays(
        endpoint.app,
        endpoint.tablet.token,
        SITE,
        '2026-11-01',
        '2026-11-30',
      );
      // PROTOCOL.md prints the rows in upload order; the endpoint orders counters by id (the
      // domain's rollUp order), so the same rows come bingo, middag, visit.
      expect(await response.json()).toEqual({
        site: 'hjerterom-alta',
        from: '2026-11-01',
        to: '2026-11-30',
        days: [
          {
            date: '2026-11-23',
            replicas: 1,
            closed: true,
            cashCountedNok: 120,
            totals: [
              { counter: 'bingo', net: 12, amountNok: 120 },
              { counter: 'bingo', option: 'cash', net: 12, amountNok: 120 },
              { counter: 'middag', net: 31 },
              { counter: 'visit', net: 24 },
              { counter: 'visit', option: 'first-time', net: 4 },
              { counter: 'visit', hour: 13, net: 24 },
            ],
          },
        ],
      });
    });

    it('writes the same totals as days.csv: BOM, semicolons, CRLF, empty absent cells', async () => {
      await upload([PROTOCOL_EXAMPLE_DAY], randomUUID());
      const response = await getDays(
        endpoint.app,
        endpoint.adminToken,
        SITE,
        '2026-11-23',
        '2026-11-23',
        true,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain('attachment');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
        '\uFEFFdate;counter;option;hour;net;amount_nok;label\r\n' +
          '2026-11-23;bingo;;;12;120;\r\n' +
          '2026-11-23;bingo;cash;;12;120;\r\n' +
          '2026-11-23;middag;;;31;;\r\n' +
          '2026-11-23;visit;;;24;;\r\n' +
          '2026-11-23;visit;first-time;;4;;\r\n' +
          '2026-11-23;visit;;13;24;;\r\n',
      );
      // Once the site has published its configuration, rows carry its names.
      const config = { ...presetById(SITE)!, site: SITE };
      config.counters = config.counters.map((counter) =>
        counter.id === 'middag' ? { ...counter, name: { nb: 'Middag for alle' } } : counter,
      );
      const published = await endpoint.app.request(`/api/v1/sites/${SITE}/config`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${endpoint.tablet.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ baseVersion: 0, config, plan: [] }),
      });
      expect(published.status).toBe(200);
      const labelled = await getDays(
        endpoint.app,
        endpoint.adminToken,
        SITE,
        '2026-11-23',
        '2026-11-23',
        true,
      );
      expect(await labelled.text()).toContain('\r\n2026-11-23;middag;;;31;;Middag for alle\r\n');
    });

    it('changes nothing when an upload is replayed (keys with and without option and hour)', async () => {
      const replica = randomUUID();
      const day: UploadV1['days'][number] = {
        date: '2026-11-23',
        counts: [
          { counter: 'visit', inc: 3, dec: 1 },
          { counter: 'visit', option: 'first-time', inc: 2, dec: 0 },
          { counter: 'visit', hour: 0, inc: 5, dec: 0 },
          { counter: 'visit', option: 'first-time', hour: 13, inc: 7, dec: 2 },
          { counter: 'bingo', option: 'vipps', inc: 2, dec: 0, incNok: 20, decNok: 0 },
        ],
      };
      await upload([day], replica);
      const first = await siteDays();
      const firstRows = await store.readSiteDays(SITE, '2026-11-23', '2026-11-23');
      for (let i = 0; i < 3; i++) await upload([day], replica);
      expect(await siteDays()).toEqual(first);
      const rows = await store.readSiteDays(SITE, '2026-11-23', '2026-11-23');
      expect(rows.counts).toHaveLength(5);
      expect(sortRows(rows.counts)).toEqual(sortRows(firstRows.counts));
      // An hour of 0 is a real hour, not the same key as "not by hour".
      expect(first[0]!.totals).toContainEqual({ counter: 'visit', hour: 0, net: 5 });
      expect(first[0]!.totals).toContainEqual({ counter: 'visit', net: 3 - 1 + 2 + 5 + 7 - 2 });
    });

    it('changes nothing when an older, lower upload arrives late', async () => {
      const replica = randomUUID();
      const newer = {
        date: '2026-11-23',
        counts: [
          { counter: 'visit', hour: 13, inc: 9, dec: 2 },
          { counter: 'bingo', inc: 4, dec: 1, incNok: 40, decNok: 10 },
        ],
      };
      const older = {
        date: '2026-11-23',
        counts: [
          { counter: 'visit', hour: 13, inc: 5, dec: 1 },
          { counter: 'bingo', inc: 2, dec: 0, incNok: 20, decNok: 0 },
        ],
      };
      await upload([newer], replica);
      const before = await siteDays();
      await upload([older], replica);
      expect(await siteDays()).toEqual(before);
      expect(before[0]!.totals).toContainEqual({ counter: 'bingo', net: 3, amountNok: 30 });
      expect(before[0]!.totals).toContainEqual({ counter: 'visit', net: 7 });
    });

    it('merges each number by its own maximum, so crossed uploads keep the larger of each', async () => {
      const replica = randomUUID();
      await upload(
        [{ date: '2026-11-23', counts: [{ counter: 'visit', inc: 9, dec: 1 }] }],
        replica,
      );
      await upload(
        [{ date: '2026-11-23', counts: [{ counter: 'visit', inc: 8, dec: 3 }] }],
        replica,
      );
      expect((await siteDays())[0]!.totals).toEqual([{ counter: 'visit', net: 9 - 3 }]);
    });

    it('sums two replicas of a site', async () => {
      await upload([PROTOCOL_EXAMPLE_DAY], randomUUID());
      const second = await provisionDevice(
        store,
        { site: SITE, publicUrl: endpoint.publicUrl },
        endpoint.clock.now(),
      );
      tokens.set(second.token, second.device.id);
      await upload(
        [
          {
            date: '2026-11-23',
            counts: [
              { counter: 'visit', option: 'first-time', hour: 13, inc: 1, dec: 0 },
              { counter: 'bingo', option: 'cash', inc: 3, dec: 1, incNok: 30, decNok: 10 },
            ],
          },
        ],
        randomUUID(),
        second.token,
      );
      const [day] = await siteDays();
      expect(day!.replicas).toBe(2);
      // One replica's closing closes the site-day (protocol version 2's register).
      expect(day!.closed).toBe(true);
      expect(day!.cashCountedNok).toBe(120);
      expect(day!.totals).toEqual([
        { counter: 'bingo', net: 14, amountNok: 140 },
        { counter: 'bingo', option: 'cash', net: 14, amountNok: 140 },
        { counter: 'middag', net: 31 },
        { counter: 'visit', net: 25 },
        { counter: 'visit', option: 'first-time', net: 5 },
        { counter: 'visit', hour: 13, net: 25 },
      ]);
    });

    it('does not double a replica sent again by a newly paired device', async () => {
      const replica = randomUUID();
      await upload([PROTOCOL_EXAMPLE_DAY], replica);
      const before = await siteDays();
      const repaired = await provisionDevice(
        store,
        { site: SITE, publicUrl: endpoint.publicUrl },
        endpoint.clock.now(),
      );
      tokens.set(repaired.token, repaired.device.id);
      endpoint.clock.advance(60_000);
      await upload([PROTOCOL_EXAMPLE_DAY], replica, repaired.token);
      expect(await siteDays()).toEqual(before);
      const devices = await store.listDevices(SITE);
      const seen = devices.find((device) => device.id === repaired.device.id)!;
      expect(seen.lastSeenAt).toBe('2026-11-23T16:06:00.000Z');
      expect(seen.appVersion).toBe('terskel/0.1.0');
    });

    it('keeps the latest closing whatever order the uploads arrive in', async () => {
      const early = { at: '2026-11-23T15:00:00Z', cashCountedNok: 100 };
      const late = { at: '2026-11-23T15:30:00.000Z', cashCountedNok: 90 };
      const tieA = { at: '2026-11-23T15:30:00Z', cashCountedNok: 95 };
      const results = [];
      for (const order of [
        [early, late, tieA],
        [tieA, late, early],
        [late, early, tieA],
      ]) {
        const replica = randomUUID();
        const date = `2026-11-0${results.length + 1}`;
        for (const closed of order) {
          await upload([{ date, counts: [{ counter: 'visit', inc: 1, dec: 0 }], closed }], replica);
        }
        const rows = await store.readSiteDays(SITE, date, date);
        results.push(rows.closings.map(({ cashCountedNok }) => cashCountedNok));
      }
      // The same instant written two ways is one instant; on a tie the larger count wins.
      expect(results).toEqual([[95], [95], [95]]);
      const days = await siteDays();
      expect(days.map((day) => [day.closed, day.cashCountedNok])).toEqual([
        [true, 95],
        [true, 95],
        [true, 95],
      ]);
    });

    it('lists days without a closing as not closed and without cash', async () => {
      await upload(
        [{ date: '2026-11-20', counts: [{ counter: 'visit', inc: 2, dec: 0 }] }],
        randomUUID(),
      );
      expect(await siteDays()).toEqual([
        { date: '2026-11-20', replicas: 1, closed: false, totals: [{ counter: 'visit', net: 2 }] },
      ]);
    });

    it('keeps sites apart and answers only dates in range', async () => {
      await upload(
        [
          { date: '2026-10-31', counts: [{ counter: 'visit', inc: 1, dec: 0 }] },
          { date: '2026-11-01', counts: [{ counter: 'visit', inc: 2, dec: 0 }] },
          { date: '2026-11-23', counts: [{ counter: 'visit', inc: 3, dec: 0 }] },
          { date: '2026-11-24', counts: [{ counter: 'visit', inc: 4, dec: 0 }] },
        ],
        randomUUID(),
      );
      // The range ends before tomorrow (2026-11-24), the latest date a site stores.
      expect((await siteDays('2026-11-01', '2026-11-23')).map((day) => day.date)).toEqual([
        '2026-11-01',
        '2026-11-23',
      ]);
      const other = await getDays(
        endpoint.app,
        endpoint.adminToken,
        OTHER_SITE,
        '2026-10-01',
        '2026-12-31',
      );
      expect(((await other.json()) as SiteDaysAnswer).days).toEqual([]);
    });

    it("keeps its rolled-up site totals equal to every replica's counts, read between writes, in parallel and after a removal", async () => {
      const random = seeded(23);
      const pick = pickWith(random);
      const replicas = [randomUUID(), randomUUID(), randomUUID()];
      const dates = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];
      const anUpload = () => upload(randomDays(random, dates), pick(replicas));
      const hourly = async (hours: boolean) => {
        const response = await endpoint.app.request(
          `/api/v1/sites/${SITE}/days?from=2026-11-01&to=2026-11-30&hours=${hours}`,
          { headers: { Authorization: `Bearer ${endpoint.adminToken}` } },
        );
        expect(response.status).toBe(200);
        return ((await response.json()) as SiteDaysAnswer).days;
      };
      // What the stored counts roll up to, with or without the hourly totals.
      const expected = async (hours: boolean) => {
        const raw = await store.readSiteDays(SITE, '2026-11-01', '2026-11-30');
        return rollUpSiteDays(raw.counts, raw.closings).map((day) => ({
          ...day,
          totals: day.totals.filter((total) => hours || total.hour === undefined),
        }));
      };
      for (let step = 0; step < 24; step++) {
        await anUpload();
        if (step % 3 === 0)
          expect(await hourly(step % 2 === 0)).toEqual(await expected(step % 2 === 0));
        if (step % 8 === 7) {
          // Uploads and readings at once: a reading that misses an upload leaves it for the next.
          await Promise.all([anUpload(), hourly(true), anUpload(), hourly(false), anUpload()]);
        }
        if (step === 15) expect(await store.removeReplica(SITE, replicas[0]!)).toBe(true);
      }
      for (const hours of [true, false]) expect(await hourly(hours)).toEqual(await expected(hours));
      expect(await siteDays()).toEqual(await expected(true));
      // No hour row without hours; with them, there are some.
      const flat = (days: SiteDaysAnswer['days']) => days.flatMap((day) => day.totals);
      expect(flat(await hourly(false)).some((total) => total.hour !== undefined)).toBe(false);
      expect(flat(await hourly(true)).some((total) => total.hour !== undefined)).toBe(true);
    });

    it('rolls up every marked site-day without a reading, once (the hourly roll-up)', async () => {
      await upload([PROTOCOL_EXAMPLE_DAY], randomUUID());
      await upload([{ ...PROTOCOL_EXAMPLE_DAY, closed: undefined }], randomUUID());
      expect(await store.rollUpMarked()).toBe(1);
      // Nothing is left marked, and the kept totals are the replicas' counts summed.
      expect(await store.rollUpMarked()).toBe(0);
      const raw = await store.readSiteDays(SITE, '2026-11-23', '2026-11-23');
      const kept = await store.readSiteTotals(SITE, '2026-11-23', '2026-11-23', { hours: true });
      expect(kept.days).toEqual([expect.objectContaining({ date: '2026-11-23', replicas: 2 })]);
      expect(JSON.parse(kept.days[0]!.totals)).toEqual(
        rollUpSiteDays(raw.counts, raw.closings)[0]!.totals,
      );
    });

    it("lists every site's counted dates in a range, kept or only marked, rolling nothing up", async () => {
      const visits = (date: string) => ({ date, counts: [{ counter: 'visit', inc: 2, dec: 0 }] });
      await upload(['2026-09-27', '2026-09-28', '2026-11-19'].map(visits), randomUUID());
      const elsewhere = await postCounts(
        endpoint.app,
        endpoint.other.token,
        uploadBody(endpoint.other.device, randomUUID(), [visits('2026-11-20')]),
      );
      expect(elsewhere.status).toBe(200);
      expect(await store.rollUpMarked()).toBe(2);
      // Marked only: a date again, tomorrow, and a replica's date it had before it was removed.
      // A closing without counts is no counted date.
      await upload(
        [
          visits('2026-11-19'),
          visits('2026-11-24'),
          { date: '2026-11-23', counts: [], closed: { at: '2026-11-23T15:00:00.000Z' } },
        ],
        randomUUID(),
      );
      const removed = randomUUID();
      await upload([visits('2026-11-10')], removed);
      expect(await store.removeReplica(SITE, removed)).toBe(true);

      const listed = async (from: string, to: string) =>
        Object.fromEntries(await store.listCountedDates(from, to));
      const marked = ['2026-09-28', '2026-11-10', '2026-11-19', '2026-11-24'];
      expect(await listed('2026-09-28', '2026-11-24')).toEqual({
        [OTHER_SITE]: ['2026-11-20'],
        [SITE]: marked,
      });
      expect(await listed('2026-09-29', '2026-11-23')).toEqual({
        [OTHER_SITE]: ['2026-11-20'],
        [SITE]: ['2026-11-10', '2026-11-19'],
      });
      expect(await listed('2026-11-25', '2026-12-31')).toEqual({});
      // The listing rolled nothing up: the site's marks were still there for the roll-up, which
      // forgets the removed replica's date.
      expect(await store.rollUpMarked()).toBe(1);
      expect((await listed('2026-09-28', '2026-11-24'))[SITE]).toEqual(
        marked.filter((date) => date !== '2026-11-10'),
      );
    });

    it('refuses a reading whose hours is neither true nor false, naming it', async () => {
      const response = await endpoint.app.request(
        `/api/v1/sites/${SITE}/days?from=2026-11-01&to=2026-11-30&hours=yes`,
        { headers: { Authorization: `Bearer ${endpoint.adminToken}` } },
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ issues: [{ path: 'hours' }] });
    });

    describe('protocol version 2', () => {
      const DATE = '2026-11-23';
      const visit = [{ counter: 'visit', inc: 1, dec: 0 }];
      const { closed, ...exampleDay } = PROTOCOL_EXAMPLE_DAY;
      const PROTOCOL_EXAMPLE_DAY_V2: UploadDay = {
        ...exampleDay,
        closing: { closed: true, ...closed! },
      };
      // Lower-case hex UUIDs, so the tie goes to C (the larger id) in every collation.
      const [A, B, C] = ['a', 'b', 'c'].map((x) => `${x.repeat(8)}-0000-4000-8000-000000000000`);
      const secrets = new Map([A, B, C].map((replica) => [replica!, newSecret()]));
      type Write = { replica: string; closed: boolean; at: string; cashCountedNok?: number };
      const writes: Write[] = [
        { replica: A!, closed: true, at: '2026-11-23T15:00:00.000Z', cashCountedNok: 500 },
        { replica: B!, closed: false, at: '2026-11-23T15:10:00.000Z' },
        { replica: A!, closed: true, at: '2026-11-23T15:20:00.000Z' },
        { replica: C!, closed: false, at: '2026-11-23T15:20:00.000Z' },
        { replica: B!, closed: true, at: '2026-11-23T15:05:00.000Z', cashCountedNok: 480 },
      ];
      const send = (write: Write) => {
        const { replica, ...closing } = write;
        return uploadV2([{ date: DATE, counts: visit, closing }], replica, secrets.get(replica)!);
      };

      it('closes and reopens a site-day by the latest write of any replica, in any order and repetition', async () => {
        // The latest `at` is 15:20, written by A (a close) and C (a reopening): the tie goes to
        // the higher replica id, C, so the day is open. The cash is the latest count, B's 480
        // at 15:05 (A's 500 was counted at 15:00), although neither is the latest closing.
        const expected = { closed: false, cashCountedNok: 480 };
        const orders = [
          writes,
          [...writes].reverse(),
          [writes[3]!, writes[0]!, writes[3]!, ...writes],
        ];
        for (const order of orders) {
          for (const write of order) await send(write);
          const [day] = await siteDays(DATE, DATE);
          expect(day).toMatchObject({ date: DATE, replicas: 3, ...expected });
        }
        const stored = await store.readSiteDays(SITE, DATE, DATE);
        expect(stored.closings).toEqual([
          {
            date: DATE,
            closed: false,
            at: '2026-11-23T15:20:00.000Z',
            replica: C,
            cashCountedNok: 480,
          },
        ]);
      });

      it('counts cash counted by two tablets for one day once', async () => {
        await send({
          replica: A!,
          closed: true,
          at: '2026-11-23T15:00:00.000Z',
          cashCountedNok: 300,
        });
        await send({
          replica: B!,
          closed: true,
          at: '2026-11-23T15:01:00.000Z',
          cashCountedNok: 300,
        });
        const [day] = await siteDays(DATE, DATE);
        expect(day).toMatchObject({ closed: true, cashCountedNok: 300 });
      });

      it('reads a version-1 closing as a close, and a later version-2 reopening opens the day', async () => {
        await upload(
          [{ date: DATE, counts: visit, closed: { at: '2026-11-23T15:00:00.000Z' } }],
          A!,
        );
        expect((await siteDays(DATE, DATE))[0]).toMatchObject({ closed: true });
        await uploadV2(
          [{ date: DATE, counts: [], closing: { closed: false, at: '2026-11-23T15:30:00.000Z' } }],
          B!,
          secrets.get(B!)!,
        );
        expect((await siteDays(DATE, DATE))[0]).toMatchObject({ closed: false, replicas: 1 });
      });

      it('lists a day with a closing even when nothing was counted', async () => {
        await uploadV2(
          [
            {
              date: '2026-11-20',
              counts: [],
              closing: { closed: true, at: '2026-11-20T20:00:00.000Z', cashCountedNok: 0 },
            },
          ],
          A!,
          secrets.get(A!)!,
        );
        expect(await siteDays()).toEqual([
          { date: '2026-11-20', replicas: 0, closed: true, cashCountedNok: 0, totals: [] },
        ]);
      });

      it('refuses an upload to a replica without its secret (403) and writes nothing of it', async () => {
        const replica = randomUUID();
        const secret = newSecret();
        await uploadV2([{ date: DATE, counts: visit }], replica, secret);
        const before = await siteDays(DATE, DATE);
        const higher = [{ date: DATE, counts: [{ counter: 'visit', inc: 999_999, dec: 0 }] }];
        for (const attempt of [
          await postV2(higher, replica, newSecret()),
          await postCounts(
            endpoint.app,
            endpoint.tablet.token,
            uploadBody(endpoint.tablet.device, replica, higher),
          ),
        ]) {
          expect(attempt.status).toBe(403);
          expect(await attempt.json()).toMatchObject({ ok: false, error: 'forbidden' });
        }
        expect(await siteDays(DATE, DATE)).toEqual(before);
        // Its owner goes on sending; a replica first sent without a secret takes the first one.
        await uploadV2(higher, replica, secret);
        expect((await siteDays(DATE, DATE))[0]!.totals).toContainEqual({
          counter: 'visit',
          net: 999_999,
        });
        const old = randomUUID();
        await upload([{ date: DATE, counts: visit }], old);
        await uploadV2([{ date: DATE, counts: visit }], old, secret);
        expect((await postV2([{ date: DATE, counts: visit }], old, newSecret())).status).toBe(403);
      });

      it('counts nothing twice when a re-paired tablet or a tablet with an imported backup sends a replica with its secret', async () => {
        const replica = randomUUID();
        const secret = newSecret();
        await uploadV2([PROTOCOL_EXAMPLE_DAY_V2], replica, secret);
        const before = await siteDays(DATE, DATE);
        // Another device of the site (the same tablet paired again, or one that imported the
        // replica frozen in a backup) holds the secret: accepted, merged by maximum.
        const other = await provisionDevice(
          store,
          { site: SITE, publicUrl: endpoint.publicUrl },
          endpoint.clock.now(),
        );
        const again = await postCounts(
          endpoint.app,
          other.token,
          uploadBodyV2(other.device, replica, secret, [PROTOCOL_EXAMPLE_DAY_V2]),
        );
        expect(again.status).toBe(200);
        expect(await siteDays(DATE, DATE)).toEqual(before);
      });

      it("keeps the device's latest health, also from an upload without days", async () => {
        const health: Health = {
          appVersion: '0.2.0',
          installed: true,
          persisted: true,
          usageBytes: 1_000_000,
          quotaBytes: 2_000_000_000,
          unsavedTaps: 0,
          lastError: null,
          clock: '2026-11-23T16:04:58.000Z',
        };
        const response = await postV2([], randomUUID(), newSecret(), { health });
        expect(response.status, await response.clone().text()).toBe(200);
        const [device] = await store.listDevices(SITE);
        expect(device).toMatchObject({ health, healthAt: '2026-11-23T16:05:00.000Z' });
        expect((await postV2([], randomUUID(), newSecret())).status).toBe(400);
      });
    });

    describe("the organisation's view of replicas", () => {
      const { counts: exampleCounts } = PROTOCOL_EXAMPLE_DAY;
      /** A second tablet of the site, whose replica must stay as it is. */
      async function secondTablet() {
        const second = await provisionDevice(
          store,
          { site: SITE, label: 'Baren', publicUrl: endpoint.publicUrl },
          endpoint.clock.now(),
        );
        tokens.set(second.token, second.device.id);
        return second;
      }

      it('lists each replica with the device that last sent it, its first and last upload, days and totals', async () => {
        const [own, secret] = [randomUUID(), newSecret()];
        await uploadV2(
          [
            { date: '2026-11-20', counts: [{ counter: 'visit', hour: 12, inc: 3, dec: 1 }] },
            { date: '2026-11-23', counts: exampleCounts },
          ],
          own,
          secret,
        );
        endpoint.clock.advance(60_000);
        const second = await secondTablet();
        const theirs = randomUUID();
        await upload(
          [{ date: '2026-11-23', counts: [{ counter: 'visit', inc: 5, dec: 0 }] }],
          theirs,
          second.token,
        );
        endpoint.clock.advance(60_000);
        // A later upload moves the last upload only, and a lower count changes no total.
        await uploadV2(
          [{ date: '2026-11-23', counts: [{ counter: 'middag', inc: 1, dec: 0 }] }],
          own,
          secret,
        );

        expect(await store.listReplicas(SITE)).toEqual([
          {
            replica: own,
            device: { id: endpoint.tablet.device.id, label: 'Døra', revokedAt: null },
            firstSentAt: '2026-11-23T16:05:00.000Z',
            lastSentAt: '2026-11-23T16:07:00.000Z',
            days: 2,
            firstDate: '2026-11-20',
            lastDate: '2026-11-23',
            totals: [
              { counter: 'bingo', net: 12, amountNok: 120 },
              { counter: 'middag', net: 31 },
              // 3 − 1 on the 20th; 4 first-time and 21 − 1 by hour on the 23rd.
              { counter: 'visit', net: 2 + 4 + 20 },
            ],
          },
          {
            replica: theirs,
            device: { id: second.device.id, label: 'Baren', revokedAt: null },
            firstSentAt: '2026-11-23T16:06:00.000Z',
            lastSentAt: '2026-11-23T16:06:00.000Z',
            days: 1,
            firstDate: '2026-11-23',
            lastDate: '2026-11-23',
            totals: [{ counter: 'visit', net: 5 }],
          },
        ]);
        // The device is the one that sent it last, and says when it was revoked.
        await store.revokeDevice(second.device.id, endpoint.clock.now());
        expect((await store.listReplicas(SITE))[1]!.device.revokedAt).toBe(
          '2026-11-23T16:07:00.000Z',
        );
        // A replica that only sent health, no days, is listed without days or totals.
        const quiet = randomUUID();
        const response = await postV2([], quiet, newSecret(), {
          health: {
            appVersion: '0.2.0',
            installed: true,
            persisted: true,
            usageBytes: null,
            quotaBytes: null,
            unsavedTaps: 0,
            lastError: null,
            clock: '2026-11-23T16:07:00.000Z',
          },
        });
        expect(response.status, await response.clone().text()).toBe(200);
        expect((await store.listReplicas(SITE)).find((r) => r.replica === quiet)).toMatchObject({
          days: 0,
          firstDate: null,
          lastDate: null,
          totals: [],
        });
        expect(await store.listReplicas(OTHER_SITE)).toEqual([]);
        expect(await store.listReplicas('no-such-site')).toEqual([]);
      });

      it('removes a replica whole: the site drops by exactly it, another replica and the closing stay, and its owner brings it back', async () => {
        const [own, secret] = [randomUUID(), newSecret()];
        const ownDays: UploadDay[] = [
          { date: '2026-11-20', counts: [{ counter: 'visit', hour: 12, inc: 3, dec: 1 }] },
          {
            date: '2026-11-23',
            counts: exampleCounts,
            closing: { closed: true, at: '2026-11-23T15:02:11.000Z', cashCountedNok: 120 },
          },
        ];
        await uploadV2(ownDays, own, secret);
        const second = await secondTablet();
        const theirs = randomUUID();
        await upload(
          [
            {
              date: '2026-11-23',
              counts: [
                { counter: 'visit', hour: 13, inc: 5, dec: 0 },
                { counter: 'bingo', option: 'cash', inc: 1, dec: 0, incNok: 10, decNok: 0 },
              ],
            },
          ],
          theirs,
          second.token,
        );
        const before = await siteDays();
        const rowsBefore = await store.readSiteDays(SITE, '2026-11-01', '2026-11-30');
        // Both were first sent at the same instant: listed in replica id order.
        const listedTheirs = (await store.listReplicas(SITE)).find((r) => r.replica === theirs);
        expect(listedTheirs).toMatchObject({ replica: theirs, days: 1 });
        expect(before.map((day) => day.replicas)).toEqual([1, 2]);

        expect(await store.removeReplica(SITE, own)).toBe(true);

        // Its counts of every day and its row are gone; the site-day's closing register stays.
        const rows = await store.readSiteDays(SITE, '2026-11-01', '2026-11-30');
        expect(rows.counts.some((count) => count.replica === own)).toBe(false);
        expect(sortRows(rows.counts)).toEqual(
          sortRows(rowsBefore.counts.filter((count) => count.replica !== own)),
        );
        expect(rows.closings).toEqual(rowsBefore.closings);
        expect(await store.listReplicas(SITE)).toEqual([listedTheirs]);
        // The site's totals are exactly the other replica's: the 20th had only this one.
        expect(await siteDays()).toEqual(rollUpSiteDays(rows.counts, rows.closings));
        expect(await siteDays()).toEqual([
          {
            date: '2026-11-23',
            replicas: 1,
            closed: true,
            cashCountedNok: 120,
            totals: [
              { counter: 'bingo', net: 1, amountNok: 10 },
              { counter: 'bingo', option: 'cash', net: 1, amountNok: 10 },
              { counter: 'visit', net: 5 },
              { counter: 'visit', hour: 13, net: 5 },
            ],
          },
        ]);

        // Removing it again, from another site, or an unknown replica removes nothing.
        expect(await store.removeReplica(SITE, own)).toBe(false);
        expect(await store.removeReplica(OTHER_SITE, theirs)).toBe(false);
        expect(await store.removeReplica(SITE, randomUUID())).toBe(false);
        expect(await store.listReplicas(SITE)).toEqual([listedTheirs]);

        // Its owner sends what it has again, with its secret: the replica is made anew, first
        // sent now, and the site is as it was.
        endpoint.clock.advance(60_000);
        await uploadV2(ownDays, own, secret);
        expect(await siteDays()).toEqual(before);
        const back = (await store.listReplicas(SITE)).find((r) => r.replica === own);
        expect(back).toMatchObject({
          firstSentAt: '2026-11-23T16:06:00.000Z',
          lastSentAt: '2026-11-23T16:06:00.000Z',
          days: 2,
        });
        // Its secret was kept again from that upload: another one is refused.
        const stolen = await postV2(ownDays, own, newSecret());
        expect(stolen.status).toBe(403);
      });
    });

    it('publishes a configuration only from the version it was based on, one winner at a time', async () => {
      const now = endpoint.clock.now();
      const publish = (baseVersion: number, body: string) =>
        store.publishSiteConfig(SITE, { baseVersion, body, updatedBy: 'Døra' }, now);
      expect(await store.readSiteConfig(SITE)).toBeUndefined();
      const first = await Promise.all([publish(0, '{"a":1}'), publish(0, '{"b":1}')]);
      expect(first.filter((outcome) => outcome.ok)).toEqual([{ ok: true, version: 1 }]);
      const stored = await store.readSiteConfig(SITE);
      expect(stored).toMatchObject({ version: 1, updatedBy: 'Døra', updatedAt: now.toISOString() });
      expect(first.find((outcome) => !outcome.ok)).toEqual({ ok: false, current: stored });
      expect(await publish(1, '{"c":1}')).toEqual({ ok: true, version: 2 });
      expect(await publish(1, '{"d":1}')).toMatchObject({
        ok: false,
        current: { version: 2, body: '{"c":1}' },
      });
      expect(await store.readSiteConfig(OTHER_SITE)).toBeUndefined();
      await expect(
        store.publishSiteConfig(
          'no-such-site',
          { baseVersion: 0, body: '{}', updatedBy: 'x' },
          now,
        ),
      ).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('redeems a pairing code once, in any case and without the dash', async () => {
      const typed = endpoint.tablet.code.toLowerCase().replace('-', '');
      const pair = (code: string) =>
        endpoint.app.request('/api/v1/pair', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code }),
        });
      const first = await pair(typed);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({
        ok: true,
        site: SITE,
        device: endpoint.tablet.device.id,
        token: endpoint.tablet.token,
      });
      const again = await pair(endpoint.tablet.code);
      expect(again.status).toBe(404);
      expect(await again.json()).toMatchObject({ ok: false, error: 'not-found' });
    });

    it('lets a pairing code expire after 24 hours', async () => {
      const pair = (code: string) =>
        endpoint.app.request('/api/v1/pair', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code }),
        });
      endpoint.clock.advance(24 * 60 * 60 * 1000 - 1);
      expect((await pair(endpoint.other.code)).status).toBe(200);
      endpoint.clock.advance(1);
      const expired = await pair(endpoint.tablet.code);
      expect(expired.status).toBe(404);
      expect(await expired.json()).toMatchObject({ ok: false, error: 'not-found' });
    });

    it('refuses a revoked device with 401, and its pairing code with 404', async () => {
      expect(await store.revokeDevice(endpoint.tablet.device.id, endpoint.clock.now())).toBe(true);
      const response = await postCounts(
        endpoint.app,
        endpoint.tablet.token,
        uploadBody(endpoint.tablet.device, randomUUID(), [PROTOCOL_EXAMPLE_DAY]),
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: 'unauthorized' });
      const read = await getDays(
        endpoint.app,
        endpoint.tablet.token,
        SITE,
        '2026-11-01',
        '2026-11-30',
      );
      expect(read.status).toBe(401);
      const pair = await endpoint.app.request('/api/v1/pair', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: endpoint.tablet.code }),
      });
      expect(pair.status).toBe(404);
      expect(await store.revokeDevice(randomUUID(), endpoint.clock.now())).toBe(false);
    });

    it('keeps sites and devices, refusing a duplicate site', async () => {
      expect((await store.listSites()).map((site) => site.slug)).toEqual([OTHER_SITE, SITE]);
      await expect(
        store.addSite({ slug: SITE, name: 'Again' }, endpoint.clock.now()),
      ).rejects.toBeInstanceOf(StoreConflictError);
      await expect(
        store.addDevice(
          { id: randomUUID(), site: 'no-such-site', label: null, tokenHash: 'ab'.repeat(32) },
          endpoint.clock.now(),
        ),
      ).rejects.toBeInstanceOf(StoreConflictError);
      const devices = await store.listDevices(SITE);
      expect(devices).toEqual([
        {
          id: endpoint.tablet.device.id,
          site: SITE,
          label: 'Døra',
          createdAt: '2026-11-23T16:05:00.000Z',
          revokedAt: null,
          lastSeenAt: null,
          appVersion: null,
          health: null,
          healthAt: null,
        },
      ]);
      expect(await store.listDevices()).toHaveLength(2);
      expect(await store.getSite('no-such-site')).toBeUndefined();
    });

    it('merges a whole upload in one transaction: all days or none', async () => {
      const replica = randomUUID();
      const days: UploadV1['days'] = Array.from({ length: 62 }, (_, i) => ({
        date: new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10),
        counts: Array.from({ length: 24 }, (_, hour) => ({
          counter: 'visit',
          hour,
          inc: hour + 1,
          dec: 0,
        })),
      }));
      await upload(days, replica);
      const rows = await store.readSiteDays(SITE, '2026-09-01', '2026-11-01');
      expect(rows.counts).toHaveLength(62 * 24);
      // A device that no longer exists makes the write fail inside the transaction.
      await expect(
        store.mergeUpload(
          uploadBody({ site: SITE, id: randomUUID() }, randomUUID(), days),
          randomUUID(),
          endpoint.clock.now(),
        ),
      ).rejects.toThrow();
      const after = await store.readSiteDays(SITE, '2026-09-01', '2026-11-01');
      expect(after.counts).toHaveLength(62 * 24);
    });

    it('refuses a replica past the limit of a site, writing nothing of it, also when two race', async () => {
      const limits = { maxReplicas: 3 };
      const now = endpoint.clock.now();
      const device = endpoint.tablet.device;
      const merge = (replica: string) =>
        store.mergeUpload(
          mergeUploadOf(uploadBody(device, replica, [PROTOCOL_EXAMPLE_DAY])),
          device.id,
          now,
          limits,
        );
      const [first, second] = [randomUUID(), randomUUID()];
      await merge(first);
      await merge(second);
      // Two new replicas at once: the site has room for one of them only.
      const raced = await Promise.allSettled([merge(randomUUID()), merge(randomUUID())]);
      expect(raced.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = raced.find((result) => result.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(StoreLimitError);
      await expect(merge(randomUUID())).rejects.toMatchObject({ limit: 'replicas' });
      // A replica the site knows goes on merging.
      await merge(first);
      const rows = await store.readSiteDays(SITE, '2026-11-23', '2026-11-23');
      expect(new Set(rows.counts.map((count) => count.replica)).size).toBe(3);
      // One closing register for the site-day, whatever the number of replicas that closed it.
      expect(rows.closings).toHaveLength(1);
    });

    const pair = (code: string) =>
      endpoint.app.request('/api/v1/pair', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });

    it('keeps admin tokens with a label and a role, lists them without hashes and revokes them', async () => {
      endpoint.clock.advance(1000);
      const now = endpoint.clock.now();
      const reader = await provisionAdminToken(store, { label: 'Styret', role: 'read' }, now);
      const listed = await store.listAdminTokens();
      // The seeded admin (provisionAdmin) is a manage token labelled admin.
      expect(listed.map(({ label, role }) => ({ label, role }))).toEqual([
        { label: 'admin', role: 'manage' },
        { label: 'Styret', role: 'read' },
      ]);
      for (const admin of listed) {
        expect(Object.keys(admin).sort()).toEqual([
          'createdAt',
          'id',
          'label',
          'revokedAt',
          'role',
        ]);
      }
      expect(listed[1]).toEqual({ ...reader.admin, revokedAt: null });
      const found = await store.findAdminToken(hashToken(reader.token));
      expect(found?.admin).toEqual(reader.admin);

      expect(await store.revokeAdminToken(reader.admin.id, now)).toBe(true);
      expect(await store.findAdminToken(hashToken(reader.token))).toBeUndefined();
      const after = await store.listAdminTokens();
      expect(after[1]!.revokedAt).toBe(now.toISOString());
      expect(await store.revokeAdminToken(randomUUID(), now)).toBe(false);
      await expect(
        store.addAdminToken(hashToken(reader.token), now, { ...reader.admin }),
      ).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('keeps an audit log, newest first, with the label and never a token', async () => {
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 16, minute));
      await store.appendAudit({ actor: 'cli', action: 'site.add', target: SITE }, at(1));
      await store.appendAudit({ actor: 'Styret', action: 'device.label', target: 'x' }, at(2));
      await store.appendAudit({ actor: 'admin', action: 'admin.revoke', target: null }, at(2));
      expect(await store.listAudit(2)).toEqual([
        { at: at(2).toISOString(), actor: 'admin', action: 'admin.revoke', target: null },
        { at: at(2).toISOString(), actor: 'Styret', action: 'device.label', target: 'x' },
      ]);
      expect(await store.listAudit(10)).toHaveLength(3);
    });

    it('relabels a device, and removes its label with null', async () => {
      const id = endpoint.tablet.device.id;
      expect(await store.setDeviceLabel(id, 'Kjøkkenet')).toBe(true);
      expect((await store.listDevices(SITE))[0]!.label).toBe('Kjøkkenet');
      expect(await store.setDeviceLabel(id, null)).toBe(true);
      expect((await store.listDevices(SITE))[0]!.label).toBeNull();
      expect(await store.setDeviceLabel(randomUUID(), 'x')).toBe(false);
    });

    it('pairs a device again with a new code: a new token, the old one and old codes dead, nothing counted twice', async () => {
      const replica = randomUUID();
      await upload([PROTOCOL_EXAMPLE_DAY], replica);
      const before = await siteDays();
      const { id } = endpoint.tablet.device;

      const issued = await newDeviceCode(
        store,
        { deviceId: id, publicUrl: endpoint.publicUrl },
        endpoint.clock.now(),
      );
      expect(issued?.device).toMatchObject({ id, site: SITE, revokedAt: null });
      // The old token stops at once; the device's earlier, unused code is gone with it.
      const stale = await postCounts(
        endpoint.app,
        endpoint.tablet.token,
        uploadBody(endpoint.tablet.device, replica, [PROTOCOL_EXAMPLE_DAY]),
      );
      expect(stale.status).toBe(401);
      expect((await pair(endpoint.tablet.code)).status).toBe(404);

      // The tablet pairs with the new code: same device, a new token.
      const paired = await pair(issued!.code);
      expect(paired.status).toBe(200);
      const answer = (await paired.json()) as { device: string; site: string; token: string };
      expect(answer).toMatchObject({ ok: true, site: SITE, device: id });
      expect(answer.token).not.toBe(endpoint.tablet.token);
      expect((await pair(issued!.code)).status).toBe(404);

      // It keeps its replica and sends what it had again: the totals do not move.
      tokens.set(answer.token, id);
      await upload([PROTOCOL_EXAMPLE_DAY], replica, answer.token);
      expect(await siteDays()).toEqual(before);

      // A second new code replaces the first before it is used.
      const first = await newDeviceCode(
        store,
        { deviceId: id, publicUrl: '' },
        endpoint.clock.now(),
      );
      const second = await newDeviceCode(
        store,
        { deviceId: id, publicUrl: '' },
        endpoint.clock.now(),
      );
      expect((await pair(first!.code)).status).toBe(404);
      const repaired = await pair(second!.code);
      expect(repaired.status).toBe(200);
      const { token } = (await repaired.json()) as { token: string };

      // No code for a revoked or unknown device, and the revoked one's token stays dead.
      await store.revokeDevice(id, endpoint.clock.now());
      expect(
        await newDeviceCode(store, { deviceId: id, publicUrl: '' }, endpoint.clock.now()),
      ).toBeUndefined();
      expect(
        await newDeviceCode(store, { deviceId: randomUUID(), publicUrl: '' }, endpoint.clock.now()),
      ).toBeUndefined();
      const revoked = await postCounts(
        endpoint.app,
        token,
        uploadBody(endpoint.tablet.device, replica, [PROTOCOL_EXAMPLE_DAY]),
      );
      expect(revoked.status).toBe(401);
    });
  });
}

function sortRows<T extends { counter: string; option?: string; hour?: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) =>
    `${a.counter}|${a.option ?? ''}|${a.hour ?? ''}`.localeCompare(
      `${b.counter}|${b.option ?? ''}|${b.hour ?? ''}`,
    ),
  );
}
