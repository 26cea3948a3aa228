// The door comes first at start-up: reads that can wait (Dexie, the stored configuration) wait
// for `startAfter`; a write that needs Dexie does not.
import { describe, expect, it } from 'vitest';
import { createKioskStore } from '../../src/state/index.ts';
import { checkOut } from '../../src/state/occupancy.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { MONDAY_1250, net, testStorage, totalsOf } from '../support/kiosk.ts';

function gatedKiosk() {
  let opened = 0;
  let configLoads = 0;
  let start: () => void = () => undefined;
  const startAfter = new Promise<void>((resolve) => (start = resolve));
  const storage = testStorage();
  const store = createKioskStore({
    initialConfig: hjerteromAlta,
    openStorage: async () => {
      opened += 1;
      return storage;
    },
    loadConfig: async () => {
      configLoads += 1;
      return { config: hjerteromAlta };
    },
    now: () => MONDAY_1250,
    retryMs: 5,
    startAfter,
  });
  return { store, storage, start, opened: () => opened, configLoads: () => configLoads };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('start-up order', () => {
  it('reads wait for startAfter: no Dexie and no stored configuration before it', async () => {
    const kiosk = gatedKiosk();
    const reading = kiosk.store.storage();
    await tick();
    expect(kiosk.opened()).toBe(0);
    expect(kiosk.configLoads()).toBe(0);
    expect(kiosk.store.storageStatus.get()).toBe('opening');
    kiosk.start();
    await reading;
    expect(kiosk.opened()).toBe(1);
    await tick();
    expect(kiosk.configLoads()).toBe(1);
    kiosk.store.dispose();
  });

  it('a write does not wait: it opens the storage at once and is counted', async () => {
    const kiosk = gatedKiosk();
    const outcome = await kiosk.store.checkIn();
    expect(outcome.stored).toBe(true);
    expect(kiosk.opened()).toBe(1);
    expect(net(await totalsOf(await kiosk.storage, '2026-11-23'), 'visit')).toBe(1);
    kiosk.store.dispose();
  });

  it('a check-out does not wait for start-up either (it reads who is here, then writes)', async () => {
    const kiosk = gatedKiosk();
    const outcome = await checkOut(kiosk.store);
    expect(outcome.stored).toBe(true);
    expect(kiosk.opened()).toBe(1);
    kiosk.store.dispose();
  });

  it("remembers the zone's offset three days ahead once started, for the next cold start", async () => {
    localStorage.removeItem('terskel:offset-span');
    const kiosk = gatedKiosk();
    await tick();
    expect(localStorage.getItem('terskel:offset-span')).toBeNull();
    kiosk.start();
    await tick();
    expect(JSON.parse(localStorage.getItem('terskel:offset-span') ?? 'null')).toEqual({
      timeZone: 'Europe/Oslo',
      offsetMs: 3_600_000,
      from: MONDAY_1250,
      until: MONDAY_1250 + 3 * 24 * 3_600_000,
    });
    kiosk.store.dispose();
  });

  it("places a cold start's tap by the remembered offset, and by a fresh check once started", async () => {
    // A remembered span that (wrongly) says UTC around this instant shows it is what answers
    // before start-up; the check after start-up replaces it.
    localStorage.setItem(
      'terskel:offset-span',
      JSON.stringify({
        timeZone: 'Europe/Oslo',
        offsetMs: 0,
        from: MONDAY_1250,
        until: MONDAY_1250 + 60_000,
      }),
    );
    const kiosk = gatedKiosk();
    expect(kiosk.store.dayOf(MONDAY_1250)).toEqual({ day: '2026-11-23', hour: 11 });
    kiosk.start();
    await tick();
    expect(kiosk.store.dayOf(MONDAY_1250)).toEqual({ day: '2026-11-23', hour: 12 });
    kiosk.store.dispose();
  });
});
