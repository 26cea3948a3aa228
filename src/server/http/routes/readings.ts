/**
 * Reading a site's days back: GET /sites/:site/days as JSON and days.csv as the long CSV, at most
 * MAX_READ_DAYS at a time, and a period's sums, GET /sites/:site/sums, at most MAX_SUM_DAYS; for a
 * device of that site or an admin. It only reads.
 */
import { Hono, type Context } from 'hono';
import { configLabels } from '../../../domain/csv.ts';
import { MAX_READ_DAYS, MAX_SUM_DAYS, type SiteSumsAnswer } from '../../../shared/protocol.ts';
import type { SiteConfig } from '../../../shared/site-config.ts';
import { siteDaysCsv, siteDaysJson, storedSiteDays, type Store } from '../../store/index.ts';
import { allowOnly } from '../answers.ts';
import { requireSiteCaller } from '../caller.ts';
import type { HttpEnv } from '../context.ts';
import { readRange } from '../read-range.ts';

/** GET /sites/:site/days, /sites/:site/days.csv and /sites/:site/sums, to mount under /api/v1. */
export function readingRoutes({ store }: { store: Store }) {
  const routes = new Hono<HttpEnv>();

  async function readDays(c: Context<HttpEnv>) {
    const range = readRange(c, { maxDays: MAX_READ_DAYS, hours: true });
    if ('response' in range) return range;
    const { from, to, hours } = range;
    const site = c.req.param('site')!;
    return { site, from, to, stored: await store.readSiteTotals(site, from, to, { hours }) };
  }

  const siteCaller = requireSiteCaller(store);
  routes.get('/sites/:site/days', siteCaller, async (c) => {
    const result = await readDays(c);
    if ('response' in result) return result.response;
    const { site, from, to, stored } = result;
    // The kept totals go out as the store holds them, JSON text never parsed on the way.
    const head = JSON.stringify({ site, from, to }).slice(0, -1);
    return c.body(`${head},"days":${siteDaysJson(stored.days, stored.closings)}}`, 200, {
      'Content-Type': 'application/json',
    });
  });
  allowOnly(routes, '/sites/:site/days', ['GET']);

  routes.get('/sites/:site/days.csv', siteCaller, async (c) => {
    const result = await readDays(c);
    if ('response' in result) return result.response;
    // Rows are labelled by the site's published configuration, when it has one.
    const published = await store.readSiteConfig(result.site);
    const label = published
      ? configLabels((JSON.parse(published.body) as { config: SiteConfig }).config.counters)
      : undefined;
    const days = storedSiteDays(result.stored.days, result.stored.closings);
    return c.body(siteDaysCsv(days, label), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="terskel-${result.site}-${result.from}-${result.to}.csv"`,
      'Cache-Control': 'no-store',
    });
  });
  allowOnly(routes, '/sites/:site/days.csv', ['GET']);

  // A period's sums, from the month totals the store keeps: equal to summing the whole-day
  // totals /days?hours=false answers for the same dates.
  routes.get('/sites/:site/sums', siteCaller, async (c) => {
    const range = readRange(c, { maxDays: MAX_SUM_DAYS, hours: false });
    if ('response' in range) return range.response;
    const site = c.req.param('site')!;
    const { days, totals } = await store.readSiteSums(site, range.from, range.to);
    const answer: SiteSumsAnswer = { site, from: range.from, to: range.to, days, totals };
    return c.json(answer);
  });
  allowOnly(routes, '/sites/:site/sums', ['GET']);

  return routes;
}
