/**
 * Pairing a tablet: by the provisioning link (token in the URL fragment, never sent to a
 * server) or by a short code typed in staff mode and exchanged at the endpoint.
 */
import { provisioningSchema } from '../shared/protocol.ts';
import { postPairingCode, type Fetch, type SyncSettings } from './client.ts';

/** Decodes `#/provision?c=<base64url JSON>`; undefined when the hash is not a provisioning link. */
export function readProvisioningHash(
  hash: string,
): { settings?: SyncSettings; error?: string } | undefined {
  const match = /^#\/provision\?(.*)$/.exec(hash);
  if (!match) return undefined;
  const encoded = new URLSearchParams(match[1]).get('c');
  if (!encoded) return { error: 'Lenken mangler innhold.' };
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const parsed = provisioningSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (!parsed.success) return { error: 'Lenken er ikke gyldig.' };
    return { settings: parsed.data };
  } catch {
    return { error: 'Lenken kunne ikke leses.' };
  }
}

/** Normalises a typed pairing code: case and dashes are ignored. */
export function normalisePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Exchanges a pairing code at the endpoint for this tablet's settings. */
export async function pairWithCode(
  fetcher: Fetch,
  endpoint: string,
  code: string,
): Promise<{ settings: SyncSettings } | { error: string }> {
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch {
    return { error: 'Adressen er ikke gyldig. Skriv den som https://…' };
  }
  const normalised = normalisePairingCode(code);
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(normalised)) {
    return { error: 'Koden har ti tegn, for eksempel ABCDE-12345.' };
  }
  const origin = base.origin;
  const answer = await postPairingCode(
    fetcher,
    origin,
    `${normalised.slice(0, 5)}-${normalised.slice(5)}`,
  );
  if (answer.ok) {
    return {
      settings: {
        endpoint: origin,
        site: answer.body.site,
        device: answer.body.device,
        token: answer.body.token,
      },
    };
  }
  if (answer.status === 404)
    return { error: 'Koden er ukjent, brukt eller utløpt. Be om en ny kode.' };
  if (answer.status === 0)
    return { error: 'Fikk ikke kontakt med adressen. Er nettbrettet på nett?' };
  if (answer.status === 429) return { error: 'For mange forsøk. Vent et minutt og prøv igjen.' };
  return { error: `Serveren svarte: ${answer.message}` };
}
