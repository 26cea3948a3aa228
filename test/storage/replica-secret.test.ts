// Protocol version 2: a replica is written only by its owner, who proves it with the secret the
// replica was born with. The secret lives beside the replica, travels in backups, and a reset
// database (a new replica) gets a new one.
import { describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { backupSchema, type Backup } from '../../src/shared/backup.ts';
import { replicaSecretSchema, uploadDaySchema } from '../../src/shared/protocol.ts';
import {
  backupOf,
  closeDay,
  importBackup,
  openStorage,
  reopenDay,
  replicaSecret,
  waitingDays,
  type TerskelDatabase,
} from '../../src/storage/index.ts';
import { testStorage, uniqueDbName } from '../support/kiosk.ts';
import { seedThursday, THURSDAY, THURSDAY_1500 } from '../support/staff-seed.ts';

/** 32 random bytes in base64url without padding. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

const storedSecret = async (db: TerskelDatabase, replica: string) =>
  (await db.replicas.get(replica))?.secret;

describe("a replica's secret", () => {
  it('is born with the replica: 43 characters of base64url the protocol accepts', async () => {
    const storage = await testStorage();
    const secret = await storedSecret(storage.db, storage.replica);
    expect(secret).toMatch(SECRET);
    expect(replicaSecretSchema.safeParse(secret).success).toBe(true);
    expect(await replicaSecret(storage.db, storage.replica)).toBe(secret);
    // Another database is another replica, with a secret of its own.
    const other = await testStorage();
    expect(await storedSecret(other.db, other.replica)).not.toBe(secret);
  });

  it('stays the same when the database is opened again', async () => {
    const name = uniqueDbName();
    const first = await openStorage(name);
    const secret = await storedSecret(first.db, first.replica);
    first.db.close();
    const again = await openStorage(name);
    expect(again.replica).toBe(first.replica);
    expect(await replicaSecret(again.db, again.replica)).toBe(secret);
    again.db.close();
  });

  it('is new when the database is reset: a new replica, a new secret', async () => {
    const name = uniqueDbName();
    const first = await openStorage(name);
    const secret = await storedSecret(first.db, first.replica);
    await first.db.delete();
    const reborn = await openStorage(name);
    expect(reborn.replica).not.toBe(first.replica);
    const next = await storedSecret(reborn.db, reborn.replica);
    expect(next).toMatch(SECRET);
    expect(next).not.toBe(secret);
    reborn.db.close();
  });

  it('a replica from before secrets gets one when first needed, stored before it is given', async () => {
    const storage = await testStorage();
    await storage.db.replicas.update(storage.replica, { secret: undefined });
    expect(await storedSecret(storage.db, storage.replica)).toBeUndefined();
    const made = await replicaSecret(storage.db, storage.replica);
    expect(made).toMatch(SECRET);
    expect(await storedSecret(storage.db, storage.replica)).toBe(made);
    expect(await replicaSecret(storage.db, storage.replica)).toBe(made);
    expect(await storage.db.replicas.get(storage.replica)).toMatchObject({ frozen: 0 });
  });
});

describe('secrets and reopenings in backups', () => {
  it("a backup carries each replica's secret; the import keeps it for the frozen replica", async () => {
    const old = await testStorage();
    await seedThursday(old);
    const secret = await storedSecret(old.db, old.replica);
    const backup = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500);
    expect(backupSchema.safeParse(backup).success).toBe(true);
    expect(backup.replicas).toEqual([{ id: old.replica, frozen: false, secret }]);

    const fresh = await testStorage();
    const own = await storedSecret(fresh.db, fresh.replica);
    await importBackup(fresh.db, fresh.replica, backup, THURSDAY_1500);
    expect(await fresh.db.replicas.get(old.replica)).toMatchObject({ frozen: 1, secret });
    // What the frozen replica's uploads carry is the secret it was born with; ours is untouched.
    expect(await replicaSecret(fresh.db, old.replica)).toBe(secret);
    expect(await storedSecret(fresh.db, fresh.replica)).toBe(own);
    // A backup of the new tablet carries the frozen replica's secret on.
    const next = await backupOf(fresh.db, fresh.replica, hjerteromAlta, THURSDAY_1500);
    expect(next.replicas).toContainEqual({ id: old.replica, frozen: true, secret });
  });

  it('a backup from before secrets still imports, and its frozen replica gets a new secret', async () => {
    const old = await testStorage();
    await seedThursday(old);
    const made = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500);
    const before: Backup = {
      ...made,
      replicas: made.replicas.map(({ id, frozen }) => ({ id, frozen })),
    };
    const parsed = backupSchema.safeParse(JSON.parse(JSON.stringify(before)));
    expect(parsed.success).toBe(true);

    const fresh = await testStorage();
    await importBackup(fresh.db, fresh.replica, parsed.data!, THURSDAY_1500);
    const secret = await storedSecret(fresh.db, old.replica);
    expect(secret).toMatch(SECRET);
    expect(secret).not.toBe(await storedSecret(old.db, old.replica));
    expect(await replicaSecret(fresh.db, old.replica)).toBe(secret);
    // Imported again, the replica keeps the secret it was given: uploads stay its own.
    await importBackup(fresh.db, fresh.replica, parsed.data!, THURSDAY_1500 + 1000);
    expect(await storedSecret(fresh.db, old.replica)).toBe(secret);
  });

  it('a secret that is not base64url makes the backup invalid', () => {
    const replica = '11111111-2222-4333-8444-555555555555';
    const result = backupSchema.safeParse({
      format: 'terskel-backup',
      version: 1,
      createdAt: new Date(THURSDAY_1500).toISOString(),
      replica,
      config: hjerteromAlta,
      replicas: [{ id: replica, frozen: false, secret: 'not a secret!' }],
      tally: [],
      days: [],
    });
    expect(result.success).toBe(false);
  });

  it('a reopened day stays reopened through a backup, and its upload says so', async () => {
    const old = await testStorage();
    await seedThursday(old);
    await closeDay(old.db, old.replica, THURSDAY, { at: THURSDAY_1500, cashCountedNok: 100 });
    await reopenDay(old.db, old.replica, THURSDAY, THURSDAY_1500 + 60_000);
    const backup = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500 + 120_000);
    const reopenedAt = new Date(THURSDAY_1500 + 60_000).toISOString();
    expect(backup.days).toEqual([{ replica: old.replica, date: THURSDAY, reopenedAt }]);
    expect(backupSchema.safeParse(backup).success).toBe(true);

    const fresh = await testStorage();
    // This tablet had the replica's earlier closing (an older backup): the later reopening wins.
    const closed = await backupOf(old.db, old.replica, hjerteromAlta, THURSDAY_1500);
    const earlier: Backup = {
      ...closed,
      days: [
        {
          replica: old.replica,
          date: THURSDAY,
          closed: { at: new Date(THURSDAY_1500).toISOString(), cashCountedNok: 100 },
        },
      ],
    };
    await importBackup(fresh.db, fresh.replica, earlier, THURSDAY_1500);
    const outcome = await importBackup(fresh.db, fresh.replica, backup, THURSDAY_1500);
    expect(outcome.closings).toBe(1);
    const day = (await waitingDays(fresh.db)).find((d) => d.replica === old.replica)!;
    expect(day.closing).toEqual({ closed: false, at: reopenedAt });
    // An older closing imported afterwards does not undo the later reopening.
    expect(await importBackup(fresh.db, fresh.replica, earlier, THURSDAY_1500)).toMatchObject({
      closings: 0,
    });
    const row = await fresh.db.days.get([old.replica, THURSDAY]);
    expect(row).toMatchObject({ reopenedAt: THURSDAY_1500 + 60_000 });
    expect(row?.closedAt).toBeUndefined();
  });
});

describe('closing and reopening a day (protocol version 2)', () => {
  it('a reopening is a write with its time; closing again carries the cash once more', async () => {
    const storage = await testStorage();
    const { db, replica } = storage;
    await seedThursday(storage);
    await closeDay(db, replica, THURSDAY, { at: THURSDAY_1500, cashCountedNok: 250 });
    const snapshot = async () => (await waitingDays(db)).find((d) => d.day === THURSDAY)!;
    expect((await snapshot()).closing).toEqual({
      closed: true,
      at: new Date(THURSDAY_1500).toISOString(),
      cashCountedNok: 250,
    });
    const before = (await db.days.get([replica, THURSDAY]))!.rev;
    await reopenDay(db, replica, THURSDAY, THURSDAY_1500 + 60_000);
    const reopened = await snapshot();
    expect(reopened.rev).toBeGreaterThan(before);
    expect(reopened.closing).toEqual({
      closed: false,
      at: new Date(THURSDAY_1500 + 60_000).toISOString(),
    });
    expect(
      uploadDaySchema.safeParse({ date: THURSDAY, counts: [], closing: reopened.closing }).success,
    ).toBe(true);
    await closeDay(db, replica, THURSDAY, { at: THURSDAY_1500 + 120_000, cashCountedNok: 300 });
    expect((await snapshot()).closing).toEqual({
      closed: true,
      at: new Date(THURSDAY_1500 + 120_000).toISOString(),
      cashCountedNok: 300,
    });
    expect((await db.days.get([replica, THURSDAY]))?.reopenedAt).toBeUndefined();
  });
});
