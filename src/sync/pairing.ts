/**
 * Pairing a tablet: by a provisioning link (the endpoint, the site and a single-use pairing
 * code in the URL fragment, never sent to a server) or by the same code typed in staff mode;
 * either way the code is exchanged at the endpoint for the token. Outcomes are codes; the staff
 * screen and the door word them (i18n), never this module.
 */
import { provisioningSchema, type Provisioning } from '../shared/protocol.ts';
import { postPairingCode, type Fetch, type SyncSettings } from './client.ts';

/** What a provisioning link held: where it would pair this tablet, or why it could not be used. */
export type ProvisioningRead =
  | { code: 'link'; link: Provisioning }
  | { code: 'link-empty' | 'link-invalid' | 'link-unreadable' };

/** Decodes `#/provision?c=<base64url JSON>`; undefined when the hash is not a provisioning link. */
export function readProvisioningHash(hash: string): ProvisioningRead | undefined {
  const match = /^#\/provision\?(.*)$/.exec(hash);
  if (!match) return undefined;
  const encoded = new URLSearchParams(match[1]).get('c');
  if (!encoded) return { code: 'link-empty' };
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const parsed = provisioningSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (!parsed.success) return { code: 'link-invalid' };
    return { code: 'link', link: parsed.data };
  } catch {
    return { code: 'link-unreadable' };
  }
}

/** Normalises a typed pairing code: case and dashes are ignored. */
export function normalisePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Why a typed pairing code did not pair; `refused` carries the endpoint's own message. */
export type PairingFailure =
  | { code: 'bad-address' | 'bad-code' | 'unknown-code' | 'no-contact' | 'too-many' }
  | { code: 'refused'; detail: string };

/** Exchanges a pairing code at the endpoint for this tablet's settings. */
export async function pairWithCode(
  fetcher: Fetch,
  endpoint: string,
  code: string,
): Promise<{ code: 'paired'; settings: SyncSettings } | PairingFailure> {
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch {
    return { code: 'bad-address' };
  }
  const normalised = normalisePairingCode(code);
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(normalised)) return { code: 'bad-code' };
  const origin = base.origin;
  const answer = await postPairingCode(
    fetcher,
    origin,
    `${normalised.slice(0, 5)}-${normalised.slice(5)}`,
  );
  if (answer.ok) {
    return {
      code: 'paired',
      settings: {
        endpoint: origin,
        site: answer.body.site,
        device: answer.body.device,
        token: answer.body.token,
      },
    };
  }
  if (answer.status === 404) return { code: 'unknown-code' };
  if (answer.status === 0) return { code: 'no-contact' };
  if (answer.status === 429) return { code: 'too-many' };
  return { code: 'refused', detail: answer.message };
}
