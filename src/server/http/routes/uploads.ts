/**
 * POST /counts: a paired device's upload of protocol version 1 or 2, validated, read as version 2
 * and merged by the store. Only a device may send, and only for its own site and device id; a closing from the
 * future and a day outside the site's dates are refused before anything is written.
 */
import { Hono } from 'hono';
import { mergeUploadOf } from '../../../shared/protocol.ts';
import { StoreForbiddenError, StoreLimitError } from '../../store/index.ts';
import { allowOnly, forbidden, invalid, pastLimit, replicaForbidden } from '../answers.ts';
import { requireCaller } from '../caller.ts';
import type { HttpEnv, RouteParts } from '../context.ts';
import { hashToken } from '../../tokens.ts';
import { readJson } from '../request-body.ts';
import { checkUpload } from '../upload-check.ts';
import { closingIssues, outOfRangeDays } from '../upload-limits.ts';

/** POST /counts, to mount under /api/v1. */
export function uploadRoutes({ store, clock, limits }: Omit<RouteParts, 'clientAddress'>) {
  const routes = new Hono<HttpEnv>();

  routes.post('/counts', requireCaller('device'), async (c) => {
    const auth = c.get('auth');
    const body = await readJson(c, limits.maxBodyBytes);
    if (!body.ok) return body.response;
    const checked = checkUpload(body.value);
    if (!checked.success) {
      return invalid(c, 'The upload does not match protocol 1 or 2.', checked.issues);
    }
    const upload = mergeUploadOf(checked.data);
    if (upload.site !== auth.device.site || upload.device !== auth.device.id) return forbidden(c);
    const now = clock();
    const field = checked.data.protocol === 1 ? 'closed' : 'closing';
    const lateClosings = closingIssues(upload, now, field);
    if (lateClosings.length > 0) {
      return invalid(c, "A closing's time is not possible by the endpoint's clock.", lateClosings);
    }
    const outOfRange = outOfRangeDays(upload, now);
    if (outOfRange.length > 0) {
      return pastLimit(
        c,
        'date-range',
        'A day is outside the dates a site stores: from ten years back to tomorrow.',
        outOfRange,
      );
    }
    try {
      // The store keeps the replica's secret as a hash, like a token.
      const { secret, ...rest } = upload;
      const toMerge = secret === undefined ? rest : { ...rest, secretHash: hashToken(secret) };
      const merged = await store.mergeUpload(toMerge, auth.device.id, now, {
        maxReplicas: limits.maxReplicasPerSite,
      });
      return c.json({ ok: true, serverTime: now.toISOString(), days: merged.days });
    } catch (error) {
      if (error instanceof StoreLimitError) return pastLimit(c, error.limit, error.message);
      if (error instanceof StoreForbiddenError) return replicaForbidden(c, error.message);
      throw error;
    }
  });
  allowOnly(routes, '/counts', ['POST']);

  return routes;
}
