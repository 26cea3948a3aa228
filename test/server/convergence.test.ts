import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { rollUp } from '../../src/domain/tally.ts';
import type { Store } from '../../src/server/store/index.ts';
import type { SiteDaysAnswer, UploadV1 as Upload } from '../../src/shared/protocol.ts';
import { countKey } from '../../src/shared/protocol.ts';
import { presetById } from '../../src/domain/presets/index.ts';
import {
  getDays,
  newSecret,
  postCounts,
  seededEndpoint,
  SITE,
  tempSqliteStore,
  uploadBodyV2,
} from './harness.ts';
import { provisionDevice } from '../../src/server/cli/index.ts';
import { seeded } from '../support/seeded.ts';

type Row = Upload['days'][number]['counts'][number];

/** A simulated tablet: grow-only state per day and key, as the real one keeps it. */
class Tablet {
  readonly replica = randomUUID();
  readonly days = new Map<string, Map<string, Row>>();
  readonly lastKeys: Array<{ date: string; key: string }> = [];

  constructor(
    readonly device: { id: string; site: string },
    readonly token: string,
  ) {}

  apply(date: string, key: Omit<Row, 'inc' | 'dec'>, delta: number, nok?: number) {
    const day = this.days.get(date) ?? new Map<string, Row>();
    this.days.set(date, day);
    const id = countKey(key);
    const row: Row = day.get(id) ?? { ...key, inc: 0, dec: 0 };
    if (delta > 0) row.inc += delta;
    else row.dec += -delta;
    if (nok !== undefined) {
      row.incNok = (row.incNok ?? 0) + (delta > 0 ? nok : 0);
      row.decNok = (row.decNok ?? 0) + (delta < 0 ? nok : 0);
    }
    day.set(id, row);
    if (delta > 0) this.lastKeys.push({ date, key: id });
  }

  /** The whole state as an upload: what the sync loop sends. */
  snapshot(): Upload {
    return {
      protocol: 1,
      site: this.device.site,
      device: this.device.id,
      replica: this.replica,
      sentAt: new Date().toISOString(),
      days: [...this.days].map(([date, rows]) => ({
        date,
        counts: [...rows.values()].map((row) => ({ ...row })),
      })),
    };
  }
}

let store: Store;
let dispose: () => Promise<void>;
beforeEach(() => {
  ({ store, dispose } = tempSqliteStore());
});
afterEach(async () => {
  await dispose();
});

it('converges on the sum of 3 tablets × 500 events through a lossy, duplicating, reordering network', async () => {
  const random = seeded(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const endpoint = await seededEndpoint(store, {
    limits: { tokenPerMinute: 1_000_000, addressPerMinute: 1_000_000 },
  });
  const tablets: Tablet[] = [new Tablet(endpoint.tablet.device, endpoint.tablet.token)];
  for (let i = 0; i < 2; i++) {
    const added = await provisionDevice(
      store,
      { site: SITE, publicUrl: endpoint.publicUrl },
      endpoint.clock.now(),
    );
    tablets.push(new Tablet(added.device, added.token));
  }

  // Yesterday, today and tomorrow by the endpoint's clock (later days are past its limit).
  const dates = ['2026-11-22', '2026-11-23', '2026-11-24'];
  const network: Array<{ tablet: Tablet; body: Upload }> = [];
  let delivered = 0;
  let dropped = 0;

  async function deliverSome(count: number) {
    for (let i = 0; i < count && network.length > 0; i++) {
      // Out of order: any waiting upload may be the next to arrive.
      const [message] = network.splice(Math.floor(random() * network.length), 1);
      const response = await postCounts(endpoint.app, message!.tablet.token, message!.body);
      expect(response.status).toBe(200);
      delivered++;
    }
  }

  for (let step = 0; step < 500; step++) {
    for (const tablet of tablets) {
      const date = pick(dates);
      const roll = random();
      if (roll < 0.5) {
        const key: Omit<Row, 'inc' | 'dec'> = { counter: 'visit' };
        if (random() < 0.5) key.option = pick(['first-time', 'returning']);
        if (random() < 0.7) key.hour = Math.floor(random() * 24);
        tablet.apply(date, key, 1);
      } else if (roll < 0.65) {
        tablet.apply(date, { counter: 'bingo', option: pick(['cash', 'vipps']) }, 1, 10);
      } else if (roll < 0.8 && tablet.lastKeys.length > 0) {
        // An undo: a −1 on a key that was tapped (kroner back for a sale).
        const last = pick(tablet.lastKeys);
        const row = tablet.days.get(last.date)!.get(last.key)!;
        const { counter, option, hour } = row;
        tablet.apply(
          last.date,
          { counter, ...(option ? { option } : {}), ...(hour !== undefined ? { hour } : {}) },
          -1,
          row.incNok !== undefined ? 10 : undefined,
        );
      } else if (roll < 0.9) {
        tablet.apply(date, { counter: 'middag' }, 1 + Math.floor(random() * 5));
      } else {
        tablet.apply(date, { counter: 'visit', hour: 13 }, 1);
      }
      if (random() < 0.2) {
        if (random() < 0.3) {
          dropped++;
        } else {
          const copies = 1 + Math.floor(random() * 3);
          for (let c = 0; c < copies; c++) network.push({ tablet, body: tablet.snapshot() });
        }
      }
    }
    if (random() < 0.3) await deliverSome(1 + Math.floor(random() * 3));
  }
  await deliverSome(network.length);
  // The final reliable upload of each tablet's whole state.
  for (const tablet of tablets) {
    expect((await postCounts(endpoint.app, tablet.token, tablet.snapshot())).status).toBe(200);
  }

  const answer = (await (
    await getDays(endpoint.app, endpoint.adminToken, SITE, dates[0]!, dates[2]!)
  ).json()) as SiteDaysAnswer;
  for (const date of dates) {
    const own = tablets.flatMap((tablet) => [...(tablet.days.get(date)?.values() ?? [])]);
    const day = answer.days.find((d) => d.date === date)!;
    expect(day.replicas).toBe(tablets.filter((tablet) => tablet.days.has(date)).length);
    // Every total row — whole day, per option, per hour, and kroner — equals the tablets' own.
    expect(day.totals).toEqual(rollUp(own));
  }
  const sumOf = (pick: (row: Row) => number) =>
    tablets.reduce(
      (sum, tablet) =>
        sum +
        [...tablet.days.values()]
          .flatMap((rows) => [...rows.values()])
          .reduce((s, row) => s + pick(row), 0),
      0,
    );
  const endpointNet = (counter: string) =>
    answer.days.reduce(
      (sum, day) =>
        sum +
        (day.totals.find(
          (t) => t.counter === counter && t.option === undefined && t.hour === undefined,
        )?.net ?? 0),
      0,
    );
  const kroner = answer.days.reduce(
    (sum, day) =>
      sum + (day.totals.find((t) => t.counter === 'bingo' && !t.option)?.amountNok ?? 0),
    0,
  );
  expect(kroner).toBe(sumOf((row) => (row.incNok ?? 0) - (row.decNok ?? 0)));
  expect(endpointNet('visit') + endpointNet('bingo') + endpointNet('middag')).toBe(
    sumOf((row) => row.inc - row.dec),
  );
  expect(kroner).toBeGreaterThan(0);
  // The network really was hostile.
  expect(dropped).toBeGreaterThan(10);
  expect(delivered).toBeGreaterThan(50);
}, 60_000);

/**
 * Protocol version 2's registers and configuration versions through the same hostile network:
 * three tablets close and reopen days (their clocks tie now and then) and publish configuration
 * from the version each last saw. Whatever is dropped, repeated or reordered, the endpoint ends
 * with each site-day's latest closing write by (at, replica, closed), and every tablet, after one
 * reliable sync, follows the endpoint's one configuration.
 */
it('converges on closings, reopenings and published configuration from 3 tablets through a lossy network', async () => {
  const random = seeded(20261205);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const endpoint = await seededEndpoint(store, {
    limits: { tokenPerMinute: 1_000_000, addressPerMinute: 1_000_000 },
  });
  const devices = [endpoint.tablet];
  for (let i = 0; i < 2; i++) {
    devices.push(
      await provisionDevice(
        store,
        { site: SITE, publicUrl: endpoint.publicUrl },
        endpoint.clock.now(),
      ),
    );
  }
  const base = { ...presetById(SITE)!, site: SITE };
  type Closing = { closed: boolean; at: string; cashCountedNok?: number };
  const tablets = devices.map((device) => ({
    device,
    replica: randomUUID(),
    secret: newSecret(),
    /** Its own latest closing write per date, as the real tablet keeps it. */
    closings: new Map<string, Closing>(),
    version: 0,
    name: base.name,
  }));
  type Tablet = (typeof tablets)[number];
  const dates = ['2026-11-21', '2026-11-22', '2026-11-23'];
  // Every closing write ever made, to compute the register the endpoint must end with.
  const written: Array<Closing & { replica: string; date: string }> = [];
  const network: Array<{ tablet: Tablet; send: () => Promise<void> }> = [];
  let dropped = 0;

  const upload = (tablet: Tablet) => {
    const days = [...tablet.closings].map(([date, closing]) => ({ date, counts: [], closing }));
    const body = uploadBodyV2(tablet.device.device, tablet.replica, tablet.secret, days);
    return async () => {
      const response = await postCounts(endpoint.app, tablet.device.token, body);
      expect(response.status, await response.clone().text()).toBe(200);
    };
  };
  const config = (tablet: Tablet) =>
    endpoint.app.request(`/api/v1/sites/${SITE}/config`, {
      headers: { Authorization: `Bearer ${tablet.device.token}` },
    });
  const publish = (tablet: Tablet, name: string) => {
    const body = JSON.stringify({
      baseVersion: tablet.version,
      config: { ...base, name },
      plan: [],
    });
    return async () => {
      const response = await endpoint.app.request(`/api/v1/sites/${SITE}/config`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${tablet.device.token}`,
          'Content-Type': 'application/json',
        },
        body,
      });
      const answer = (await response.json()) as {
        version?: number;
        current?: { version: number; config: { name: string } };
      };
      // A publish from an old version is refused with the current one, which the tablet follows.
      if (response.status === 200) [tablet.version, tablet.name] = [answer.version!, name];
      else {
        expect(response.status).toBe(409);
        [tablet.version, tablet.name] = [answer.current!.version, answer.current!.config.name];
      }
    };
  };
  const deliverSome = async (count: number) => {
    for (let i = 0; i < count && network.length > 0; i++) {
      const [message] = network.splice(Math.floor(random() * network.length), 1);
      await message!.send();
    }
  };
  const enqueue = (tablet: Tablet, send: () => Promise<void>) => {
    if (random() < 0.25) return void dropped++;
    for (let copies = 1 + Math.floor(random() * 3); copies > 0; copies--)
      network.push({ tablet, send });
  };

  for (let step = 0; step < 300; step++) {
    const tablet = pick(tablets);
    if (random() < 0.8) {
      const date = pick(dates);
      // Minutes from a small set, so two tablets often write the same instant (before the
      // endpoint's 16:05, as a closing from the future is refused).
      const at = `${date}T15:${String(Math.floor(random() * 6) * 10).padStart(2, '0')}:00.000Z`;
      const closing: Closing = { closed: random() < 0.6, at };
      if (closing.closed && random() < 0.5) closing.cashCountedNok = Math.floor(random() * 1000);
      // A tablet's clock moves on: its own writes of a date are later and later.
      const own = tablet.closings.get(date);
      if (own && at <= own.at) continue;
      tablet.closings.set(date, closing);
      written.push({ ...closing, replica: tablet.replica, date });
      enqueue(tablet, upload(tablet));
    } else {
      enqueue(tablet, publish(tablet, `Navn ${step}`));
    }
    if (random() < 0.4) await deliverSome(1 + Math.floor(random() * 3));
  }
  await deliverSome(network.length);
  // One reliable sync of each tablet: its whole state up, the configuration down.
  for (const tablet of tablets) {
    await upload(tablet)();
    const answer = (await (await config(tablet)).json()) as {
      version: number;
      config: { name: string };
    };
    [tablet.version, tablet.name] = [answer.version, answer.config.name];
  }

  const key = (w: { at: string; replica: string; closed: boolean }) =>
    [Date.parse(w.at), w.replica, w.closed ? 1 : 0] as const;
  const later = (a: ReturnType<typeof key>, b: ReturnType<typeof key>) =>
    a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
  const answer = (await (
    await getDays(endpoint.app, endpoint.adminToken, SITE, dates[0]!, dates[2]!)
  ).json()) as SiteDaysAnswer;
  for (const date of dates) {
    // Only each tablet's latest write per date reaches the endpoint for sure; earlier ones may.
    const sent = written.filter((w) => w.date === date);
    const expected = tablets
      .flatMap((tablet) => {
        const own = tablet.closings.get(date);
        return own ? [{ ...own, replica: tablet.replica }] : [];
      })
      .reduce<(Closing & { replica: string }) | undefined>(
        (best, w) => (!best || later(key(w), key(best)) ? w : best),
        undefined,
      );
    const day = answer.days.find((d) => d.date === date);
    if (!expected) {
      expect(day).toBeUndefined();
      continue;
    }
    // No write that may have arrived is later than the tablets' own latest ones.
    expect(sent.some((w) => later(key(w), key(expected)))).toBe(false);
    expect(day?.closed).toBe(expected.closed);
  }
  const versions = new Set(tablets.map((tablet) => `${tablet.version} ${tablet.name}`));
  expect(versions.size).toBe(1);
  const published = (await (await config(tablets[0]!)).json()) as {
    version: number;
    config: { name: string };
  };
  expect([...versions][0]).toBe(`${published.version} ${published.config.name}`);
  expect(published.version).toBeGreaterThan(1);
  expect(dropped).toBeGreaterThan(10);
}, 60_000);
