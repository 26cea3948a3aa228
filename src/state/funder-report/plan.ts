/**
 * Owns which counters the funder report shows where, read from the site's configuration:
 * the door questions, meals, service outputs, sales and user voice. Pure; it never counts.
 */
import { USER_VOICE_COUNTER, type FunderReportPlan } from '../../domain/funder-report.ts';
import {
  EARLIER_THIS_YEAR,
  FIRST_EVER,
  FIRST_THIS_YEAR,
  FIRST_TIME_COUNTER,
  LEGACY_FIRST_TIME,
  LEGACY_RETURNING,
  NO_ANSWER,
  VISIT_COUNTER,
} from '../../domain/people-estimate.ts';
import { VOLUNTEER_MINUTES_COUNTER, VOLUNTEERS_COUNTER } from '../../domain/volunteer-hours.ts';
import type { SiteConfig } from '../../shared/site-config.ts';

/** The first-time question's answers in the order the report lists them. */
export const FIRST_TIME_OPTIONS = [FIRST_EVER, FIRST_THIS_YEAR, EARLIER_THIS_YEAR, NO_ANSWER];

// Counters the report shows in their own sections, never as a service output.
const OWN_SECTIONS = new Set([
  VISIT_COUNTER,
  FIRST_TIME_COUNTER,
  USER_VOICE_COUNTER,
  VOLUNTEERS_COUNTER,
  VOLUNTEER_MINUTES_COUNTER,
]);

/** Whether the site asks the first-time question, in either shape. */
function asksFirstTime(config: SiteConfig): boolean {
  if (config.counters.some((counter) => counter.id === FIRST_TIME_COUNTER)) return true;
  // The one-question shape (schema v1): first-time/returning answers kept as `visit` options.
  const options = config.question?.options.map((option) => option.id) ?? [];
  return options.includes(LEGACY_FIRST_TIME) && options.includes(LEGACY_RETURNING);
}

/**
 * What the report shows for a site. Schema v1 has one door question whose answers are options
 * of `visit`: the first-time/returning question is read as the first-time question (the
 * domain reads its old answers as the new ones); any other is the site's own question, its
 * answers the `visit` options that stay visits (an answer counted elsewhere is not a visit).
 */
export function funderReportPlan(config: SiteConfig): FunderReportPlan {
  const questions: Array<FunderReportPlan['questions'][number]> = [];
  if (asksFirstTime(config)) {
    questions.push({ counter: FIRST_TIME_COUNTER, options: FIRST_TIME_OPTIONS });
  } else if (config.question !== undefined) {
    questions.push({
      counter: VISIT_COUNTER,
      options: config.question.options
        .filter((option) => option.countsAs === undefined)
        .map((option) => option.id),
    });
  }
  const ofKind = (kind: string) =>
    config.counters.filter((counter) => counter.kind === kind).map((counter) => counter.id);
  return {
    questions,
    meals: ofKind('meal'),
    services: ofKind('activity').filter((id) => !OWN_SECTIONS.has(id)),
    sales: ofKind('sale'),
    userVoice: config.counters.some((counter) => counter.id === USER_VOICE_COUNTER),
  };
}
