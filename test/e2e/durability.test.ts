// The cost of strict durability (what the app uses) against relaxed, in Chromium: 1,000
// one-tap transactions each, shaped like a tap (event, tally row and day row together).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './support/server.ts';
import { closeTablet, openTablet } from './support/tablet.ts';

const WRITES = 1000;

interface Timing {
  durability: string;
  totalMs: number;
  medianMs: number;
  p95Ms: number;
}

function measure(page: Page, durability: 'strict' | 'relaxed'): Promise<Timing> {
  return page.evaluate(
    async ({ durability, writes }) => {
      const name = `durability-${durability}`;
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('events', { keyPath: 'id' });
          open.result.createObjectStore('tally');
          open.result.createObjectStore('days');
        };
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const times: number[] = [];
      const started = performance.now();
      for (let n = 0; n < writes; n += 1) {
        const before = performance.now();
        await new Promise<void>((done, fail) => {
          const tx = db.transaction(['events', 'tally', 'days'], 'readwrite', { durability });
          const at = Date.now();
          tx.objectStore('events').add({
            id: crypto.randomUUID(),
            day: '2026-11-23',
            at,
            counter: 'visit',
            option: '',
            hour: 13,
            delta: 1,
            source: 'door',
          });
          tx.objectStore('tally').put({ inc: n + 1, dec: 0 }, 'visit|13');
          tx.objectStore('days').put({ rev: n + 1, syncedRev: 0 }, '2026-11-23');
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        });
        times.push(performance.now() - before);
      }
      const totalMs = performance.now() - started;
      db.close();
      times.sort((a, b) => a - b);
      return {
        durability,
        totalMs,
        medianMs: times[Math.floor(times.length / 2)] ?? 0,
        p95Ms: times[Math.floor(times.length * 0.95)] ?? 0,
      };
    },
    { durability, writes: WRITES },
  );
}

describe('durability cost, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
    await page.goto(`${server.url}/robots.txt`);
  });

  afterAll(() => closeTablet({ server, context }));

  it(`${WRITES} tap-shaped transactions, strict against relaxed`, async () => {
    const relaxed = await measure(page, 'relaxed');
    const strict = await measure(page, 'strict');
    for (const timing of [strict, relaxed]) {
      console.log(
        `${timing.durability}: ${WRITES} writes in ${timing.totalMs.toFixed(0)} ms, ` +
          `median ${timing.medianMs.toFixed(2)} ms, p95 ${timing.p95Ms.toFixed(2)} ms per write`,
      );
    }
    // Strict flushes each commit; even so a tap must be stored well within a frame budget's
    // reach of "a few milliseconds" on these machines.
    expect(strict.medianMs).toBeLessThan(100);
    expect(relaxed.medianMs).toBeLessThan(100);
  });
});
