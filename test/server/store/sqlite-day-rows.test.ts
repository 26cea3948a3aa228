/**
 * The SQLite store keeps a replica's day as one row of JSON counts, merged in JS. These tests
 * hold it to the per-key max-merge that PROTOCOL.md defines (and PostgreSQL still runs in SQL),
 * and check that a data directory written with the old per-key table is migrated on open.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COUNT_COLUMNS,
  countMergeSql,
  MIGRATIONS,
  SQLITE_MIGRATIONS,
} from '../../../src/server/store/schema.ts';
import {
  siteDays,
  openSqliteStore,
  SQLITE_FILE_NAME,
  countRow,
  type Store,
  type StoredCount,
} from '../../../src/server/store/index.ts';
import {
  countKey,
  mergeUploadOf,
  type Count,
  type UploadV1 as Upload,
} from '../../../src/shared/protocol.ts';

const SITE = 'hjerterom-alta';
const DEVICE = '0b6c3c9e-2b1a-4f7e-9d0e-3d5f1c2a7b10';
const REPLICAS = [randomUUID(), randomUUID(), randomUUID()];
const DATES = ['2026-11-23', '2026-11-24'];
const NOW = new Date('2026-11-24T12:00:00.000Z');

function upload(replica: string, days: Upload['days']): Upload {
  return {
    protocol: 1,
    site: SITE,
    device: DEVICE,
    replica,
    sentAt: NOW.toISOString(),
    days,
  };
}

const rowKey = (count: Pick<StoredCount, 'replica' | 'date'> & Parameters<typeof countKey>[0]) =>
  `${count.replica} ${count.date} ${countKey(count)}`;

/** PROTOCOL.md's merge, key by key: each number the maximum of everything sent for it. */
function perKeyMaxMerge(uploads: readonly Upload[]): StoredCount[] {
  const rows = new Map<string, StoredCount>();
  for (const sent of uploads) {
    for (const day of sent.days) {
      for (const count of day.counts) {
        const key = rowKey({ replica: sent.replica, date: day.date, ...count });
        const hasNok = count.incNok !== undefined || count.decNok !== undefined;
        const row: StoredCount = rows.get(key) ?? {
          date: day.date,
          replica: sent.replica,
          counter: count.counter,
          ...(count.option !== undefined ? { option: count.option } : {}),
          ...(count.hour !== undefined ? { hour: count.hour } : {}),
          inc: 0,
          dec: 0,
        };
        row.inc = Math.max(row.inc, count.inc);
        row.dec = Math.max(row.dec, count.dec);
        if (hasNok) {
          row.incNok = Math.max(row.incNok ?? 0, count.incNok ?? 0);
          row.decNok = Math.max(row.decNok ?? 0, count.decNok ?? 0);
        }
        rows.set(key, row);
      }
    }
  }
  return sorted([...rows.values()]);
}

const sorted = (counts: StoredCount[]) =>
  [...counts].sort((a, b) => rowKey(a).localeCompare(rowKey(b)));

async function seed(store: Store) {
  await store.addSite({ slug: SITE, name: 'Hjerterom Alta' }, NOW);
  await store.addDevice({ id: DEVICE, site: SITE, label: null, tokenHash: 'hash' }, NOW);
}

const keys: ReadonlyArray<Pick<Count, 'counter' | 'option' | 'hour'>> = [
  { counter: 'visit' },
  { counter: 'visit', hour: 0 },
  { counter: 'visit', hour: 13 },
  { counter: 'visit', option: 'first-time' },
  { counter: 'visit', option: 'first-time', hour: 13 },
  { counter: 'bingo', option: 'cash' },
  { counter: 'middag', hour: 23 },
];
const countArb: fc.Arbitrary<Count> = fc
  .record({
    key: fc.constantFrom(...keys),
    inc: fc.nat(40),
    dec: fc.nat(40),
    incNok: fc.option(fc.nat(400), { nil: undefined }),
    decNok: fc.option(fc.nat(400), { nil: undefined }),
  })
  .map(({ key, inc, dec, incNok, decNok }) => ({
    ...key,
    inc,
    dec,
    ...(incNok !== undefined ? { incNok } : {}),
    ...(decNok !== undefined ? { decNok } : {}),
  }));
const uploadArb: fc.Arbitrary<Upload> = fc
  .record({
    replica: fc.constantFrom(...REPLICAS),
    days: fc.uniqueArray(
      fc.record({
        date: fc.constantFrom(...DATES),
        counts: fc.uniqueArray(countArb, { selector: countKey, maxLength: keys.length }),
      }),
      { selector: (day) => day.date, minLength: 1, maxLength: DATES.length },
    ),
  })
  .map(({ replica, days }) => upload(replica, days));

describe('SQLite day rows', () => {
  it('store the per-key max-merge of any upload sequence, alone or group-committed together', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Each upload either waits for the one before or arrives with it (one batch, one commit).
        fc.array(fc.record({ upload: uploadArb, together: fc.boolean() }), { maxLength: 14 }),
        async (sequence) => {
          const store = openSqliteStore({ file: ':memory:' });
          try {
            await seed(store);
            let inFlight: Array<Promise<unknown>> = [];
            for (const { upload: sent, together } of sequence) {
              if (!together) await Promise.all(inFlight.splice(0));
              inFlight.push(store.mergeUpload(mergeUploadOf(sent), DEVICE, NOW));
            }
            await Promise.all(inFlight);
            const expected = perKeyMaxMerge(sequence.map((item) => item.upload));
            const stored = await store.readSiteDays(SITE, DATES[0]!, DATES[1]!);
            expect(sorted(stored.counts)).toEqual(expected);
            // The site totals (sums over replicas) are those of the per-key merge.
            expect(siteDays(stored.counts, [])).toEqual(siteDays(expected, []));
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 150, seed: 2026_11_23 },
    );
  }, 30_000);
});

describe('SQLite migration from per-key rows', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A data directory as the endpoint wrote it before day rows: schema 1, a row per key. */
  function oldDataDir(uploads: readonly Upload[]): string {
    dir = mkdtempSync(join(tmpdir(), 'terskel-old-'));
    const db = new Database(join(dir, SQLITE_FILE_NAME));
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare('INSERT INTO sites (slug, name, created_at) VALUES (?, ?, ?)').run(
      SITE,
      'Hjerterom Alta',
      NOW.toISOString(),
    );
    db.prepare('INSERT INTO devices (id, site, token_hash, created_at) VALUES (?, ?, ?, ?)').run(
      DEVICE,
      SITE,
      'hash',
      NOW.toISOString(),
    );
    const upsertCount = db.prepare(
      `INSERT INTO counts (${COUNT_COLUMNS}) VALUES (${'?, '.repeat(10)}?) ${countMergeSql('max')}`,
    );
    // Schema 1's closings: one row per replica and day, as that endpoint kept them.
    const upsertClosing = db.prepare(
      `INSERT OR REPLACE INTO closings (site, replica, date, at, at_ms, cash_counted_nok)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const sent of uploads) {
      for (const day of sent.days) {
        for (const count of day.counts) {
          const row = countRow(count);
          upsertCount.run(
            SITE,
            sent.replica,
            day.date,
            row.counter,
            row.option,
            row.hour,
            row.inc,
            row.dec,
            row.incNok,
            row.decNok,
            row.hasNok,
          );
        }
        if (day.closed) {
          const { at, cashCountedNok } = day.closed;
          upsertClosing.run(
            SITE,
            sent.replica,
            day.date,
            at,
            Date.parse(at),
            cashCountedNok ?? null,
          );
        }
      }
    }
    db.close();
    return dir;
  }

  const uploads: Upload[] = [
    upload(REPLICAS[0]!, [
      {
        date: DATES[0]!,
        counts: [
          { counter: 'visit', option: 'first-time', hour: 13, inc: 4, dec: 0 },
          { counter: 'visit', hour: 13, inc: 21, dec: 1 },
          { counter: 'middag', inc: 31, dec: 0 },
          { counter: 'bingo', option: 'cash', inc: 12, dec: 0, incNok: 120, decNok: 0 },
          { counter: 'visit', hour: 0, inc: 2, dec: 0 },
        ],
        closed: { at: '2026-11-23T15:02:11.000Z', cashCountedNok: 120 },
      },
      { date: DATES[1]!, counts: [{ counter: 'visit', inc: 3, dec: 1 }] },
    ]),
    upload(REPLICAS[0]!, [
      {
        date: DATES[0]!,
        counts: [
          { counter: 'visit', hour: 13, inc: 20, dec: 2 },
          { counter: 'bingo', option: 'cash', inc: 11, dec: 1, incNok: 110, decNok: 10 },
        ],
      },
    ]),
    upload(REPLICAS[1]!, [
      {
        date: DATES[0]!,
        counts: [
          { counter: 'visit', hour: 13, inc: 5, dec: 0 },
          { counter: 'bingo', option: 'cash', inc: 1, dec: 0, decNok: 0 },
        ],
      },
    ]),
  ];

  it('folds the old rows into day rows on open, with the same counts and totals', async () => {
    const dataDir = oldDataDir(uploads);
    const store = openSqliteStore({ dataDir });
    try {
      const stored = await store.readSiteDays(SITE, DATES[0]!, DATES[1]!);
      const expected = perKeyMaxMerge(uploads);
      expect(sorted(stored.counts)).toEqual(expected);
      // The replica's closing became the site-day's register (protocol version 2).
      expect(stored.closings).toEqual([
        {
          date: DATES[0],
          closed: true,
          at: '2026-11-23T15:02:11.000Z',
          replica: REPLICAS[0],
          cashCountedNok: 120,
        },
      ]);
      expect(siteDays(stored.counts, stored.closings)).toEqual(siteDays(expected, stored.closings));

      // The migrated rows merge on: a lower upload changes nothing, a higher one raises.
      const later = upload(REPLICAS[0]!, [
        {
          date: DATES[0]!,
          counts: [
            { counter: 'visit', hour: 13, inc: 1, dec: 0 },
            { counter: 'middag', inc: 32, dec: 0 },
            { counter: 'kaffe', inc: 1, dec: 0 },
          ],
        },
      ]);
      await store.mergeUpload(mergeUploadOf(later), DEVICE, NOW);
      const after = await store.readSiteDays(SITE, DATES[0]!, DATES[1]!);
      expect(sorted(after.counts)).toEqual(perKeyMaxMerge([...uploads, later]));
    } finally {
      await store.close();
    }
    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      // Migrated through every version this endpoint knows, day rows (2) and whatever follows.
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'counts'").all(),
      ).toEqual([]);
      expect(db.prepare('SELECT COUNT(*) FROM day_counts').pluck().get()).toBe(3);
    } finally {
      db.close();
    }
  });

  it('opens a migrated directory again without changing it', async () => {
    const dataDir = oldDataDir(uploads);
    await openSqliteStore({ dataDir }).close();
    const store = openSqliteStore({ dataDir });
    try {
      const stored = await store.readSiteDays(SITE, DATES[0]!, DATES[1]!);
      expect(sorted(stored.counts)).toEqual(perKeyMaxMerge(uploads));
    } finally {
      await store.close();
    }
  });

  it('refuses a database whose schema is newer than it knows', () => {
    dir = mkdtempSync(join(tmpdir(), 'terskel-new-'));
    const db = new Database(join(dir, SQLITE_FILE_NAME));
    const newer = SQLITE_MIGRATIONS.length + 1;
    db.pragma(`user_version = ${newer}`);
    db.close();
    expect(() => openSqliteStore({ dataDir: dir })).toThrow(new RegExp(`schema ${newer}, newer`));
  });
});
