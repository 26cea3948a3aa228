// The kiosk's one retry policy: a write is tried at once, and one that fails is kept and tried
// again every retryMs, in order, one flush at a time, until it is stored.
import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../../src/state/kiosk/writes.ts';
import type { EventInput } from '../../../src/storage/index.ts';

const visit = { day: '2026-11-23', at: 0, counter: 'visit', delta: 1, source: 'door' } as const;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A queue whose attempts fail while `failing` says so, recording every attempt's ids. */
function queue(failing: () => boolean, retryMs = 10) {
  const attempts: string[][] = [];
  const writes = createWriteQueue({
    retryMs,
    async attempt(inputs: EventInput[]) {
      attempts.push(inputs.map((input) => input.id ?? ''));
      if (failing()) throw Object.assign(new Error('dropped'), { name: 'UnknownError' });
    },
  });
  return { writes, attempts };
}

describe('the write queue', () => {
  it('a stored write is told so, counted once, and keeps nothing pending', async () => {
    const { writes, attempts } = queue(() => false);
    const outcome = await writes.record([visit]);
    expect(outcome.stored).toBe(true);
    expect(outcome.events).toHaveLength(1);
    expect(outcome.events[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts).toEqual([[outcome.events[0]?.id]]);
    expect(writes.stored.get()).toBe(1);
    expect(writes.pending.get()).toEqual([]);
  });

  it('a failed write is kept with its error, and retried with the same ids until stored', async () => {
    let failing = true;
    const { writes, attempts } = queue(() => failing);
    const outcome = await writes.record([visit]);
    expect(outcome.stored).toBe(false);
    expect(writes.stored.get()).toBe(0);
    expect(writes.pending.get()).toMatchObject([
      { inputs: outcome.events, attempts: 1, lastError: 'UnknownError: dropped' },
    ]);
    // Each retry is counted on the kept write.
    await expect.poll(() => writes.pending.get()[0]?.attempts).toBeGreaterThanOrEqual(3);
    failing = false;
    await expect.poll(() => writes.pending.get()).toEqual([]);
    expect(writes.stored.get()).toBe(1);
    expect(new Set(attempts.flat())).toEqual(new Set([outcome.events[0]?.id]));
    writes.dispose();
  });

  it('one flush at a time: flushing twice at once tries each pending write once', async () => {
    let failing = true;
    const { writes, attempts } = queue(() => failing, 60_000);
    await writes.record([visit]);
    await writes.record([visit]);
    failing = false;
    await Promise.all([writes.flush(), writes.flush()]);
    expect(attempts).toHaveLength(4);
    expect(writes.pending.get()).toEqual([]);
    expect(writes.stored.get()).toBe(2);
    writes.dispose();
  });

  it('after dispose nothing is retried', async () => {
    const { writes, attempts } = queue(() => true, 10);
    writes.dispose();
    await writes.record([visit]);
    await wait(40);
    expect(attempts).toHaveLength(1);
  });
});
