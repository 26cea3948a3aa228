// A sync run in flight while the lead pairs the tablet again (found in review).
import { beforeEach, describe, expect, it } from 'vitest';
import { clear, createStore } from 'idb-keyval';
import { createSyncController } from '../../src/state/sync.ts';
import { testKiosk } from '../support/kiosk.ts';

beforeEach(async () => {
  await clear(createStore('terskel-settings', 'settings'));
});

const OLD = {
  endpoint: 'https://old.example',
  site: 'hjerterom-alta',
  device: '0b6c3c9e-2b1a-4f7e-9d0e-3d5f1c2a7b10',
  token: 'old-token',
};
const NEW = {
  endpoint: 'https://new.example',
  site: 'hjerterom-alta',
  device: '1b6c3c9e-2b1a-4f7e-9d0e-3d5f1c2a7b11',
  token: 'new-token',
};

function okAnswer(body: string): Response {
  const upload = JSON.parse(body) as { days: Array<{ date: string; counts: unknown[] }> };
  return new Response(
    JSON.stringify({
      ok: true,
      serverTime: new Date().toISOString(),
      days: upload.days.map((d) => ({ date: d.date, counts: d.counts.length })),
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );
}

/** A fetch whose uploads to the old endpoint wait until released; the new one answers 200. */
function gatedFetch() {
  const sentToNew: string[] = [];
  let release: ((answer: 'ok' | 401) => void) | undefined;
  let arrived: () => void = () => undefined;
  const oldArrived = new Promise<void>((resolve) => (arrived = resolve));
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const body = String(init?.body);
    // After each upload a run asks for the site's configuration: nothing is published here.
    if (url.endsWith('/config')) {
      return new Response(JSON.stringify({ ok: false, error: 'not-found', message: 'none' }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    if (url.startsWith(NEW.endpoint)) {
      sentToNew.push(body);
      return okAnswer(body);
    }
    // The first run has no day to send, only the tablet's health (protocol version 2).
    if ((JSON.parse(body) as { days: unknown[] }).days.length === 0) return okAnswer(body);
    arrived();
    const answer = await new Promise<'ok' | 401>((resolve) => (release = resolve));
    if (answer === 401) {
      return new Response(
        JSON.stringify({ ok: false, error: 'unauthorized', message: 'pair again' }),
        { status: 401, headers: { 'Content-Type': 'application/json' } },
      );
    }
    return okAnswer(body);
  }) as typeof fetch;
  return { fetcher, sentToNew, oldArrived, release: (a: 'ok' | 401) => release?.(a) };
}

async function pairWhileOldRunInFlight(answer: 'ok' | 401) {
  const kiosk = testKiosk();
  const gate = gatedFetch();
  const sync = createSyncController(kiosk.store, { fetch: gate.fetcher, autoTriggers: false });
  await sync.pair(OLD);
  await sync.trigger('manual'); // nothing to send yet
  await kiosk.store.checkIn();
  const oldRun = sync.trigger('manual'); // uploads to the old endpoint; the answer is slow
  await gate.oldArrived;
  await sync.pair(NEW); // the lead pairs the tablet again meanwhile
  gate.release(answer);
  await oldRun;
  await sync.trigger('manual');
  return { sync, gate };
}

describe('pairing again while a sync run is in flight', () => {
  it('the old run’s 200 does not keep the day from the new endpoint', async () => {
    const { gate } = await pairWhileOldRunInFlight('ok');
    // The old run's acknowledgement must not undo markAllWaiting: the new endpoint gets the day.
    expect(gate.sentToNew.some((body) => body.includes('"visit"'))).toBe(true);
  });

  it('the old token’s 401 does not mark the fresh pairing as needing pairing', async () => {
    const { sync, gate } = await pairWhileOldRunInFlight(401);
    expect(sync.status.get().needsPairing).toBe(false);
    expect(gate.sentToNew.some((body) => body.includes('"visit"'))).toBe(true);
  });
});
