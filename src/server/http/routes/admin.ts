/** GET /admin/sites: every site with its devices, for an admin token (the dashboard's list). */
import { Hono } from 'hono';
import type { Store } from '../../store/index.ts';
import { allowOnly } from '../answers.ts';
import { requireCaller } from '../caller.ts';
import type { HttpEnv } from '../context.ts';

/** GET /admin/sites, to mount under /api/v1. */
export function adminRoutes({ store }: { store: Store }) {
  const routes = new Hono<HttpEnv>();

  routes.get('/admin/sites', requireCaller('admin'), async (c) => {
    const [sites, devices] = await Promise.all([store.listSites(), store.listDevices()]);
    return c.json({
      ok: true,
      sites: sites.map((site) => ({
        ...site,
        devices: devices
          .filter((device) => device.site === site.slug)
          .map(({ site: _site, ...device }) => device),
      })),
    });
  });
  allowOnly(routes, '/admin/sites', ['GET']);

  return routes;
}
