import { storeContract } from './store-contract.ts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SITE, seededEndpoint, tempSqliteStore, uploadBody } from '../harness.ts';

storeContract('SQLite', async () => tempSqliteStore());

describe('SQLite group commit', () => {
  it('uploads arriving together merge in one commit and each is answered with its own result', async () => {
    const { store, dispose } = tempSqliteStore();
    const { tablet, clock } = await seededEndpoint(store);
    const replicas = Array.from({ length: 20 }, () => randomUUID());
    const answers = await Promise.all(
      replicas.map((replica, i) =>
        store.mergeUpload(
          uploadBody(tablet.device, replica, [
            { date: '2026-11-23', counts: [{ counter: 'visit', inc: i + 1, dec: 0 }] },
          ]),
          tablet.device.id,
          clock.now(),
        ),
      ),
    );
    expect(answers.every((answer) => answer.days[0]?.counts === 1)).toBe(true);
    const { counts } = await store.readSiteDays(SITE, '2026-11-23', '2026-11-23');
    expect(counts.reduce((sum, count) => sum + count.inc, 0)).toBe((20 * 21) / 2);
    await dispose();
  });

  it('one failing upload in a batch fails alone; the others are stored', async () => {
    const { store, dispose } = tempSqliteStore();
    const { tablet, clock } = await seededEndpoint(store);
    const day = [{ date: '2026-11-23', counts: [{ counter: 'visit', inc: 2, dec: 0 }] }];
    const good = store.mergeUpload(
      uploadBody(tablet.device, randomUUID(), day),
      tablet.device.id,
      clock.now(),
    );
    const bad = store.mergeUpload(
      uploadBody({ site: 'no-such-site', id: tablet.device.id }, randomUUID(), day),
      tablet.device.id,
      clock.now(),
    );
    await expect(good).resolves.toBeDefined();
    await expect(bad).rejects.toThrow();
    const { counts } = await store.readSiteDays(SITE, '2026-11-23', '2026-11-23');
    expect(counts.map((count) => count.inc)).toEqual([2]);
    await dispose();
  });

  it('an upload that fails after some of its writes leaves none of them; its batch is stored', async () => {
    const { store, dispose } = tempSqliteStore();
    const { tablet, clock } = await seededEndpoint(store);
    const day = (inc: number) => [
      { date: '2026-11-23', counts: [{ counter: 'visit', inc, dec: 0 }] },
    ];
    const [first, failing, last] = [randomUUID(), randomUUID(), randomUUID()];
    // Its counts are written, then recording the sender fails: no such device.
    const results = await Promise.allSettled([
      store.mergeUpload(uploadBody(tablet.device, first, day(1)), tablet.device.id, clock.now()),
      store.mergeUpload(uploadBody(tablet.device, failing, day(10)), randomUUID(), clock.now()),
      store.mergeUpload(uploadBody(tablet.device, last, day(100)), tablet.device.id, clock.now()),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const { counts } = await store.readSiteDays(SITE, '2026-11-23', '2026-11-23');
    expect(counts.map((count) => [count.replica, count.inc]).sort()).toEqual(
      [
        [first, 1],
        [last, 100],
      ].sort(),
    );
    await dispose();
  });
});
