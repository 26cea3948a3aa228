/**
 * Creating devices and admin tokens: the one place a token exists in the clear, returned once
 * to the caller (the CLI) and stored only as a hash. Also builds the provisioning link: the
 * single-use pairing code rides in its URL fragment (never in a server log), the token never.
 */
import { randomUUID } from 'node:crypto';
import type { Provisioning } from '../../shared/protocol.ts';
import type { DeviceRecord, Store } from '../store/index.ts';
import {
  hashPairingCode,
  hashToken,
  newPairingCode,
  newToken,
  normalizePairingCode,
  PAIRING_CODE_TTL_MS,
  sealToken,
} from '../tokens.ts';

/** The port the endpoint listens on when PORT is not set. */
export const DEFAULT_PORT = 8080;

/**
 * The endpoint's address in links: PUBLIC_URL, or else this machine on the endpoint's own PORT,
 * so the CLI and the endpoint agree without saying the port twice.
 */
export function publicUrlFrom(env: Record<string, string | undefined>): string {
  return env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || DEFAULT_PORT}`;
}

/** A new device with its secrets, to be shown once. */
export interface ProvisionedDevice {
  device: DeviceRecord;
  token: string;
  /** `XXXXX-XXXXX`, valid 24 hours, single use. */
  code: string;
  link: string;
}

/** The provisioning link: `${publicUrl}/#/provision?c=<base64url JSON>`. */
export function provisioningLink(provisioning: Provisioning): string {
  const payload = Buffer.from(JSON.stringify(provisioning), 'utf8').toString('base64url');
  return `${provisioning.endpoint.replace(/\/+$/, '')}/#/provision?c=${payload}`;
}

/** Adds a device to an existing site, with its token, pairing code and link. */
export async function provisionDevice(
  store: Store,
  request: { site: string; label?: string; publicUrl: string },
  now: Date,
): Promise<ProvisionedDevice> {
  const token = newToken();
  const device = await store.addDevice(
    {
      id: randomUUID(),
      site: request.site,
      label: request.label ?? null,
      tokenHash: hashToken(token),
    },
    now,
  );
  const code = newPairingCode();
  const canonical = normalizePairingCode(code)!;
  await store.addPairingCode(
    {
      codeHash: hashPairingCode(canonical),
      deviceId: device.id,
      sealedToken: sealToken(token, canonical),
      expiresAt: new Date(now.getTime() + PAIRING_CODE_TTL_MS),
    },
    now,
  );
  const endpoint = request.publicUrl.replace(/\/+$/, '');
  const link = provisioningLink({ endpoint, site: device.site, code });
  return { device, token, code, link };
}

/** Adds an admin token (for reading every site and the dashboard) and returns it once. */
export async function provisionAdmin(store: Store, now: Date): Promise<string> {
  const token = newToken();
  await store.addAdminToken(hashToken(token), now);
  return token;
}
