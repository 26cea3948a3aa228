/**
 * What the endpoint refuses in an upload that the schema alone cannot know, because it depends
 * on the endpoint's clock: a closing from the future or from before its day began (400), and a
 * day outside the dates a site may store (409 `limit`). It never changes an upload.
 */
import { storableDates, type MergeUpload } from '../../shared/protocol.ts';
import { MAX_ISSUES, type ValidationIssue } from './validation-issues.ts';

/** A closing's `at` may be this far past the endpoint's clock (a tablet's clock drifts). */
export const CLOSING_LEEWAY_MS = 5 * 60_000;
// The endpoint does not know a site's time zone: a day begins at its local midnight, and the
// earliest midnight of a date anywhere is at UTC+14.
const EARLIEST_MIDNIGHT_OFFSET_MS = 14 * 3_600_000;

/**
 * Closings (and, in version 2, reopenings) whose `at` is more than five minutes ahead of `now`,
 * or before their day began. `field` is where the upload's version keeps them.
 */
export function closingIssues(
  upload: MergeUpload,
  now: Date,
  field: 'closed' | 'closing',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const latest = now.getTime() + CLOSING_LEEWAY_MS;
  for (const [i, day] of upload.days.entries()) {
    if (!day.closing || issues.length >= MAX_ISSUES) continue;
    const at = Date.parse(day.closing.at);
    const dayBegan = Date.parse(`${day.date}T00:00:00.000Z`) - EARLIEST_MIDNIGHT_OFFSET_MS;
    if (at > latest) {
      issues.push({
        path: `days.${i}.${field}.at`,
        message: "must not be more than five minutes after the endpoint's clock",
      });
    } else if (at < dayBegan) {
      issues.push({ path: `days.${i}.${field}.at`, message: 'must not be before its day began' });
    }
  }
  return issues;
}

/** Days outside `storableDates(now)`, from ten years back to tomorrow. */
export function outOfRangeDays(upload: MergeUpload, now: Date): ValidationIssue[] {
  const { from, to } = storableDates(now);
  return upload.days
    .flatMap((day, i) =>
      day.date < from || day.date > to
        ? [{ path: `days.${i}.date`, message: `must be from ${from} to ${to}` }]
        : [],
    )
    .slice(0, MAX_ISSUES);
}
