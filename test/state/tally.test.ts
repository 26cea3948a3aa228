import { describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import type { TallyTarget } from '../../src/domain/tally-events.ts';
import { tallyTargets, targetKey } from '../../src/domain/tally-targets.ts';
import { createTallyActions } from '../../src/state/tally.ts';
import type { StoredEvent } from '../../src/storage/database.ts';
import { MONDAY_1250, net, testKiosk, THURSDAY_1200, totalsOf } from '../support/kiosk.ts';

const MONDAY = '2026-11-23';
const THURSDAY = '2026-11-26';

function target(day: string, key: string): TallyTarget {
  const found = tallyTargets(hjerteromAlta, day).find((candidate) => targetKey(candidate) === key);
  if (found === undefined) throw new Error(`no target ${key} on ${day}`);
  return found;
}

/** Stored events (the test clock stands still: find them by what they are, not by order). */
async function eventsOf(kiosk: ReturnType<typeof testKiosk>) {
  return (await kiosk.storage).db.events.toArray();
}

async function eventOf(
  kiosk: ReturnType<typeof testKiosk>,
  wanted: (event: StoredEvent) => boolean,
) {
  return (await eventsOf(kiosk)).find(wanted);
}

describe('tally actions', () => {
  it('a tap is +1 from staff, by hour where the counter keeps hours', async () => {
    const kiosk = testKiosk({ now: MONDAY_1250 });
    const tally = createTallyActions(kiosk.store);
    await tally.tap(target(MONDAY, 'middag'));
    await tally.tap(target(MONDAY, 'visit'));
    const dinner = await eventOf(kiosk, (event) => event.counter === 'middag');
    const visit = await eventOf(kiosk, (event) => event.counter === 'visit');
    expect(dinner).toMatchObject({ counter: 'middag', delta: 1, source: 'staff', hour: -1 });
    expect(visit).toMatchObject({ counter: 'visit', option: '', delta: 1, hour: 12 });
  });

  it('a sale records price × delta in kroner, and undo takes the same kroner back', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1200 });
    const tally = createTallyActions(kiosk.store);
    await tally.tap(target(THURSDAY, 'bingo/cash'));
    expect(tally.lastTap.get()).toMatchObject({ delta: 1, stored: true });
    await tally.undo();
    const tap = await eventOf(kiosk, (event) => event.delta > 0);
    const undo = await eventOf(kiosk, (event) => event.delta < 0);
    expect(tap).toMatchObject({ option: 'cash', delta: 1, nok: 10 });
    expect(undo).toMatchObject({ option: 'cash', delta: -1, nok: -10, source: 'staff' });
    const row = await (await kiosk.storage).db.tally.where('day').equals(THURSDAY).first();
    expect(row).toMatchObject({ inc: 1, dec: 1, incNok: 10, decNok: 10 });
  });

  it('undo reaches only the last tap, once', async () => {
    const kiosk = testKiosk({ now: MONDAY_1250 });
    const tally = createTallyActions(kiosk.store);
    await tally.tap(target(MONDAY, 'middag'));
    await tally.tap(target(MONDAY, 'middag'));
    await Promise.all([tally.undo(), tally.undo()]);
    expect(await tally.undo()).toBeUndefined();
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'middag')).toBe(1);
  });

  it('a correction is −1 with its reason', async () => {
    const kiosk = testKiosk({ now: MONDAY_1250 });
    const tally = createTallyActions(kiosk.store);
    await tally.correct(target(MONDAY, 'middag'), 'counted-twice');
    const [correction] = await eventsOf(kiosk);
    expect(correction).toMatchObject({ delta: -1, reason: 'counted-twice', source: 'staff' });
  });

  it('undo after a correction takes back the correction, not the tap before it', async () => {
    const kiosk = testKiosk({ now: MONDAY_1250 });
    const tally = createTallyActions(kiosk.store);
    await tally.tap(target(MONDAY, 'middag'));
    await tally.tap(target(MONDAY, 'middag'));
    await tally.correct(target(MONDAY, 'middag'), 'counted-twice');
    expect(tally.lastTap.get()).toMatchObject({ kind: 'correction', delta: -1 });
    expect(await tally.undo()).toMatchObject({ kind: 'undo', delta: 1 });
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'middag')).toBe(2);
    expect(await tally.undo()).toBeUndefined();
  });

  it('a back-fill of more than a few stores nothing until it is confirmed', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1200 });
    const tally = createTallyActions(kiosk.store);
    const visits = target(MONDAY, 'visit');
    expect(await tally.backfill(visits, MONDAY, '500')).toEqual({
      ok: false,
      problem: 'confirm',
      amount: 500,
    });
    expect(await eventsOf(kiosk)).toEqual([]);
    expect(await tally.backfill(visits, MONDAY, '500', true)).toMatchObject({ ok: true });
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(500);
  });

  it('a volunteer back-fills today and yesterday only; the lead any day', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1200 });
    const volunteer = createTallyActions(kiosk.store, 'volunteer');
    const lead = createTallyActions(kiosk.store, 'lead');
    const dinner = target(MONDAY, 'middag');
    expect(volunteer.earliestBackfill(THURSDAY)).toBe('2026-11-25');
    expect(lead.earliestBackfill(THURSDAY)).toBeUndefined();
    expect(await volunteer.backfill(dinner, '2026-11-24', '3')).toEqual({
      ok: false,
      problem: 'too-old',
    });
    expect(await eventsOf(kiosk)).toEqual([]);
    expect(await volunteer.backfill(dinner, '2026-11-25', '3')).toMatchObject({ ok: true });
    expect(await lead.backfill(dinner, '2026-01-02', '3')).toMatchObject({ ok: true });
    expect(await eventsOf(kiosk)).toHaveLength(2);
  });

  it('a reason outside the fixed list is refused', async () => {
    const kiosk = testKiosk();
    const tally = createTallyActions(kiosk.store);
    await expect(tally.correct(target(MONDAY, 'middag'), 'he was rude' as 'test')).rejects.toThrow(
      RangeError,
    );
    expect(await eventsOf(kiosk)).toEqual([]);
  });

  it('a back-fill is +n on the chosen day, marked back-filled, without an hour', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1200 });
    const tally = createTallyActions(kiosk.store);
    const result = await tally.backfill(target(MONDAY, 'visit'), MONDAY, '12', true);
    expect(result).toMatchObject({ ok: true, write: { delta: 12, day: MONDAY } });
    const [event] = await eventsOf(kiosk);
    expect(event).toMatchObject({ day: MONDAY, delta: 12, source: 'backfill', hour: -1 });
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(12);
  });

  it('a back-filled sale carries its kroner', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1200 });
    const tally = createTallyActions(kiosk.store);
    await tally.backfill(target(THURSDAY, 'bingo/vipps'), THURSDAY, '4');
    expect((await eventsOf(kiosk))[0]).toMatchObject({ delta: 4, nok: 40 });
  });

  it('a bad amount or a day in the future stores nothing', async () => {
    const kiosk = testKiosk({ now: MONDAY_1250 });
    const tally = createTallyActions(kiosk.store);
    const dinner = target(MONDAY, 'middag');
    expect(await tally.backfill(dinner, MONDAY, '-3')).toEqual({ ok: false, problem: 'too-small' });
    expect(await tally.backfill(dinner, '2026-11-24', '3')).toEqual({
      ok: false,
      problem: 'future-day',
    });
    expect(await tally.backfill(dinner, '', '3')).toEqual({ ok: false, problem: 'bad-day' });
    expect(await eventsOf(kiosk)).toEqual([]);
  });
});
