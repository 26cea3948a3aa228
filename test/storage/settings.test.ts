import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  readPaintCopy,
  readSetting,
  restoreSetting,
  writePaintCopy,
  writeSetting,
} from '../../src/storage/settings.ts';
import { hjerteromAlta } from '../../src/domain/presets/hjerterom-alta.ts';
import { writeRawSetting } from '../support/settings.ts';
import { clearSettings } from '../support/staff.ts';

const PAIRING = { endpoint: 'https://terskel.example', site: 'alta', device: 'd1', token: 't' };

beforeEach(() => clearSettings());
afterEach(() => vi.restoreAllMocks());

describe('the settings store', () => {
  it('reads back what it wrote, parsed by the key’s schema', async () => {
    await writeSetting('device', PAIRING);
    await writeSetting('lastExport', 1_700_000_000_000);
    expect(await readSetting('device')).toEqual(PAIRING);
    expect(await readSetting('lastExport')).toBe(1_700_000_000_000);
    expect(await readSetting('replica')).toBeUndefined();
  });

  it('a garbled value reads as never written and is reported, and the others stay readable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeRawSetting('lock', { failures: 'many' });
    await writeRawSetting('pins', 'not pins');
    await writeSetting('device', PAIRING);
    expect(await restoreSetting('lock')).toEqual({
      value: undefined,
      problem: { key: 'lock', path: 'failures', message: expect.any(String) },
    });
    expect(await readSetting('pins')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^setting pins is garbled/));
    expect(await readSetting('device')).toEqual(PAIRING);
  });

  it('drops a sync status’s error kept as a sentence by an older version, not the status', async () => {
    await writeRawSetting('syncStatus', {
      paired: true,
      needsPairing: false,
      waitingDays: 2,
      held: [],
      lastSuccessAt: 5,
      lastError: 'Ingen kontakt med serveren (offline)',
    });
    expect(await readSetting('syncStatus')).toEqual({
      paired: true,
      needsPairing: false,
      waitingDays: 2,
      held: [],
      lastSuccessAt: 5,
    });
  });

  it('the paint copy is read back when it looks like a configuration, and only then', () => {
    writePaintCopy(hjerteromAlta);
    expect(readPaintCopy()).toEqual(hjerteromAlta);
    localStorage.setItem('terskel:paint-config', JSON.stringify({ schema: 1, name: 'x' }));
    expect(readPaintCopy()).toBeUndefined();
    localStorage.setItem('terskel:paint-config', '{not json');
    expect(readPaintCopy()).toBeUndefined();
  });
});
