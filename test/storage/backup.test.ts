import { describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { backupSchema } from '../../src/shared/backup.ts';
import { backupOf, importBackup, OwnBackupError } from '../../src/storage/backup.ts';
import { closeDay } from '../../src/storage/days.ts';
import { saveNote } from '../../src/storage/notes.ts';
import { net, testStorage, totalsOf } from '../support/kiosk.ts';
import { seedFrozen, seedThursday, THURSDAY, THURSDAY_1500 } from '../support/staff-seed.ts';

const FROZEN = '11111111-2222-4333-8444-555555555555';

describe('backup storage', () => {
  it('holds tally state, closings and replicas, never raw events or notes', async () => {
    const storage = await testStorage();
    await seedThursday(storage);
    await closeDay(storage.db, storage.replica, THURSDAY, {
      at: THURSDAY_1500,
      cashCountedNok: 100,
    });
    await saveNote(storage.db, THURSDAY, 'Rolig dag, god stemning.');
    const backup = await backupOf(storage.db, storage.replica, hjerteromAlta, THURSDAY_1500);
    expect(backupSchema.safeParse(backup).success).toBe(true);
    const text = JSON.stringify(backup);
    expect(text).not.toMatch(/Rolig dag/);
    expect(text).not.toMatch(/"source"|"at":\d/);
    // The replica's secret travels with it (replica-secret.test.ts), so its owner can go on.
    expect(backup.replicas).toEqual([
      { id: storage.replica, frozen: false, secret: expect.stringMatching(/^[\w-]{43}$/) },
    ]);
    expect(backup.days).toEqual([
      {
        replica: storage.replica,
        date: THURSDAY,
        closed: { at: new Date(THURSDAY_1500).toISOString(), cashCountedNok: 100 },
      },
    ]);
    expect(backup.tally.find((row) => row.counter === 'middag')).toEqual({
      replica: storage.replica,
      date: THURSDAY,
      counter: 'middag',
      inc: 31,
      dec: 0,
    });
  });

  it('an import on a fresh database gives the same totals under a frozen replica', async () => {
    const old = await testStorage();
    await seedThursday(old);
    await seedFrozen(old.db, FROZEN, [{ day: THURSDAY, counter: 'visit', hour: 14, inc: 5 }]);
    const backup = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500);

    const fresh = await testStorage();
    const outcome = await importBackup(fresh.db, fresh.replica, backup, THURSDAY_1500);
    expect(outcome.replicas.sort()).toEqual([old.replica, FROZEN].sort());
    expect(await totalsOf(fresh, THURSDAY)).toEqual(await totalsOf(old, THURSDAY));
    expect(await fresh.db.replicas.get(old.replica)).toMatchObject({ frozen: 1 });
    expect(await fresh.db.replicas.get(fresh.replica)).toMatchObject({ frozen: 0 });
    // The imported days are new to this database: sync must upload them.
    const day = await fresh.db.days.get([old.replica, THURSDAY]);
    expect(day!.rev).toBeGreaterThan(day!.syncedRev);
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    const old = await testStorage();
    await seedThursday(old);
    const backup = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500);
    const fresh = await testStorage();
    await importBackup(fresh.db, fresh.replica, backup, THURSDAY_1500);
    const tally = await fresh.db.tally.toArray();
    const days = await fresh.db.days.toArray();
    const again = await importBackup(fresh.db, fresh.replica, backup, THURSDAY_1500 + 1000);
    expect(again).toMatchObject({ tallyRows: 0, closings: 0 });
    expect(await fresh.db.tally.toArray()).toEqual(tally);
    expect(await fresh.db.days.toArray()).toEqual(days);
    expect(net(await totalsOf(fresh, THURSDAY), 'visit')).toBe(20);
  });

  it("a backup of the tablet's own replica is refused and changes nothing", async () => {
    const storage = await testStorage();
    await seedThursday(storage);
    const backup = await backupOf(storage.db, storage.replica, hjerteromAlta, THURSDAY_1500);
    const before = await storage.db.tally.toArray();
    await expect(importBackup(storage.db, storage.replica, backup, THURSDAY_1500)).rejects.toThrow(
      OwnBackupError,
    );
    expect(await storage.db.tally.toArray()).toEqual(before);
    expect(await storage.db.replicas.count()).toBe(1);
  });

  it('a later backup of the same replica raises its counts to the maximum, never adds', async () => {
    const old = await testStorage();
    await seedThursday(old);
    const first = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500);
    await old.record([
      { day: THURSDAY, at: THURSDAY_1500, counter: 'visit', hour: 15, delta: 1, source: 'door' },
    ]);
    const second = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500 + 60_000);
    const fresh = await testStorage();
    await importBackup(fresh.db, fresh.replica, first, THURSDAY_1500);
    await importBackup(fresh.db, fresh.replica, second, THURSDAY_1500);
    expect(net(await totalsOf(fresh, THURSDAY), 'visit')).toBe(21);
  });
});
