/**
 * Owns which counters the funder report shows where, read from the site's configuration:
 * the door questions, meals, service outputs, sales and user voice. Pure; it never counts.
 */
import { USER_VOICE_COUNTER, type FunderReportPlan } from '../../domain/funder-report.ts';
import { doorQuestions } from '../../domain/door-questions.ts';
import {
  EARLIER_THIS_YEAR,
  FIRST_EVER,
  FIRST_THIS_YEAR,
  FIRST_TIME_COUNTER,
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

/**
 * What the report shows for a site: each door question (schema v2, in the order asked) as its
 * own counter. Old data of the one-question shape is read by the domain: a migrated
 * first-time/returning question's old `visit` answers read as the first-time question's.
 */
export function funderReportPlan(config: SiteConfig): FunderReportPlan {
  const questions = doorQuestions(config).map(({ id, options, own }) => ({
    counter: id,
    options:
      id === FIRST_TIME_COUNTER
        ? FIRST_TIME_OPTIONS
        : own
          ? [
              ...own.options.filter((option) => !option.countsAs).map((option) => option.id),
              NO_ANSWER,
            ]
          : options,
  }));
  const ofKind = (kind: string) =>
    config.counters.filter((counter) => counter.kind === kind).map((counter) => counter.id);
  return {
    questions,
    meals: ofKind('meal'),
    services: ofKind('activity').filter((id) => !OWN_SECTIONS.has(id)),
    sales: ofKind('sale'),
    userVoice:
      (config.userVoice ?? 'off') !== 'off' ||
      config.counters.some((counter) => counter.id === USER_VOICE_COUNTER),
  };
}
