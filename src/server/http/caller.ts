/**
 * Who is calling: a bearer token's hash looked up as a live device or an admin (compared in
 * constant time), and the guards a route puts in front of itself to admit one kind of caller,
 * or an admin of a role.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AdminRole, Store } from '../store/index.ts';
import { hashesEqual, hashToken } from '../tokens.ts';
import { fail, forbidden, unauthorized } from './answers.ts';
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
    const admin = await store.findAdminToken(tokenHash);
    if (admin && hashesEqual(tokenHash, admin.tokenHash)) {
      return { kind: 'admin', admin: admin.admin, tokenHash };
    }
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

const readOnlyAdmin = (c: Context) =>
  fail(c, 403, 'forbidden', 'This admin token may only read: use a manage token.');

/**
 * Lets only an admin whose role is `role` (or above it) through: no caller is a 401, a device
 * a 403, and a `read` admin a 403 on anything that changes something.
 */
export function requireAdminRole(
  role: AdminRole,
): MiddlewareHandler<{ Variables: { auth: Extract<Auth, { kind: 'admin' }> } }> {
  return async (c, next) => {
    const auth = (c.var as HttpEnv['Variables']).auth;
    if (!auth) return unauthorized(c);
    if (auth.kind !== 'admin') return forbidden(c);
    if (role === 'manage' && auth.admin.role !== 'manage') return readOnlyAdmin(c);
    await next();
  };
}

/**
 * Lets through a device of the route's `:site`, or an admin (of `role` for a change): no caller
 * is a 401, a device of another site a 403 (so devices cannot probe which sites exist), and an
 * unknown site a 404 for an admin.
 */
export function requireSiteCaller(
  store: Store,
  role: AdminRole = 'read',
): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const auth = c.var.auth;
    const site = c.req.param('site') ?? '';
    if (!auth) return unauthorized(c);
    if (auth.kind === 'device') {
      if (auth.device.site !== site) return forbidden(c);
    } else {
      if (role === 'manage' && auth.admin.role !== 'manage') return readOnlyAdmin(c);
      if (!(await store.getSite(site))) return fail(c, 404, 'not-found', 'There is no such site.');
    }
    await next();
  };
}
