/**
 * What every route module is built from: the caller's identity in `c.var.auth`, the request
 * limits, and the parts of the app (store, clock, the caller's address) a route may use.
 */
import type { Context } from 'hono';
import { MAX_BODY_BYTES, MAX_REPLICAS_PER_SITE } from '../../shared/protocol.ts';
import type { AdminTokenRecord, DeviceRecord, Store } from '../store/index.ts';

/**
 * Who a request comes from once its bearer token is verified, with the token's hash. An admin
 * carries its token's record: the role decides what it may change, the label goes in the
 * audit log.
 */
export type Auth =
  | { kind: 'device'; device: DeviceRecord; tokenHash: string }
  | { kind: 'admin'; admin: AdminTokenRecord; tokenHash: string };

/** The Hono environment of the endpoint's routes. */
export type HttpEnv = { Variables: { auth: Auth | undefined } };

/** Request limits; tests raise them to reach validation with many requests. */
export interface Limits {
  /** Requests a minute from one valid token. */
  tokenPerMinute: number;
  /** Requests a minute from one address without a valid token. */
  addressPerMinute: number;
  /** Pairing attempts a minute from one address. */
  pairPerMinute: number;
  /** Largest request body in bytes. */
  maxBodyBytes: number;
  /** Replicas one site may have. */
  maxReplicasPerSite: number;
}

/** PROTOCOL.md's limits. */
export const DEFAULT_LIMITS: Limits = {
  tokenPerMinute: 120,
  addressPerMinute: 60,
  pairPerMinute: 10,
  maxBodyBytes: MAX_BODY_BYTES,
  maxReplicasPerSite: MAX_REPLICAS_PER_SITE,
};

/** The parts a route module is built from. */
export interface RouteParts {
  store: Store;
  clock: () => Date;
  limits: Limits;
  clientAddress: (c: Context) => string;
  /** The endpoint's address in provisioning links (PUBLIC_URL), no trailing slash. */
  publicUrl: string;
}

/** The default caller address: the socket's peer when served by @hono/node-server. */
export function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Which peers are the reverse proxy, from TRUST_PROXY: `1` (or `loopback`) is a proxy on this
 * machine, anything else a comma-separated list of the proxy's addresses. Undefined: no proxy.
 */
export function trustedProxy(setting: string | undefined): ((peer: string) => boolean) | undefined {
  const value = setting?.trim();
  if (!value || value === '0') return undefined;
  if (value === '1' || value === 'loopback') return (peer) => LOOPBACK.test(peer);
  const addresses = new Set(value.split(',').map((address) => address.trim()));
  return (peer) => addresses.has(peer);
}

/**
 * The caller's address behind a reverse proxy: the rightmost X-Forwarded-For entry, which the
 * proxy itself appended (entries to its left are whatever the client sent, and may be forged),
 * and only for a request that came from the proxy; anyone reaching the port directly is known
 * by the socket's peer, whatever header they send.
 */
export function proxiedAddress(isProxy: (peer: string) => boolean): (c: Context) => string {
  return (c) => {
    const peer = socketAddress(c);
    if (!isProxy(peer)) return peer;
    return c.req.header('x-forwarded-for')?.split(',').pop()?.trim() || peer;
  };
}
