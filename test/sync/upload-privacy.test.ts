import { beforeEach, describe, expect, it } from 'vitest';
import { clear, createStore } from 'idb-keyval';
import { prepareConfig } from '../../src/domain/configuration.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { closeTheDay, saveDayNote } from '../../src/state/closing.ts';
import { acknowledgeDay, replicaSecret, waitingDays } from '../../src/storage/index.ts';
import { syncOnce } from '../../src/sync/index.ts';
import { testEndpoint } from '../support/endpoint.ts';
import { MONDAY_1250, testKiosk } from '../support/kiosk.ts';

const DAY = '2026-11-23';

beforeEach(async () => {
  await clear(createStore('terskel-settings', 'settings'));
});

describe('what leaves the tablet', () => {
  it("uploads a lead-named counter's count by its neutral id, never its name or the day's note", async () => {
    // The lead adds a counter named after a person, with an option named after another.
    const config = prepareConfig({
      ...hjerteromAlta,
      counters: [
        ...hjerteromAlta.counters,
        {
          id: '',
          kind: 'activity',
          name: { nb: 'Kari Nordmann' },
          byHour: false,
          options: [{ id: '', name: { nb: 'Ola Hansen' } }],
        },
      ],
    });
    const counter = config.counters.find((c) => c.name.nb === 'Kari Nordmann')!;
    const kiosk = testKiosk({ config });
    await kiosk.store.checkIn();
    await kiosk.store.record([
      {
        day: DAY,
        at: MONDAY_1250,
        counter: counter.id,
        option: counter.options![0]!.id,
        delta: 1,
        source: 'staff',
      },
    ]);
    await saveDayNote(kiosk.store, DAY, 'Kari Nordmann var lei seg i dag');
    await closeTheDay(kiosk.store, DAY, '', 0);

    const endpoint = await testEndpoint();
    const device = await endpoint.addDevice();
    const bodies: string[] = [];
    const { db, replica } = await kiosk.storage;
    const result = await syncOnce({
      source: {
        replica,
        waitingDays: () => waitingDays(db),
        acknowledge: (day) => acknowledgeDay(db, day),
        secret: (id) => replicaSecret(db, id),
      },
      settings: device.settings,
      fetch: (input, init) => {
        if (typeof init?.body === 'string') bodies.push(init.body);
        return endpoint.fetch(input, init);
      },
      now: () => Date.now(),
      app: 'test',
      held: new Map(),
    });

    expect(result).toMatchObject({ kind: 'done', uploaded: 1 });
    const sent = bodies.join('\n');
    // The count did leave, by its ids ...
    expect(sent).toContain(`"${counter.id}"`);
    expect(sent).toContain(`"${counter.options![0]!.id}"`);
    // ... and nothing the lead typed did.
    for (const typed of [
      'Kari',
      'Nordmann',
      'kari',
      'nordmann',
      'Ola',
      'Hansen',
      'hansen',
      'lei seg',
    ]) {
      expect(sent).not.toContain(typed);
    }
  });
});
