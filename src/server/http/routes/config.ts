/**
 * A site's published configuration (PROTOCOL.md, version 2, "Configuration travels"): every
 * tablet of the site and any admin reads it, cheaply when nothing changed (`If-None-Match` →
 * 304); a tablet of the site or a `manage` admin publishes a new version, only from the version
 * it last saw, so a save based on an old version is refused with the current one (409) and is
 * never a silent overwrite. A configuration the schema refuses is a 400 naming the field.
 */
import { Hono, type Context } from 'hono';
import {
  configPublishSchema,
  MAX_CONFIG_BYTES,
  type PublishedConfig,
} from '../../../shared/config-publication.ts';
import type { StoredSiteConfig } from '../../store/index.ts';
import { allowOnly, errorBody, fail, invalid } from '../answers.ts';
import { requireSiteCaller } from '../caller.ts';
import type { HttpEnv, RouteParts } from '../context.ts';
import { readJson } from '../request-body.ts';
import { validationIssues } from '../validation-issues.ts';

/** The version as an entity tag: a tablet sends it back in If-None-Match. */
const etagOf = (version: number) => `"${version}"`;

/** The stored row as the answer's body: the published fields and the version's facts. */
function published(stored: StoredSiteConfig): PublishedConfig {
  const { config, plan } = JSON.parse(stored.body) as Pick<PublishedConfig, 'config' | 'plan'>;
  return {
    version: stored.version,
    config,
    plan,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

/** GET and PUT /sites/:site/config, to mount under /api/v1. */
export function configRoutes({ store, clock }: Pick<RouteParts, 'store' | 'clock'>) {
  const routes = new Hono<HttpEnv>();

  routes.get('/sites/:site/config', requireSiteCaller(store), async (c) => {
    const stored = await store.readSiteConfig(c.req.param('site'));
    if (!stored) {
      return fail(c, 404, 'not-found', 'Nothing is published for this site yet.');
    }
    const etag = etagOf(stored.version);
    if (c.req.header('If-None-Match') === etag) {
      return c.body(null, 304, { ETag: etag, 'Cache-Control': 'no-store' });
    }
    c.header('ETag', etag);
    return c.json({ ok: true, ...published(stored) });
  });

  routes.put('/sites/:site/config', requireSiteCaller(store, 'manage'), async (c) => {
    const site = c.req.param('site');
    const body = await readJson(c, MAX_CONFIG_BYTES);
    if (!body.ok) return body.response;
    const parsed = configPublishSchema.safeParse(body.value);
    if (!parsed.success) {
      // The answer names at most MAX_ISSUES of them, like every 400.
      return invalid(c, 'The configuration is not valid.', validationIssues(parsed.error));
    }
    const { baseVersion, config, plan } = parsed.data;
    if (config.site !== site) {
      return invalid(c, 'The configuration is for another site.', [
        { path: 'config.site', message: `must be ${site}` },
      ]);
    }
    const auth = c.var.auth!;
    const updatedBy =
      auth.kind === 'admin' ? auth.admin.label : (auth.device.label ?? auth.device.id);
    const outcome = await store.publishSiteConfig(
      site,
      { baseVersion, body: JSON.stringify({ config, plan }), updatedBy },
      clock(),
    );
    if (!outcome.ok) return conflict(c, outcome.current);
    await store.appendAudit({ actor: updatedBy, action: 'config.publish', target: site }, clock());
    c.header('ETag', etagOf(outcome.version));
    return c.json({ ok: true, version: outcome.version });
  });
  allowOnly(routes, '/sites/:site/config', ['GET', 'PUT']);

  return routes;
}

/** 409 `conflict`: the publish was based on another version; here is the current one. */
function conflict(c: Context, current: StoredSiteConfig | undefined) {
  const message = current
    ? `The configuration changed meanwhile: version ${current.version} is published. Compare, then publish again from it.`
    : 'Nothing is published yet: publish from version 0.';
  return c.json(
    { ...errorBody('conflict', message), ...(current ? { current: published(current) } : {}) },
    409,
  );
}
