/**
 * The coordinator's dashboard: its page, script and style, real files beside this room
 * (dashboard/), read once when first asked for (not when the module loads: an app built in a
 * test that never opens the dashboard reads nothing) and served with a strict CSP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { HttpEnv } from '../context.ts';

// A path, not a URL: under jsdom (the tablet's tests that start the app) `URL` is jsdom's,
// which node:fs does not take for a file URL.
const files = new Map<string, string>();
const read = (name: string): string => {
  let text = files.get(name);
  if (text === undefined) {
    text = readFileSync(join(import.meta.dirname, '..', 'dashboard', name), 'utf8');
    files.set(name, text);
  }
  return text;
};

const dashboardHeaders = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** GET /dashboard, /dashboard/app.js and /dashboard/style.css. */
export function dashboardRoutes() {
  const routes = new Hono<HttpEnv>();
  routes.get('/dashboard', (c) =>
    c.body(read('page.html'), 200, {
      ...dashboardHeaders,
      'Content-Type': 'text/html; charset=utf-8',
    }),
  );
  routes.get('/dashboard/app.js', (c) =>
    c.body(read('app.js'), 200, {
      ...dashboardHeaders,
      'Content-Type': 'text/javascript; charset=utf-8',
    }),
  );
  routes.get('/dashboard/style.css', (c) =>
    c.body(read('style.css'), 200, {
      ...dashboardHeaders,
      'Content-Type': 'text/css; charset=utf-8',
    }),
  );
  return routes;
}
