import { describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { cashDifference, closingSummary } from '../../src/domain/closing.ts';
import {
  closeTheDay,
  isDayClosed,
  loadClosingRecord,
  reopenTheDay,
  saveDayNote,
} from '../../src/state/closing.ts';
import { siteTotalsOf } from '../../src/state/reports.ts';
import { testKiosk } from '../support/kiosk.ts';
import {
  seedFrozen,
  seedThursday,
  THURSDAY,
  THURSDAY_1500,
  thursdayAt,
} from '../support/staff-seed.ts';

const FROZEN = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('closing arithmetic', () => {
  it('31 dinners, 12 boards of which 9 cash at 10 kr: 90 kr expected; 100 counted is +10', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    await seedThursday(await kiosk.storage);
    const { totals, source } = await siteTotalsOf(kiosk.store, THURSDAY);
    expect(source).toBe('tablet');
    const summary = closingSummary(totals, hjerteromAlta.counters);
    expect(summary.visits?.net).toBe(20);
    expect(summary.meals.find((meal) => meal.counter.id === 'middag')?.net).toBe(31);
    expect(summary.sales[0]).toMatchObject({ net: 12, amountNok: 120 });
    expect(summary.cashExpectedNok).toBe(90);
    expect(cashDifference(summary.cashExpectedNok, 100)).toBe(10);
    expect(cashDifference(summary.cashExpectedNok, 80)).toBe(-10);
  });

  it('adds a frozen replica to the totals, key by key', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const storage = await kiosk.storage;
    await seedThursday(storage);
    await seedFrozen(storage.db, FROZEN, [
      { day: THURSDAY, counter: 'bingo', option: 'cash', inc: 3, incNok: 30 },
    ]);
    const { totals } = await siteTotalsOf(kiosk.store, THURSDAY);
    expect(closingSummary(totals, hjerteromAlta.counters).cashExpectedNok).toBe(120);
  });
});

describe('closing state', () => {
  it('close, refuse, reopen: each change of closing bumps the revision; a refusal stores nothing', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const storage = await kiosk.storage;
    await seedThursday(storage);
    const row = () => storage.db.days.get([storage.replica, THURSDAY]);
    const start = (await row())!.rev;

    expect(await closeTheDay(kiosk.store, THURSDAY, 'nitti', 90)).toEqual({
      ok: false,
      problem: 'not-a-number',
    });
    expect((await row())!.rev).toBe(start);

    expect(await closeTheDay(kiosk.store, THURSDAY, '100', 90)).toEqual({ ok: true });
    expect(await row()).toMatchObject({
      closedAt: THURSDAY_1500,
      cashCountedNok: 100,
      rev: start + 1,
    });

    await reopenTheDay(kiosk.store, THURSDAY);
    const reopened = await row();
    expect(reopened).not.toHaveProperty('closedAt');
    expect(reopened).not.toHaveProperty('cashCountedNok');
    expect(reopened!.rev).toBe(start + 2);

    // Reopening an open day is not a change.
    await reopenTheDay(kiosk.store, THURSDAY);
    expect((await row())!.rev).toBe(start + 2);
  });

  it('a day without bingo closes without a cash count', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    expect(await closeTheDay(kiosk.store, '2026-11-23', '', 0)).toEqual({ ok: true });
    const { db, replica } = await kiosk.storage;
    const row = await db.days.get([replica, '2026-11-23']);
    expect(row).toMatchObject({ closedAt: THURSDAY_1500, rev: 1, syncedRev: 0 });
    expect(row).not.toHaveProperty('cashCountedNok');
  });

  it('counts door visits after the closing; an answer to an earlier check-in is not a new visit', async () => {
    const kiosk = testKiosk({ now: thursdayAt(15) });
    const storage = await kiosk.storage;
    const early = await kiosk.store.record([
      {
        day: THURSDAY,
        at: thursdayAt(14, 50),
        counter: 'visit',
        hour: 14,
        delta: 1,
        source: 'door',
      },
    ]);
    await closeTheDay(kiosk.store, THURSDAY, '', 0);
    // The visitor from 14.50 answers the question at 15.05, after the closing.
    await storage.record([
      {
        day: THURSDAY,
        at: thursdayAt(15, 5),
        counter: 'visit',
        hour: 14,
        delta: -1,
        source: 'door',
        refines: early.events[0]!.id!,
      },
      {
        day: THURSDAY,
        at: thursdayAt(15, 5),
        counter: 'visit',
        option: 'returning',
        hour: 14,
        delta: 1,
        source: 'door',
        refines: early.events[0]!.id!,
      },
      {
        day: THURSDAY,
        at: thursdayAt(15, 10),
        counter: 'visit',
        hour: 15,
        delta: 1,
        source: 'door',
      },
      { day: THURSDAY, at: thursdayAt(15, 12), counter: 'middag', delta: 1, source: 'staff' },
    ]);
    const record = await loadClosingRecord(kiosk.store, THURSDAY);
    expect(record.visitsAfterClosing).toBe(1);
  });

  it('keeps the note on the tablet; an empty note removes it', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    await saveDayNote(kiosk.store, THURSDAY, '  Kaffemaskinen er reparert.  ');
    expect((await loadClosingRecord(kiosk.store, THURSDAY)).note).toBe(
      'Kaffemaskinen er reparert.',
    );
    await saveDayNote(kiosk.store, THURSDAY, '   ');
    const { db } = await kiosk.storage;
    expect(await db.notes.count()).toBe(0);
    // The note never touches the day row that sync reads.
    expect(await db.days.count()).toBe(0);
  });
});

describe('the door', () => {
  it('can ask whether this tablet has closed the day', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    expect(await isDayClosed(kiosk.store, THURSDAY)).toBe(false);
    await closeTheDay(kiosk.store, THURSDAY, '', 0);
    expect(await isDayClosed(kiosk.store, THURSDAY)).toBe(true);
    await reopenTheDay(kiosk.store, THURSDAY);
    expect(await isDayClosed(kiosk.store, THURSDAY)).toBe(false);
  });
});
