/**
 * Reading a site's days back: GET /sites/:site/days as JSON and days.csv as the long CSV, for a
 * device of that site or an admin, at most MAX_READ_DAYS at a time. It only reads.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { configLabels } from '../../../domain/csv.ts';
import { MAX_READ_DAYS } from '../../../shared/protocol.ts';
import type { SiteConfig } from '../../../shared/site-config.ts';
import { isoDateSchema } from '../../../shared/slug.ts';
import { siteDaysCsv, siteDaysJson, storedSiteDays, type Store } from '../../store/index.ts';
import { allowOnly, invalid } from '../answers.ts';
import { requireSiteCaller } from '../caller.ts';
import type { HttpEnv } from '../context.ts';
import { validationIssues } from '../validation-issues.ts';

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

const rangeSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  hours: z.optional(z.enum(['true', 'false'])),
});

/** GET /sites/:site/days and /sites/:site/days.csv, to mount under /api/v1. */
export function readingRoutes({ store }: { store: Store }) {
  const routes = new Hono<HttpEnv>();

  async function readDays(c: Context<HttpEnv>) {
    const range = rangeSchema.safeParse({
      from: c.req.query('from'),
      to: c.req.query('to'),
      hours: c.req.query('hours'),
    });
    if (!range.success) {
      return {
        response: invalid(
          c,
          'Give from and to as YYYY-MM-DD (and hours, if at all, as true or false).',
          validationIssues(range.error).map((issue) => ({
            ...issue,
            message: issue.path === 'hours' ? issue.message : `${issue.message} (YYYY-MM-DD)`,
          })),
        ),
      };
    }
    const { from, to } = range.data;
    const span = dayNumber(to) - dayNumber(from) + 1;
    if (span < 1) {
      return {
        response: invalid(c, 'to is before from.', [
          { path: 'to', message: 'must not be before from' },
        ]),
      };
    }
    if (span > MAX_READ_DAYS) {
      return {
        response: invalid(c, `Ask for at most ${MAX_READ_DAYS} days at a time.`, [
          { path: 'to', message: `at most ${MAX_READ_DAYS} days after from, inclusive` },
        ]),
      };
    }
    const site = c.req.param('site')!;
    const hours = range.data.hours !== 'false';
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

  return routes;
}
