/**
 * The dates a reading asks for, checked one way for every reading (/days, days.csv, /sums):
 * `from` and `to` as YYYY-MM-DD, inclusive, `to` not before `from`, at most the reading's number
 * of days; and for the day readings the `hours` switch. Anything else is a 400 naming the field.
 */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { isoDateSchema } from '../../shared/slug.ts';
import { invalid } from './answers.ts';
import type { HttpEnv } from './context.ts';
import { validationIssues } from './validation-issues.ts';

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

const rangeSchema = z.object({ from: isoDateSchema, to: isoDateSchema });
const rangeWithHoursSchema = z.extend(rangeSchema, {
  hours: z.optional(z.enum(['true', 'false'])),
});

/** A checked range; `hours` is false only for `hours=false` (always true where not asked). */
export interface ReadRange {
  from: string;
  to: string;
  hours: boolean;
}

/**
 * The request's range, or the 400 that refuses it. `maxDays` bounds the span, `hours` says
 * whether the reading takes the `hours` switch (a reading without one ignores it).
 */
export function readRange(
  c: Context<HttpEnv>,
  { maxDays, hours }: { maxDays: number; hours: boolean },
): ReadRange | { response: Response } {
  const query = { from: c.req.query('from'), to: c.req.query('to') };
  const range = hours
    ? rangeWithHoursSchema.safeParse({ ...query, hours: c.req.query('hours') })
    : rangeSchema.safeParse(query);
  if (!range.success) {
    return {
      response: invalid(
        c,
        hours
          ? 'Give from and to as YYYY-MM-DD (and hours, if at all, as true or false).'
          : 'Give from and to as YYYY-MM-DD.',
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
  if (span > maxDays) {
    return {
      response: invalid(c, `Ask for at most ${maxDays} days at a time.`, [
        { path: 'to', message: `at most ${maxDays} days after from, inclusive` },
      ]),
    };
  }
  return { from, to, hours: !('hours' in range.data) || range.data.hours !== 'false' };
}
