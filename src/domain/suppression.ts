/**
 * Owns small-cell suppression for figures shown to people (the funder report, the coordinator's
 * views): a count of 1–4 shows as "under 5", and so does nothing that would give it away. Pure
 * and typed; never a string of UI. Sync, backups and the lead's history exports stay exact and
 * must never pass through here.
 */
import type { PeopleEstimate } from './people-estimate';

/** The smallest count shown as a number; 1 to this minus one show as "under 5". */
export const SMALLEST_SHOWN_COUNT = 5;

/** A figure as shown: the number, "under 5" (a small count), or hidden because it would tell one. */
export type ShownCell = number | 'under-5' | 'suppressed';

/** One answer of a question as shown: its count and its share of the question's total (0–1). */
export interface ShownAnswer {
  option: string;
  count: ShownCell;
  share: ShownCell;
}

/** A question's answers as shown, with their total. */
export interface ShownAnswers {
  total: ShownCell;
  answers: ShownAnswer[];
}

const isSmall = (count: number): boolean => count >= 1 && count < SMALLEST_SHOWN_COUNT;

/** A single count as shown: 1–4 is "under 5", anything else (0 included) the number. */
export function shownCount(count: number): ShownCell {
  return isSmall(count) ? 'under-5' : count;
}

/**
 * A question's answer counts as shown, with shares of their sum. Primary: each count of 1–4
 * is "under 5". Complementary: when a shown total and the other shown counts would give away
 * a hidden count (one hidden, or several whose sum leaves one choice), the smallest other
 * non-zero count is hidden as well. A hidden count's
 * share is hidden; a shown count's share tells no more than the count and total already do.
 */
export function suppressAnswers(
  counts: ReadonlyArray<{ option: string; count: number }>,
): ShownAnswers {
  let total = 0;
  for (const { count } of counts) total += count;
  const cells: ShownCell[] = counts.map(({ count }) => shownCount(count));
  let hidden = 0;
  let hiddenSum = 0;
  counts.forEach(({ count }, i) => {
    if (cells[i] !== 'under-5') return;
    hidden += 1;
    hiddenSum += count;
  });
  // Total minus the shown counts gives the hidden counts' sum: one hidden count outright, and
  // several when the sum leaves one choice (two of 1–4 summing to 2 are both 1, to 8 both 4).
  const sumTells =
    hidden === 1 || hiddenSum === hidden || hiddenSum === (SMALLEST_SHOWN_COUNT - 1) * hidden;
  if (hidden > 0 && sumTells && !isSmall(total)) {
    // The smallest, so as little as possible is lost; ties go to the first answer.
    let smallest = -1;
    counts.forEach(({ count }, i) => {
      if (cells[i] === 'under-5' || count <= 0) return;
      if (smallest === -1 || count < counts[smallest]!.count) smallest = i;
    });
    if (smallest !== -1) cells[smallest] = 'suppressed';
  }
  return {
    total: shownCount(total),
    answers: counts.map(({ option, count }, i) => {
      const cell = cells[i]!;
      const share: ShownCell =
        typeof cell !== 'number' ? 'suppressed' : total > 0 ? count / total : 0;
      return { option, count: cell, share };
    }),
  };
}

/** The anslag as shown: distinct and new people. */
export interface ShownEstimate {
  distinct: ShownCell;
  newPeople: ShownCell;
}

/**
 * An estimate as shown: when "ever" is 1–4 the new people are "under 5" ("færre enn 5"), and
 * when ever + this year is 1–4 so are the distinct people, since each scales one small count.
 * Undefined when there is no estimate to show.
 */
export function suppressEstimate(estimate: PeopleEstimate): ShownEstimate | undefined {
  if (estimate.kind !== 'estimate') return undefined;
  const { ever, thisYear } = estimate.basis;
  return {
    distinct: isSmall(ever + thisYear) ? 'under-5' : estimate.distinct,
    newPeople: isSmall(ever) ? 'under-5' : estimate.newPeople,
  };
}
