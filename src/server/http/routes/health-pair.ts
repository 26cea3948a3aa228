/**
 * The two API paths a tablet calls without a token: the health check, and pairing, which
 * redeems a single-use code for the device's token (rate-limited per address on its own).
 */
import { Hono } from 'hono';
import { pairRequestSchema, PROTOCOL_VERSIONS } from '../../../shared/protocol.ts';
import { hashPairingCode, normalizePairingCode, unsealToken } from '../../tokens.ts';
import { allowOnly, fail, invalid } from '../answers.ts';
import type { HttpEnv, RouteParts } from '../context.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import { readJson } from '../request-body.ts';
import { validationIssues } from '../validation-issues.ts';

/** GET /health and POST /pair, to mount under /api/v1. */
export function healthPairRoutes({ store, clock, limits, clientAddress }: RouteParts) {
  const routes = new Hono<HttpEnv>();

  routes.post(
    '/pair',
    rateLimit<HttpEnv>({
      clock,
      bucket: (c) => ({ key: `pair:${clientAddress(c)}`, perMinute: limits.pairPerMinute }),
      message: 'Too many pairing attempts: wait a minute.',
    }),
    async (c) => {
      const body = await readJson(c, limits.maxBodyBytes);
      if (!body.ok) return body.response;
      const parsed = pairRequestSchema.safeParse(body.value);
      if (!parsed.success) {
        return invalid(c, 'Send {"code": "XXXXX-XXXXX"}.', validationIssues(parsed.error));
      }
      const notFound = () =>
        fail(c, 404, 'not-found', 'This pairing code is unknown, used or expired.');
      const code = normalizePairingCode(parsed.data.code);
      if (code === undefined) return notFound();
      const redeemed = await store.redeemPairingCode(hashPairingCode(code), clock());
      if (!redeemed) return notFound();
      const token = unsealToken(redeemed.sealedToken, code);
      if (token === undefined) return notFound();
      return c.json({ ok: true, site: redeemed.site, device: redeemed.deviceId, token });
    },
  );
  allowOnly(routes, '/pair', ['POST']);

  // The protocol versions it speaks, so a tablet (or an operator) can tell what it may send.
  routes.get('/health', (c) => c.json({ ok: true, protocols: PROTOCOL_VERSIONS }));
  allowOnly(routes, '/health', ['GET']);

  return routes;
}
