import { describe, expect, it } from 'vitest';
import { readEndpointClock } from '../../src/sync/client.ts';

const TABLET = Date.UTC(2026, 11, 3, 12, 0, 0);

/** A clock that moves one second per reading: the round trip takes a second. */
function tabletClock() {
  let readings = 0;
  return () => TABLET + 1000 * readings++;
}

describe("reading the endpoint's clock", () => {
  it('takes the health answer’s Date against the middle of the round trip', async () => {
    const asked: string[] = [];
    const fetcher = ((target: string) => {
      asked.push(target);
      const date = new Date(TABLET + 7 * 60_000).toUTCString();
      return Promise.resolve(new Response('{"ok":true}', { headers: { Date: date } }));
    }) as typeof fetch;
    expect(await readEndpointClock(fetcher, 'https://terskel.example/', tabletClock())).toEqual({
      // 12:07:00 (+ half a second for the header's whole seconds) against 12:00:00.5
      skewMs: 7 * 60_000,
    });
    expect(asked).toEqual(['https://terskel.example/api/v1/health']);
  });

  it('is unreachable without an answer or with an error, unreadable without a Date', async () => {
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await readEndpointClock(offline, 'https://e', tabletClock())).toEqual({
      problem: 'unreachable',
    });
    const failing = (() =>
      Promise.resolve(
        new Response('', { status: 503, headers: { Date: new Date().toUTCString() } }),
      )) as typeof fetch;
    expect(await readEndpointClock(failing, 'https://e', tabletClock())).toEqual({
      problem: 'unreachable',
    });
    const hidden = (() => Promise.resolve(new Response('{"ok":true}'))) as typeof fetch;
    expect(await readEndpointClock(hidden, 'https://e', tabletClock())).toEqual({
      problem: 'unreadable',
    });
  });
});
