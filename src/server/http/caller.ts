/**
 * Who is calling: a bearer token's hash looked up as a live device or an admin (compared in
 * constant time), and the guard a route puts in front of itself to admit one kind of caller.
 */
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/index.ts';
import { hashesEqual, hashToken } from '../tokens.ts';
import { forbidden, unauthorized } from './answers.ts';
import type { Auth, HttpEnv } from './context.ts';

/** `verifyToken` for `bearerAuth`: the live device or admin a token belongs to, if any. */
export function verifyTokenIn(store: Store) {
  return async (token: string): Promise<Auth | undefined> => {
    const tokenHash = hashToken(token);
    const device = await store.findDeviceByTokenHash(tokenHash);
    if (device && hashesEqual(tokenHash, device.tokenHash)) {
      return device.device.revokedAt === null
        ? { kind: 'device', device: device.device, tokenHash }
        : undefined;
    }
    const admin = await store.findAdminTokenHash(tokenHash);
    if (admin !== undefined && hashesEqual(tokenHash, admin)) return { kind: 'admin', tokenHash };
    return undefined;
  };
}

/**
 * Lets only `kind` through: no caller is a 401, another kind of caller a 403. The handlers after
 * it see `c.var.auth` typed as that kind.
 */
export function requireCaller<Kind extends Auth['kind']>(
  kind: Kind,
): MiddlewareHandler<{ Variables: { auth: Extract<Auth, { kind: Kind }> } }> {
  return async (c, next) => {
    // Before this guard the variable may still be undefined or another kind.
    const auth = (c.var as HttpEnv['Variables']).auth;
    if (!auth) return unauthorized(c);
    if (auth.kind !== kind) return forbidden(c);
    await next();
  };
}
