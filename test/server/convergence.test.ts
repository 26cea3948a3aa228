import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { rollUp } from '../../src/domain/tally.ts';
import type { Store } from '../../src/server/store/index.ts';
import type { SiteDaysAnswer, Upload } from '../../src/shared/protocol.ts';
import { countKey } from '../../src/shared/protocol.ts';
import { getDays, postCounts, seededEndpoint, SITE, tempSqliteStore } from './harness.ts';
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
