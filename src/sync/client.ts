/**
 * HTTP calls to the endpoint (PROTOCOL.md). Answers are parsed with the shared schemas;
 * a network failure is an answer too (status 0), so callers handle every outcome alike.
 */
import {
  errorAnswerSchema,
  pairAnswerSchema,
  siteDaysAnswerSchema,
  uploadAnswerSchema,
  type ErrorAnswer,
  type PairAnswer,
  type SiteDaysAnswer,
  type Upload,
  type UploadAnswer,
} from '../shared/protocol.ts';

/** Where and as whom this tablet syncs (stored in device settings after pairing). */
export interface SyncSettings {
  endpoint: string;
  site: string;
  device: string;
  token: string;
}

export type Answer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; error?: ErrorAnswer; retryAfterSeconds?: number; message: string };

export type Fetch = typeof fetch;

function url(endpoint: string, path: string): string {
  return endpoint.replace(/\/+$/, '') + path;
}

async function call<T>(
  fetcher: Fetch,
  target: string,
  init: RequestInit,
  parse: (body: unknown) => { success: true; data: T } | { success: false },
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetcher(target, { ...init, cache: 'no-store' });
  } catch (error) {
    return {
      ok: false,
      status: 0,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = parse(body);
    if (parsed.success) return { ok: true, status: response.status, body: parsed.data };
    return { ok: false, status: 502, message: 'The endpoint answered in an unknown shape' };
  }
  const error = errorAnswerSchema.safeParse(body);
  const retryAfter = Number(response.headers.get('Retry-After'));
  const answer: Answer<T> = {
    ok: false,
    status: response.status,
    message: error.success ? error.data.message : `HTTP ${response.status}`,
  };
  if (error.success) answer.error = error.data;
  if (Number.isFinite(retryAfter) && retryAfter > 0) answer.retryAfterSeconds = retryAfter;
  return answer;
}

const json = (token?: string): HeadersInit => ({
  'Content-Type': 'application/json',
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
});

export function postCounts(
  fetcher: Fetch,
  settings: SyncSettings,
  upload: Upload,
): Promise<Answer<UploadAnswer>> {
  return call(
    fetcher,
    url(settings.endpoint, '/api/v1/counts'),
    { method: 'POST', headers: json(settings.token), body: JSON.stringify(upload) },
    (body) => uploadAnswerSchema.safeParse(body),
  );
}

export function postPairingCode(
  fetcher: Fetch,
  endpoint: string,
  code: string,
): Promise<Answer<PairAnswer>> {
  return call(
    fetcher,
    url(endpoint, '/api/v1/pair'),
    { method: 'POST', headers: json(), body: JSON.stringify({ code }) },
    (body) => pairAnswerSchema.safeParse(body),
  );
}

export function getSiteDays(
  fetcher: Fetch,
  settings: SyncSettings,
  from: string,
  to: string,
): Promise<Answer<SiteDaysAnswer>> {
  const query = new URLSearchParams({ from, to });
  return call(
    fetcher,
    url(settings.endpoint, `/api/v1/sites/${encodeURIComponent(settings.site)}/days?${query}`),
    { method: 'GET', headers: { Authorization: `Bearer ${settings.token}` } },
    (body) => siteDaysAnswerSchema.safeParse(body),
  );
}

/** What a look at the endpoint's clock found: its lead over this tablet's clock, or why not. */
export type ClockReading = { skewMs: number } | { problem: 'unreachable' | 'unreadable' };

/**
 * How far the endpoint's clock is ahead of this tablet's (negative: behind), from the Date
 * header of its health answer against the middle of the round trip. The header has whole
 * seconds, so half a second is added to meet the truncation halfway. 'unreadable': an answer
 * without a Date the browser lets the page read (a cross-origin endpoint that does not expose it).
 */
export async function readEndpointClock(
  fetcher: Fetch,
  endpoint: string,
  now: () => number,
): Promise<ClockReading> {
  const sentAt = now();
  let response: Response;
  try {
    response = await fetcher(url(endpoint, '/api/v1/health'), { cache: 'no-store' });
  } catch {
    return { problem: 'unreachable' };
  }
  const receivedAt = now();
  if (!response.ok) return { problem: 'unreachable' };
  const serverMs = Date.parse(response.headers.get('Date') ?? '');
  if (Number.isNaN(serverMs)) return { problem: 'unreadable' };
  return { skewMs: serverMs + 500 - (sentAt + receivedAt) / 2 };
}
