/**
 * Reading the endpoint's totals of all the site's tablets for the lead's screens: send what
 * waits here first, then ask, and give up after five seconds so the screen shows this
 * tablet's own totals instead.
 */
import type { SyncSettings } from '../sync/index.ts';
import type { EndpointTotalsReader } from './reports.ts';

/** How long the closing screen waits for the endpoint before showing the tablet's own totals. */
const ENDPOINT_READ_TIMEOUT_MS = 5000;

export interface EndpointTotalsDeps {
  fetch: typeof fetch;
  /** The pairing, or undefined when the tablet is not (or no longer) paired. */
  pairing(): Promise<SyncSettings | undefined>;
  /** Sends what waits on this tablet. */
  send(): Promise<void>;
}

/** A reader that rejects when the tablet is not paired, the endpoint refuses or is too slow. */
export function endpointTotalsReader(deps: EndpointTotalsDeps): EndpointTotalsReader {
  return async (from, to) => {
    const pairing = await deps.pairing();
    if (!pairing) throw new Error('not paired');
    await withTimeout(deps.send(), ENDPOINT_READ_TIMEOUT_MS);
    const { getSiteDays } = await import('../sync/index.ts');
    const answer = await withTimeout(
      getSiteDays(deps.fetch, pairing, from, to),
      ENDPOINT_READ_TIMEOUT_MS,
    );
    if (!answer.ok) throw new Error(answer.message);
    return answer.body.days;
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
