// The configuration: painted first, replaced by the stored one once start-up has settled.
import { describe, expect, it } from 'vitest';
import { createConfigStore } from '../../../src/state/kiosk/config.ts';
import { hjerteromAlta } from '../../../src/domain/presets/index.ts';

const MONDAY_1250 = Date.UTC(2026, 10, 23, 11, 50);

describe('the config store', () => {
  it('paints the initial configuration, and loads the stored one only after startAfter', async () => {
    let start: () => void = () => undefined;
    let loads = 0;
    const stored = { ...hjerteromAlta, name: 'Stored' };
    const settings = createConfigStore({
      initialConfig: hjerteromAlta,
      loadConfig: async () => {
        loads += 1;
        return { config: stored, invalid: 'cutoffHour: too big' };
      },
      startAfter: new Promise<void>((resolve) => (start = resolve)),
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loads).toBe(0);
    expect(settings.config.get()).toBe(hjerteromAlta);
    start();
    await settings.loaded;
    expect(settings.config.get()).toBe(stored);
    expect(settings.configProblem.get()).toBe('cutoffHour: too big');
  });

  it('a load that fails keeps the painted configuration and says why', async () => {
    const settings = createConfigStore({
      initialConfig: hjerteromAlta,
      loadConfig: () => Promise.reject(new Error('unreadable')),
      startAfter: Promise.resolve(),
    });
    await settings.loaded;
    expect(settings.config.get()).toBe(hjerteromAlta);
    expect(settings.configProblem.get()).toBe('Error: unreadable');
  });

  it("places an instant in the site's business day and local hour", () => {
    const settings = createConfigStore({
      initialConfig: hjerteromAlta,
      loadConfig: () => new Promise(() => undefined),
      startAfter: Promise.resolve(),
    });
    expect(settings.dayOf(MONDAY_1250)).toEqual({ day: '2026-11-23', hour: 12 });
    settings.setConfig({ ...hjerteromAlta, timeZone: 'UTC' });
    expect(settings.dayOf(MONDAY_1250)).toEqual({ day: '2026-11-23', hour: 11 });
  });
});
