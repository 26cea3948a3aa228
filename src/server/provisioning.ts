/**
 * Creating devices, pairing codes and admin tokens: the one place a token exists in the clear,
 * returned once to the caller (the CLI, or the admin API, which hands on only the pairing code)
 * and stored only as a hash. It sits beside tokens.ts, outside the rooms, because the CLI and
 * the HTTP room both provision. Also builds the provisioning link: the
 * single-use pairing code rides in its URL fragment (never in a server log), the token never.
 */
import { randomUUID } from 'node:crypto';
import type { Provisioning } from '../shared/protocol.ts';
import type { AdminRole, AdminTokenRecord, DeviceRecord, Store } from './store/index.ts';
import {
  hashPairingCode,
  hashToken,
  newPairingCode,
  newToken,
  normalizePairingCode,
  PAIRING_CODE_TTL_MS,
  sealToken,
} from './tokens.ts';

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
  // The store keeps only the code's hash and the sealed token, never the code itself.
  const { code, ...pairing } = sealedPairing(device.id, token, now);
  await store.addPairingCode(pairing, now);
  return { device, token, code, link: linkFor(request.publicUrl, device.site, code) };
}

/** A new pairing code for `token`, and what the store keeps of it (hashed and sealed). */
function sealedPairing(deviceId: string, token: string, now: Date) {
  const code = newPairingCode();
  const canonical = normalizePairingCode(code)!;
  return {
    code,
    codeHash: hashPairingCode(canonical),
    deviceId,
    sealedToken: sealToken(token, canonical),
    expiresAt: new Date(now.getTime() + PAIRING_CODE_TTL_MS),
  };
}

const linkFor = (publicUrl: string, site: string, code: string) =>
  provisioningLink({ endpoint: publicUrl.replace(/\/+$/, ''), site, code });

/** A new pairing code for an existing device, to be shown once. */
export interface DeviceCode {
  device: DeviceRecord;
  /** `XXXXX-XXXXX`, valid 24 hours, single use. */
  code: string;
  link: string;
}

/**
 * A new pairing code for an existing, live device. The token is stored only as a hash, so a
 * code cannot hand out the old one: the device gets a new token, sealed under the code, and the
 * old token and the device's earlier codes stop working at once (a tablet still using them is
 * told 401 and keeps its counts until it is paired with the new code). The device keeps its id,
 * and a tablet paired again keeps its replica, so nothing is counted twice. Undefined when the
 * device does not exist or is revoked.
 */
export async function newDeviceCode(
  store: Store,
  request: { deviceId: string; publicUrl: string },
  now: Date,
): Promise<DeviceCode | undefined> {
  const token = newToken();
  const { code, ...pairing } = sealedPairing(request.deviceId, token, now);
  const device = await store.replaceDeviceToken({ ...pairing, tokenHash: hashToken(token) }, now);
  if (!device) return undefined;
  return { device, code, link: linkFor(request.publicUrl, device.site, code) };
}

/** Adds a `manage` admin token labelled `admin` and returns it once. */
export async function provisionAdmin(store: Store, now: Date): Promise<string> {
  return (await provisionAdminToken(store, { label: 'admin', role: 'manage' }, now)).token;
}

/** Adds an admin token of a role (the dashboard, every site) and returns it once. */
export async function provisionAdminToken(
  store: Store,
  request: { label: string; role: AdminRole },
  now: Date,
): Promise<{ token: string; admin: AdminTokenRecord }> {
  const token = newToken();
  const admin = await store.addAdminToken(hashToken(token), now, {
    id: randomUUID(),
    label: request.label,
    role: request.role,
  });
  return { token, admin };
}
