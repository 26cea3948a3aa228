/**
 * The organisation's admin API, for admin tokens only: who the calling token is, every site with
 * its devices, a site's replicas, the admin tokens and the audit log for any admin; adding sites
 * and devices, labelling, revoking and re-pairing devices, removing a replica and revoking admin
 * tokens for a `manage` token only. Every change is written to the audit log under the label of
 * the token that made it, never the token.
 *
 * New admin tokens are made by the CLI only: a `manage` token that could mint more tokens would
 * let whoever stole one keep access after it is revoked, while the CLI needs the machine itself.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { addDays } from '../../../domain/business-day.ts';
import { plainTextSchema } from '../../../shared/protocol.ts';
import { slugSchema } from '../../../shared/slug.ts';
import { newDeviceCode, provisionDevice } from '../../provisioning.ts';
import { StoreConflictError, type AuditAction } from '../../store/index.ts';
import { allowOnly, fail, invalid } from '../answers.ts';
import { requireAdminRole } from '../caller.ts';
import type { Auth, HttpEnv, RouteParts } from '../context.ts';
import { readJson } from '../request-body.ts';
import { validationIssues } from '../validation-issues.ts';

/** An admin API body is a few short fields; anything larger is refused before it is parsed. */
export const MAX_ADMIN_BODY_BYTES = 4 * 1024;
/** The longest site name or device label, as the CLI allows. */
export const MAX_NAME_LENGTH = 200;
/** How many audit entries `GET /admin/log` answers at most, and without `limit`. */
export const MAX_LOG_ENTRIES = 500;
export const DEFAULT_LOG_ENTRIES = 100;
/**
 * How many days back `GET /admin/sites` lists each site's counted dates: eight weeks, enough for
 * the dashboard to learn the weekdays a site counts on and judge its tablets' silence by them.
 */
export const COUNTED_DATES_DAYS = 56;

/**
 * The dates `GET /admin/sites` lists counted dates between, inclusive: from COUNTED_DATES_DAYS
 * before the endpoint's today (by UTC, as it knows no site's zone) to its tomorrow, the latest
 * date a site stores.
 */
export function countedDatesRange(now: Date): { from: string; to: string } {
  const today = now.toISOString().slice(0, 10);
  return { from: addDays(today, -COUNTED_DATES_DAYS), to: addDays(today, 1) };
}

type AdminAuth = Extract<Auth, { kind: 'admin' }>;

// Device, admin token and replica ids are UUIDs; any other id is unknown without asking the store.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name or label: no control characters, not only spaces, at most MAX_NAME_LENGTH. */
const nameSchema = plainTextSchema(MAX_NAME_LENGTH).check(
  z.refine((text) => text.trim() !== '', 'must not be empty'),
);

const siteBodySchema = z.strictObject({ slug: slugSchema, name: nameSchema });
const deviceBodySchema = z.strictObject({ label: z.optional(nameSchema) });
// An empty or blank label removes it.
const labelBodySchema = z.strictObject({
  label: z.nullable(plainTextSchema(MAX_NAME_LENGTH)),
});
const logQuerySchema = z.optional(z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number')));

/** The admin routes, to mount under /api/v1. */
export function adminRoutes({
  store,
  clock,
  publicUrl,
}: Omit<RouteParts, 'clientAddress' | 'limits'>) {
  const routes = new Hono<HttpEnv>();
  const read = requireAdminRole('read');
  const manage = requireAdminRole('manage');

  /** Writes what an admin did to the audit log, under its token's label. */
  const audit = (auth: AdminAuth, action: AuditAction, target: string | null) =>
    store.appendAudit({ actor: auth.admin.label, action, target }, clock());

  /** The body parsed by `schema`, or the error answer (415, 413, 400) to give instead. */
  async function body<T>(
    c: Context,
    schema: z.ZodMiniType<T>,
    hint: string,
  ): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
    const json = await readJson(
      c,
      MAX_ADMIN_BODY_BYTES,
      `The body is over ${MAX_ADMIN_BODY_BYTES} bytes: send only the fields asked for.`,
    );
    if (!json.ok) return json;
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      return { ok: false, response: invalid(c, hint, validationIssues(parsed.error)) };
    }
    return { ok: true, data: parsed.data };
  }

  const noDevice = (c: Context) => fail(c, 404, 'not-found', 'There is no such device.');
  const noSite = (c: Context) => fail(c, 404, 'not-found', 'There is no such site.');
  /** The path's site slug if it is a site that exists. */
  const knownSite = async (c: Context) => {
    const slug = c.req.param('slug') ?? '';
    return slugSchema.safeParse(slug).success && (await store.getSite(slug)) ? slug : undefined;
  };
  const deviceId = (c: Context) => {
    const id = c.req.param('id') ?? '';
    return UUID_PATTERN.test(id) ? id.toLowerCase() : undefined;
  };

  // The calling token's label and role, so the dashboard shows controls to a `manage` token
  // only. The token list cannot tell a page which of its entries is the page's own token.
  routes.get('/admin/me', read, (c) => {
    const { label, role } = c.get('auth').admin;
    return c.json({ ok: true, label, role });
  });
  allowOnly(routes, '/admin/me', ['GET']);

  // Each site's counted dates of the last eight weeks come along, read without rolling anything
  // up: the dashboard judges a tablet's silence by the site's counting days without its days.
  routes.get('/admin/sites', read, async (c) => {
    const { from, to } = countedDatesRange(clock());
    const [sites, devices, counted] = await Promise.all([
      store.listSites(),
      store.listDevices(),
      store.listCountedDates(from, to),
    ]);
    return c.json({
      ok: true,
      sites: sites.map((site) => ({
        ...site,
        devices: devices
          .filter((device) => device.site === site.slug)
          .map(({ site: _site, ...device }) => device),
        countedDates: counted.get(site.slug) ?? [],
      })),
    });
  });
  routes.post('/admin/sites', manage, async (c) => {
    const parsed = await body(c, siteBodySchema, 'Send {"slug": "…", "name": "…"}.');
    if (!parsed.ok) return parsed.response;
    const { slug } = parsed.data;
    const name = parsed.data.name.trim();
    try {
      const site = await store.addSite({ slug, name }, clock());
      await audit(c.get('auth'), 'site.add', slug);
      return c.json({ ok: true, site }, 201);
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      return invalid(c, `The site ${slug} already exists.`, [
        { path: 'slug', message: 'a site with this slug already exists' },
      ]);
    }
  });
  allowOnly(routes, '/admin/sites', ['GET', 'POST']);

  routes.post('/admin/sites/:slug/devices', manage, async (c) => {
    const slug = await knownSite(c);
    if (!slug) return noSite(c);
    const parsed = await body(c, deviceBodySchema, 'Send {} or {"label": "…"}.');
    if (!parsed.ok) return parsed.response;
    const label = parsed.data.label?.trim();
    // The token stays unseen: the pairing code (alone, and in the link) hands it to the tablet.
    const added = await provisionDevice(
      store,
      { site: slug, publicUrl, ...(label ? { label } : {}) },
      clock(),
    );
    await audit(c.get('auth'), 'device.add', added.device.id);
    return c.json({ ok: true, device: added.device, code: added.code, link: added.link }, 201);
  });
  allowOnly(routes, '/admin/sites/:slug/devices', ['POST']);

  routes.get('/admin/sites/:slug/replicas', read, async (c) => {
    const site = await knownSite(c);
    if (!site) return noSite(c);
    return c.json({ ok: true, site, replicas: await store.listReplicas(site) });
  });
  allowOnly(routes, '/admin/sites/:slug/replicas', ['GET']);

  // Removes the replica whole (store.removeReplica): its tablet, if it still exists, makes it
  // again with its next upload, and sends every day it has once it is paired again.
  routes.delete('/admin/sites/:slug/replicas/:replica', manage, async (c) => {
    const site = await knownSite(c);
    if (!site) return noSite(c);
    const replica = c.req.param('replica');
    if (!UUID_PATTERN.test(replica) || !(await store.removeReplica(site, replica))) {
      return fail(c, 404, 'not-found', 'This site has no such replica.');
    }
    await audit(c.get('auth'), 'replica.remove', replica);
    return c.json({ ok: true, site, replica });
  });
  allowOnly(routes, '/admin/sites/:slug/replicas/:replica', ['DELETE']);

  routes.patch('/admin/devices/:id', manage, async (c) => {
    const id = deviceId(c);
    if (!id) return noDevice(c);
    const parsed = await body(c, labelBodySchema, 'Send {"label": "…"} (null removes it).');
    if (!parsed.ok) return parsed.response;
    const label = parsed.data.label?.trim() || null;
    if (!(await store.setDeviceLabel(id, label))) return noDevice(c);
    await audit(c.get('auth'), 'device.label', id);
    return c.json({ ok: true, id, label });
  });
  allowOnly(routes, '/admin/devices/:id', ['PATCH']);

  routes.post('/admin/devices/:id/revoke', manage, async (c) => {
    const id = deviceId(c);
    if (!id || !(await store.revokeDevice(id, clock()))) return noDevice(c);
    await audit(c.get('auth'), 'device.revoke', id);
    return c.json({ ok: true, id });
  });
  allowOnly(routes, '/admin/devices/:id/revoke', ['POST']);

  routes.post('/admin/devices/:id/code', manage, async (c) => {
    const id = deviceId(c);
    const issued = id
      ? await newDeviceCode(store, { deviceId: id, publicUrl }, clock())
      : undefined;
    if (!issued) return fail(c, 404, 'not-found', 'There is no such device, or it is revoked.');
    await audit(c.get('auth'), 'device.code', issued.device.id);
    return c.json({ ok: true, device: issued.device.id, code: issued.code, link: issued.link });
  });
  allowOnly(routes, '/admin/devices/:id/code', ['POST']);

  routes.get('/admin/tokens', read, async (c) =>
    c.json({ ok: true, tokens: await store.listAdminTokens() }),
  );
  allowOnly(routes, '/admin/tokens', ['GET']);

  routes.post('/admin/tokens/:id/revoke', manage, async (c) => {
    const id = c.req.param('id');
    if (!UUID_PATTERN.test(id) || !(await store.revokeAdminToken(id.toLowerCase(), clock()))) {
      return fail(c, 404, 'not-found', 'There is no such admin token.');
    }
    await audit(c.get('auth'), 'admin.revoke', id.toLowerCase());
    return c.json({ ok: true, id: id.toLowerCase() });
  });
  allowOnly(routes, '/admin/tokens/:id/revoke', ['POST']);

  routes.get('/admin/log', read, async (c) => {
    const limit = logQuerySchema.safeParse(c.req.query('limit'));
    const count =
      limit.success && limit.data !== undefined ? Number(limit.data) : DEFAULT_LOG_ENTRIES;
    if (!limit.success || count < 1 || count > MAX_LOG_ENTRIES) {
      return invalid(c, `Give limit as a whole number from 1 to ${MAX_LOG_ENTRIES}.`, [
        { path: 'limit', message: `must be a whole number from 1 to ${MAX_LOG_ENTRIES}` },
      ]);
    }
    return c.json({ ok: true, entries: await store.listAudit(count) });
  });
  allowOnly(routes, '/admin/log', ['GET']);

  return routes;
}
