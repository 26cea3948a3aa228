/**
 * The site's published configuration over HTTP (PROTOCOL.md, "Configuration travels"). The
 * answers come back raw, status and JSON body: the caller validates a published version with
 * the shared schema itself, so it can remember why one was refused, and a 409 keeps its
 * `current` version (the error schema would drop it). A network failure is status 0.
 */
import type { ConfigPublish } from '../shared/config-publication.ts';
import type { Fetch, SyncSettings } from './client.ts';

export interface RawAnswer {
  status: number;
  body?: unknown;
}

async function request(
  fetcher: Fetch,
  settings: SyncSettings,
  headers: Record<string, string>,
  body?: ConfigPublish,
): Promise<RawAnswer> {
  const target = `${settings.endpoint.replace(/\/+$/, '')}/api/v1/sites/${encodeURIComponent(settings.site)}/config`;
  try {
    const response = await fetcher(target, {
      method: body ? 'PUT' : 'GET',
      cache: 'no-store',
      headers: { Authorization: `Bearer ${settings.token}`, ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  } catch {
    return { status: 0 };
  }
}

/** Asks for the published version; 304 (no body) while `known` is still the current one. */
export const getConfig = (fetcher: Fetch, settings: SyncSettings, known: number) =>
  request(fetcher, settings, { 'If-None-Match': `"${known}"` });

/** Publishes a configuration and plan based on the version the tablet follows. */
export const putConfig = (fetcher: Fetch, settings: SyncSettings, publish: ConfigPublish) =>
  request(fetcher, settings, { 'Content-Type': 'application/json' }, publish);
