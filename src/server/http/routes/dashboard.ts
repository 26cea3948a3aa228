/**
 * The coordinator's dashboard: its page is the built `dashboard.html` of the dist folder (Vite's
 * second pass, see vite.config.ts), served at /dashboard with a policy of its own, stricter than
 * the app shell's: no inline script at all, requests to this origin only, never framed. Its
 * scripts and style are hashed files under /assets/, served by the static routes.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Hono, type Context } from 'hono';
import { fail } from '../answers.ts';
import type { HttpEnv } from '../context.ts';

/** The dashboard's Content-Security-Policy: nothing but its own files and its own origin's API. */
export const DASHBOARD_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const dashboardHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': DASHBOARD_POLICY,
};

/** GET /dashboard (and /dashboard.html, the same page) from `distDir`. */
export function dashboardRoutes({ distDir }: { distDir: string }) {
  const page = join(resolve(distDir), 'dashboard.html');
  // Read once per version of the file (a rebuild while the server runs gives the new page).
  let cached: { mtimeMs: number; html: string } | undefined;
  const routes = new Hono<HttpEnv>();
  const answer = async (c: Context<HttpEnv>) => {
    try {
      const info = await stat(page);
      if (cached?.mtimeMs !== info.mtimeMs) {
        cached = { mtimeMs: info.mtimeMs, html: await readFile(page, 'utf8') };
      }
    } catch {
      return fail(c, 404, 'not-found', 'The dashboard is not built here: run npm run build.');
    }
    return c.body(cached.html, 200, dashboardHeaders);
  };
  routes.get('/dashboard', answer);
  routes.get('/dashboard.html', answer);
  return routes;
}
