import { beforeEach, describe, expect, it } from 'vitest';
import { clear, createStore } from 'idb-keyval';
import { hjerteromAlta as DEFAULT_PRESET } from '../../src/domain/presets/hjerterom-alta.ts';
import { withVolunteerCounters } from '../../src/domain/volunteer-hours.ts';
import {
  loadConfig,
  loadDefaultPreset,
  paintCopyConfig,
  saveConfig,
} from '../../src/state/site-config.ts';
import { writeRawSetting } from '../support/settings.ts';

beforeEach(async () => {
  await clear(createStore('terskel-settings', 'settings'));
  localStorage.clear();
});

describe('the stored configuration', () => {
  it('a fresh tablet runs the Hjerterom Alta preset', async () => {
    expect(paintCopyConfig()).toBeUndefined();
    expect((await loadDefaultPreset()).site).toBe('hjerterom-alta');
    expect(await loadConfig()).toEqual({ config: withVolunteerCounters(DEFAULT_PRESET) });
  });

  it('a corrupt stored configuration falls back to the preset and says which field is wrong', async () => {
    await writeRawSetting('config', { ...DEFAULT_PRESET, counters: [{ id: 'Visit!', name: {} }] });
    const loaded = await loadConfig();
    expect(loaded.config).toEqual(withVolunteerCounters(DEFAULT_PRESET));
    expect(loaded.invalid).toMatch(/^counters\.0/);
  });

  it('a time zone Intl does not know is refused on import, with the field named', async () => {
    const refused = saveConfig({ ...DEFAULT_PRESET, timeZone: 'Europe/Olso' });
    await expect(refused).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['timeZone'], message: 'ukjent tidssone' })],
    });
    expect(paintCopyConfig()).toBeUndefined();
  });

  it('an already stored unknown time zone is refused on read: the door runs on the preset', async () => {
    await writeRawSetting('config', { ...DEFAULT_PRESET, timeZone: 'Europe/Olso' });
    const loaded = await loadConfig();
    expect(loaded.config).toEqual(withVolunteerCounters(DEFAULT_PRESET));
    expect(loaded.invalid).toBe('timeZone: ukjent tidssone');
  });

  it('a garbled paint copy never blanks the door: the first paint uses the preset', async () => {
    localStorage.setItem('terskel:paint-config', '{"schema":1,"name":');
    expect(paintCopyConfig()).toBeUndefined();
    localStorage.setItem('terskel:paint-config', JSON.stringify({ schema: 1, name: 'x' }));
    expect(paintCopyConfig()).toBeUndefined();
    expect(await loadDefaultPreset()).toEqual(withVolunteerCounters(DEFAULT_PRESET));
  });

  it('a saved configuration is validated, stored and painted from next time', async () => {
    const renamed = await saveConfig({ ...DEFAULT_PRESET, name: 'Hjerterom' });
    expect(renamed.name).toBe('Hjerterom');
    expect(paintCopyConfig()?.name).toBe('Hjerterom');
    expect((await loadConfig()).config.name).toBe('Hjerterom');
    // The volunteer counters are implied in every site's configuration, never added by the lead.
    expect(
      (await loadConfig()).config.counters.slice(-2).map((counter) => counter.name.nb),
    ).toEqual(['Frivillige', 'Frivillige timer (i minutter)']);
    await expect(saveConfig({ ...DEFAULT_PRESET, openingHours: [] })).rejects.toThrow();
    expect((await loadConfig()).config.name).toBe('Hjerterom');
  });

  it('a configuration stored by schema v1 is migrated on read: its one question is asked as v2', async () => {
    const { questions: _questions, ...rest } = DEFAULT_PRESET;
    const question = {
      text: { nb: 'Første gang her?' },
      options: [
        { id: 'first-time', label: { nb: 'Ja, første gang' } },
        { id: 'returning', label: { nb: 'Nei, har vært her før' } },
      ],
    };
    await writeRawSetting('config', { ...rest, schema: 1, question });
    const loaded = await loadConfig();
    expect(loaded.invalid).toBeUndefined();
    expect(loaded.config).toEqual(
      withVolunteerCounters({ ...rest, schema: 2, questions: { ready: ['forste-gang'] } }),
    );
    // Painted from the migrated copy next time.
    expect(paintCopyConfig()?.schema).toBe(2);
  });
});
