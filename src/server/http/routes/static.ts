/**
 * The built PWA: any other GET or HEAD is a file of the dist folder or the app shell (see
 * static-files.ts); any other method is a 405. Mount it last: it answers every path.
 */
import { Hono } from 'hono';
import { fail } from '../answers.ts';
import type { HttpEnv } from '../context.ts';
import { createStaticFiles } from '../static-files.ts';

/** GET * from `distDir`, and 405 for every other method. */
export function staticRoutes({
  distDir,
  connectSources = [],
}: {
  distDir: string;
  connectSources?: readonly string[];
}) {
  const staticFiles = createStaticFiles(distDir, connectSources);
  const routes = new Hono<HttpEnv>();

  routes.get('*', async (c) => {
    const answer = await staticFiles.answer(c.req.raw);
    if (answer.kind === 'file') return answer.response;
    if (answer.reason === 'not-built') {
      return fail(c, 404, 'not-found', 'The app is not built here: run npm run build.');
    }
    return fail(c, 404, 'not-found', 'There is no such file.');
  });
  routes.all('*', (c) => {
    c.header('Allow', 'GET, HEAD');
    return fail(c, 405, 'method-not-allowed', 'Only GET and HEAD are served here.');
  });

  return routes;
}
