import { describe, expect, it } from 'vitest';
import { rangeTotals, type EndpointTotalsReader } from '../../src/state/reports.ts';
import { testKiosk } from '../support/kiosk.ts';
import { seedFrozen, seedThursday, THURSDAY, THURSDAY_1500 } from '../support/staff-seed.ts';

describe('range totals', () => {
  it("sum this tablet's replica and its frozen ones, per day", async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const storage = await kiosk.storage;
    await seedThursday(storage);
    await seedFrozen(storage.db, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', [
      { day: THURSDAY, counter: 'visit', hour: 12, inc: 2 },
      { day: '2026-11-20', counter: 'visit', hour: 12, inc: 7 },
    ]);
    const { source, days } = await rangeTotals(kiosk.store, '2026-11-01', '2026-11-30');
    expect(source).toBe('tablet');
    expect(
      days.map((day) => [
        day.date,
        day.totals.find((t) => t.counter === 'visit' && t.hour === 12)?.net,
      ]),
    ).toEqual([
      ['2026-11-20', 7],
      ['2026-11-26', 10],
    ]);
  });

  it("use the endpoint's totals where a reader is given and answers", async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const asked: string[] = [];
    const reader: EndpointTotalsReader = (from, to) => {
      asked.push(`${from}..${to}`);
      return Promise.resolve([
        { date: THURSDAY, replicas: 3, closed: true, totals: [{ counter: 'visit', net: 60 }] },
      ]);
    };
    expect(await rangeTotals(kiosk.store, '2026-11-01', '2026-11-30', reader)).toEqual({
      source: 'endpoint',
      days: [{ date: THURSDAY, closed: true, totals: [{ counter: 'visit', net: 60 }] }],
    });
    expect(asked).toEqual(['2026-11-01..2026-11-30']);
    expect((await rangeTotals(kiosk.store, '2026-11-01', '2026-11-30')).source).toBe('tablet');
  });
});
