import { describe, expect, it } from 'vitest';
import { funderReport } from '../../../src/domain/funder-report.ts';
import { openingSnapshotOf } from '../../../src/domain/opening.ts';
import { hjerteromAlta } from '../../../src/domain/presets/index.ts';
import { funderReportPlan, loadFunderReportDays } from '../../../src/state/funder-report/index.ts';
import { rememberOpening } from '../../../src/state/opening-snapshot.ts';
import { keepOpeningSnapshot } from '../../../src/storage/days.ts';
import { testKiosk } from '../../support/kiosk.ts';
import { seedThursday, THURSDAY, THURSDAY_1500 } from '../../support/staff-seed.ts';

describe("a day's opening snapshot", () => {
  it("is written for today only, with today's schedule, and kept once", async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const { db, replica } = await kiosk.storage;
    // A past day seen later is never frozen with a schedule it may not have had.
    expect(await rememberOpening(kiosk.store, '2026-11-20')).toBe(false);
    expect(await db.days.get([replica, '2026-11-20'])).toBeUndefined();
    expect(await rememberOpening(kiosk.store, THURSDAY)).toBe(true);
    expect(await rememberOpening(kiosk.store)).toBe(false);
    expect((await db.days.get([replica, THURSDAY]))?.opening).toEqual({
      open: true,
      hours: { open: '11:00', close: '21:00' },
    });
    expect(openingSnapshotOf(hjerteromAlta, THURSDAY)).toEqual({
      open: true,
      hours: { open: '11:00', close: '21:00' },
    });
  });
});

describe("the funder report's days", () => {
  it('carry the opening each day kept, so a changed schedule does not rewrite them', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const storage = await kiosk.storage;
    await seedThursday(storage);
    // That Thursday the place was open 10–22; the schedule now says 11–21.
    const kept = { open: true, hours: { open: '10:00', close: '22:00' } } as const;
    await keepOpeningSnapshot(storage.db, storage.replica, THURSDAY, kept);
    const loaded = await loadFunderReportDays(kiosk.store, THURSDAY, THURSDAY);
    expect(loaded.source).toBe('tablet');
    expect(loaded.days).toHaveLength(1);
    expect(loaded.days[0]?.opening).toEqual(kept);
    const plan = funderReportPlan(hjerteromAlta);
    const report = funderReport(THURSDAY, THURSDAY, loaded.days, hjerteromAlta, plan);
    expect(report.ok && report.report.opening.openingHours).toBe(12);

    // Without the snapshot the day falls back to today's schedule: 10 hours.
    await storage.db.days.update([storage.replica, THURSDAY], { opening: undefined });
    const fallback = await loadFunderReportDays(kiosk.store, THURSDAY, THURSDAY);
    expect(fallback.days[0]?.opening).toBeUndefined();
    const old = funderReport(THURSDAY, THURSDAY, fallback.days, hjerteromAlta, plan);
    expect(old.ok && old.report.opening.openingHours).toBe(10);
  });

  it("take the snapshot for the endpoint's days as well (the schedule is the site's)", async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const storage = await kiosk.storage;
    await keepOpeningSnapshot(storage.db, storage.replica, THURSDAY, { open: false });
    const loaded = await loadFunderReportDays(kiosk.store, THURSDAY, THURSDAY, () =>
      Promise.resolve([
        { date: THURSDAY, replicas: 2, closed: false, totals: [{ counter: 'visit', net: 7 }] },
      ]),
    );
    expect(loaded.source).toBe('endpoint');
    expect(loaded.days).toEqual([
      { date: THURSDAY, totals: [{ counter: 'visit', net: 7 }], opening: { open: false } },
    ]);
  });
});
