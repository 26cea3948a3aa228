/**
 * The worst upload bodies we can build within the 256 KiB limit, each answered by the real app
 * in-process (`app.request`, SQLite), beside a normal upload: validation's work is bounded, so
 * the worst body should cost about what a normal upload does, and never more than its size.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionDevice } from '../../src/server/cli/index.ts';
import { createApp } from '../../src/server/http/index.ts';
import { openSqliteStore } from '../../src/server/store/index.ts';
import { MAX_BODY_BYTES } from '../../src/shared/protocol.ts';
import { summarize, type Summary } from './stats.ts';

/** One kind of body, measured. */
export interface BodyTiming {
  name: string;
  bytes: number;
  status: number;
  issues: number;
  answerBytes: number;
  ms: Summary;
}

const SITE = 'bench-site';

/** The hostile bodies (each at most 256 KiB) and a normal upload, for one device. */
function bodies(device: string, now: Date): Array<[string, unknown]> {
  const today = now.toISOString().slice(0, 10);
  // Version 2, as tablets of this release send (the endpoint checks either version the same
  // way up to the counts).
  const head = {
    protocol: 2,
    site: SITE,
    device,
    replica: randomUUID(),
    secret: randomBytes(32).toString('base64url'),
    sentAt: now.toISOString(),
    app: 'terskel/bench',
  };
  const date = (i: number) => new Date(now.getTime() - i * 86_400_000).toISOString().slice(0, 10);
  const grid = (count: (i: number, j: number) => unknown, perDay = 500) => ({
    ...head,
    days: Array.from({ length: 62 }, (_, i) => ({
      date: date(i),
      counts: Array.from({ length: perDay }, (_, j) => count(i, j)),
    })),
  });
  // Valid counts all the way, and one wrong number in the very last: the quick check reads the
  // whole body, then the staged check reads it again up to that count.
  const lastWrong = () => {
    const body = grid((_, j) => ({ counter: `c${j}`, inc: 1, dec: 0 }), 100);
    const counts = body.days.at(-1)!.counts as Array<{ inc: number }>;
    counts[counts.length - 1]!.inc = -1;
    return body;
  };
  return [
    [
      'normal upload (1 day, 24 keys)',
      {
        ...head,
        days: [
          {
            date: today,
            counts: Array.from({ length: 24 }, (_, hour) => ({
              counter: 'visit',
              ...(hour < 24 ? { hour } : {}),
              inc: hour + 1,
              dec: 0,
            })),
          },
        ],
      },
    ],
    ['62 days × 500 counts of {"x":1}', grid(() => ({ x: 1 }))],
    ['62 days × 500 empty counts', grid(() => ({}))],
    ['62 days × 100 valid counts, the last one wrong', lastWrong()],
    ['62 days × 120 copies of one key', grid(() => ({ counter: 'a', inc: 0, dec: 0 }), 120)],
  ];
}

/** Times each body `runs` times through the app; the normal upload first. */
export async function measureHostileBodies(runs: number): Promise<BodyTiming[]> {
  const dir = mkdtempSync(join(tmpdir(), 'terskel-bench-hostile-'));
  const store = openSqliteStore({ dataDir: dir });
  try {
    const now = new Date();
    await store.addSite({ slug: SITE, name: 'Bench' }, now);
    const { device, token } = await provisionDevice(
      store,
      { site: SITE, publicUrl: 'http://localhost:8080' },
      now,
    );
    const app = createApp({
      store,
      logger: () => {},
      limits: { tokenPerMinute: 1_000_000 },
      distDir: join(dir, 'no-dist'),
    });
    const timings: BodyTiming[] = [];
    for (const [name, value] of bodies(device.id, now)) {
      const text = JSON.stringify(value);
      const bytes = Buffer.byteLength(text);
      if (bytes > MAX_BODY_BYTES) throw new Error(`${name} is ${bytes} bytes, over the limit`);
      const samples: number[] = [];
      let last: { status: number; answer: string } = { status: 0, answer: '' };
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        const response = await app.request('/api/v1/counts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: text,
        });
        const answer = await response.text();
        samples.push(performance.now() - started);
        last = { status: response.status, answer };
      }
      const issues = (JSON.parse(last.answer) as { issues?: unknown[] }).issues?.length ?? 0;
      timings.push({
        name,
        bytes,
        status: last.status,
        issues,
        answerBytes: Buffer.byteLength(last.answer),
        ms: summarize(samples),
      });
    }
    return timings;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
