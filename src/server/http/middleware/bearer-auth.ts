/**
 * Bearer authentication as a middleware factory, modelled on Hono's `bearerAuth({ verifyToken })`:
 * it reads `Authorization: Bearer <token>`, asks `verifyToken` who holds it, and puts the answer
 * in `c.var.auth`. Unlike Hono's it never answers itself: a missing or unknown token leaves
 * `auth` undefined and the routes decide between 401 and 403. It never logs or keeps a token.
 */
import type { Context, MiddlewareHandler } from 'hono';

/** What `bearerAuth` needs: how to turn a presented token into an identity. */
export interface BearerAuthOptions<Identity> {
  /** The identity a token opens, or undefined when it opens nothing. */
  verifyToken: (token: string, c: Context) => Identity | undefined | Promise<Identity | undefined>;
}

/** The token of an `Authorization: Bearer <token>` header (any case, one token), if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Sets `c.var.auth` to the identity of the request's bearer token, or undefined. */
export function bearerAuth<Identity>(
  options: BearerAuthOptions<Identity>,
): MiddlewareHandler<{ Variables: { auth: Identity | undefined } }> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    c.set('auth', token === undefined ? undefined : await options.verifyToken(token, c));
    await next();
  };
}
