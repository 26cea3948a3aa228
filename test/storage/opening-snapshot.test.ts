import { describe, expect, it } from 'vitest';
import type { OpeningSnapshot } from '../../src/domain/opening.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { backupSchema } from '../../src/shared/backup.ts';
import { backupOf, importBackup } from '../../src/storage/backup.ts';
import { keepOpeningSnapshot, openingSnapshotsBetween } from '../../src/storage/days.ts';
import { testStorage } from '../support/kiosk.ts';
import { seedThursday, THURSDAY, THURSDAY_1500 } from '../support/staff-seed.ts';

const OPEN = { open: true, hours: { open: '10:00', close: '15:00' } } as const;
const LATER = { open: true, hours: { open: '12:00', close: '20:00' } } as const;

describe('opening snapshots on day rows', () => {
  it('keeps the first snapshot of a day; a later schedule never rewrites it', async () => {
    const storage = await testStorage();
    await seedThursday(storage);
    const before = await storage.db.days.get([storage.replica, THURSDAY]);
    expect(await keepOpeningSnapshot(storage.db, storage.replica, THURSDAY, OPEN)).toBe(true);
    expect(await keepOpeningSnapshot(storage.db, storage.replica, THURSDAY, LATER)).toBe(false);
    const after = await storage.db.days.get([storage.replica, THURSDAY]);
    // The counts and revision are untouched: a snapshot is nothing to upload.
    expect(after).toEqual({ ...before, opening: OPEN });
    // A later tap keeps it (the tap's write spreads the row it finds).
    await storage.record([
      { day: THURSDAY, at: THURSDAY_1500, counter: 'visit', hour: 15, delta: 1, source: 'door' },
    ]);
    expect((await storage.db.days.get([storage.replica, THURSDAY]))?.opening).toEqual(OPEN);
    expect(await openingSnapshotsBetween(storage.db, '2026-11-01', '2026-11-30')).toEqual(
      new Map([[THURSDAY, OPEN]]),
    );
  });

  it('a day with no row gets one with no counts and revision 0 (never uploaded)', async () => {
    const storage = await testStorage();
    await keepOpeningSnapshot(storage.db, storage.replica, THURSDAY, { open: false });
    expect(await storage.db.days.get([storage.replica, THURSDAY])).toMatchObject({
      rev: 0,
      syncedRev: 0,
      opening: { open: false },
    });
  });

  it('travels in backups, and a backup from before snapshots still imports', async () => {
    const old = await testStorage();
    await seedThursday(old);
    await keepOpeningSnapshot(old.db, old.replica, THURSDAY, OPEN);
    await keepOpeningSnapshot(old.db, old.replica, '2026-11-27', { open: false });
    const backup = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500);
    expect(backupSchema.safeParse(backup).success).toBe(true);
    expect(backup.days).toEqual(
      expect.arrayContaining([
        { replica: old.replica, date: THURSDAY, opening: OPEN },
        { replica: old.replica, date: '2026-11-27', opening: { open: false } },
      ]),
    );

    const fresh = await testStorage();
    await importBackup(fresh.db, fresh.replica, backup, THURSDAY_1500);
    expect(await openingSnapshotsBetween(fresh.db, THURSDAY, '2026-11-27')).toEqual(
      new Map<string, OpeningSnapshot>([
        [THURSDAY, OPEN],
        ['2026-11-27', { open: false }],
      ]),
    );
    // The snapshot-only day is nothing to upload.
    expect((await fresh.db.days.get([old.replica, '2026-11-27']))?.rev).toBe(0);

    const older = {
      ...backup,
      days: backup.days.map(({ replica, date }) => ({ replica, date })),
    };
    expect(backupSchema.safeParse(older).success).toBe(true);
    const another = await testStorage();
    await importBackup(another.db, another.replica, older, THURSDAY_1500);
    expect(await openingSnapshotsBetween(another.db, THURSDAY, '2026-11-27')).toEqual(new Map());
  });
});
