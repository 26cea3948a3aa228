/**
 * POST /counts: a paired device's upload, validated against protocol 1 and max-merged by the
 * store. Only a device may send, and only for its own site and device id.
 */
import { Hono } from 'hono';
import { allowOnly, forbidden, invalid } from '../answers.ts';
import { requireCaller } from '../caller.ts';
import type { HttpEnv, RouteParts } from '../context.ts';
import { readJson } from '../request-body.ts';
import { parseUpload } from '../upload-check.ts';
import { validationIssues } from '../validation-issues.ts';

/** POST /counts, to mount under /api/v1. */
export function uploadRoutes({ store, clock, limits }: Omit<RouteParts, 'clientAddress'>) {
  const routes = new Hono<HttpEnv>();

  routes.post('/counts', requireCaller('device'), async (c) => {
    const auth = c.get('auth');
    const body = await readJson(c, limits.maxBodyBytes);
    if (!body.ok) return body.response;
    const parsed = parseUpload(body.value);
    if (!parsed.success) {
      return invalid(c, 'The upload does not match protocol 1.', validationIssues(parsed.error));
    }
    const upload = parsed.data;
    if (upload.site !== auth.device.site || upload.device !== auth.device.id) return forbidden(c);
    const now = clock();
    const merged = await store.mergeUpload(upload, auth.device.id, now);
    return c.json({ ok: true, serverTime: now.toISOString(), days: merged.days });
  });
  allowOnly(routes, '/counts', ['POST']);

  return routes;
}
