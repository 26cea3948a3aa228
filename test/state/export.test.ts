import { describe, expect, it, vi } from 'vitest';
import { enAinnaPlass, hjerteromAlta } from '../../src/domain/presets/index.ts';
import {
  deliverFile,
  exportBackup,
  exportCsv,
  importBackupText,
  parseBackup,
  readLastExportAt,
} from '../../src/state/export.ts';
import { testKiosk } from '../support/kiosk.ts';
import { clearSettings } from '../support/staff.ts';
import { seedThursday, THURSDAY, THURSDAY_1500 } from '../support/staff-seed.ts';

const file = { name: 'a.csv', type: 'text/csv', content: '\uFEFFdate\r\n' };

describe('ranges', () => {
  it('a refused range exports nothing and marks nothing', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const storage = await kiosk.storage;
    await seedThursday(storage);
    expect(await exportCsv(kiosk.store, THURSDAY, '2026-11-01', 'long')).toEqual({
      ok: false,
      problem: 'to-before-from',
    });
    expect((await storage.db.days.get([storage.replica, THURSDAY]))?.exportedAt).toBeUndefined();
  });

  it('an export does not make a day look unsynced', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    const storage = await kiosk.storage;
    await seedThursday(storage);
    const before = await storage.db.days.get([storage.replica, THURSDAY]);
    await exportCsv(kiosk.store, THURSDAY, THURSDAY, 'wide');
    expect(await storage.db.days.get([storage.replica, THURSDAY])).toEqual({
      ...before,
      exportedAt: THURSDAY_1500,
    });
  });
});

describe('the last export', () => {
  it('is remembered when a CSV or a backup is made, and not for a refused range', async () => {
    await clearSettings();
    const kiosk = testKiosk({ now: THURSDAY_1500, pins: 'none' });
    await seedThursday(await kiosk.storage);
    expect(await readLastExportAt()).toBeUndefined();
    await exportCsv(kiosk.store, THURSDAY, '2026-11-01', 'long');
    expect(await readLastExportAt()).toBeUndefined();
    await exportCsv(kiosk.store, THURSDAY, THURSDAY, 'wide');
    expect(await readLastExportAt()).toBe(THURSDAY_1500);

    await clearSettings();
    const later = testKiosk({ now: THURSDAY_1500 + 60_000, pins: 'none' });
    await exportBackup(later.store);
    expect(await readLastExportAt()).toBe(THURSDAY_1500 + 60_000);
  });
});

describe('handing files over', () => {
  it('shares where the tablet can share files', async () => {
    const share = vi.fn(() => Promise.resolve());
    const download = vi.fn();
    expect(await deliverFile(file, { canShare: () => true, share, download })).toBe('shared');
    expect(download).not.toHaveBeenCalled();
  });

  it('downloads where it cannot, or when sharing fails; a cancelled share is left alone', async () => {
    const download = vi.fn();
    expect(await deliverFile(file, { canShare: () => false, share: vi.fn(), download })).toBe(
      'downloaded',
    );
    const failing = () =>
      Promise.reject(Object.assign(new Error('nope'), { name: 'NotAllowedError' }));
    expect(await deliverFile(file, { canShare: () => true, share: failing, download })).toBe(
      'downloaded',
    );
    const cancel = () => Promise.reject(Object.assign(new Error('cancel'), { name: 'AbortError' }));
    expect(await deliverFile(file, { canShare: () => true, share: cancel, download })).toBe(
      'cancelled',
    );
    expect(download).toHaveBeenCalledTimes(2);
  });
});

describe('backup import', () => {
  it('names the field that fails the schema', async () => {
    expect(await parseBackup('{"format":"terskel-backup"}')).toMatchObject({
      ok: false,
      problem: 'schema',
      field: 'version',
      fieldProblem: 'missing',
    });
    expect(await parseBackup('[')).toEqual({ ok: false, problem: 'not-json' });
  });

  it("refuses another site's backup unless its configuration is taken over too", async () => {
    const source = testKiosk({ now: THURSDAY_1500, config: enAinnaPlass });
    await seedThursday(await source.storage);
    const { content } = await exportBackup(source.store);

    const target = testKiosk({ now: THURSDAY_1500, config: hjerteromAlta });
    expect(await importBackupText(target.store, content, { applyConfig: false })).toEqual({
      ok: false,
      problem: 'other-site',
      site: enAinnaPlass.site,
    });
    const { db } = await target.storage;
    expect(await db.tally.count()).toBe(0);

    const taken = await importBackupText(target.store, content, { applyConfig: true });
    expect(taken).toMatchObject({ ok: true, replicas: 1, configApplied: true });
    expect(target.store.config.get().site).toBe(enAinnaPlass.site);
  });
});
