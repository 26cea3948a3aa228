/**
 * A site's published configuration (PROTOCOL.md, version 2, "Configuration travels"): the site
 * profile and its *Ord for dagen* plan under a version the endpoint counts up. Shared by the
 * endpoint, which refuses what does not match, and the tablet, which never applies what does not.
 * Pairing, PINs, the recovery code, the day's note and per-tablet choices are not in it.
 */
import * as z from 'zod/mini';
import { siteConfigSchema, wordOfDaySchema } from './site-config.ts';

/**
 * The most bytes a published configuration may take: its own limit, above an upload's. A year's
 * plan of long texts (366 days × 2,000 characters) fits with room to spare.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** The most days a plan holds: a year ahead and a year behind. */
export const MAX_PLAN_DAYS = 800;

/** The plan: one *Ord for dagen* per date at most. */
export const wordPlanSchema = z.array(wordOfDaySchema).check(
  z.maxLength(MAX_PLAN_DAYS),
  z.superRefine((plan, ctx) => {
    const dates = new Set<string>();
    plan.forEach((word, i) => {
      if (dates.has(word.date)) {
        ctx.issues.push({
          code: 'custom',
          message: 'the same date occurs twice',
          input: word.date,
          path: [i, 'date'],
        });
      }
      dates.add(word.date);
    });
  }),
);
export type WordPlan = z.infer<typeof wordPlanSchema>;

/** What a lead (or a coordinator) publishes, based on the version they last saw (0: none). */
export const configPublishSchema = z.strictObject({
  baseVersion: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
  config: siteConfigSchema,
  plan: wordPlanSchema,
});
export type ConfigPublish = z.infer<typeof configPublishSchema>;

/** A published version as the endpoint answers it. */
export const publishedConfigSchema = z.object({
  version: z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER)),
  config: siteConfigSchema,
  plan: wordPlanSchema,
  updatedAt: z.iso.datetime(),
  /** The label of the tablet or admin token that published it. */
  updatedBy: z.string().check(z.maxLength(200)),
});
export type PublishedConfig = z.infer<typeof publishedConfigSchema>;
