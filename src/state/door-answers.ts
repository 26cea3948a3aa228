/**
 * Names the door questions' answers for the lead (CSV and closing): which questions, which
 * answers (`no-answer` included) and their words in the lead's language. Never counts.
 */
import type { NamedQuestion } from '../domain/csv.ts';
import {
  READY_QUESTION_OPTIONS,
  USER_VOICE_COUNTER,
  USER_VOICE_FACES,
} from '../domain/door-questions.ts';
import { FIRST_TIME_COUNTER, NO_ANSWER } from '../domain/first-time.ts';
import { DOOR_QUESTION_TEXTS } from '../i18n/door-questions.ts';
import type { Translator } from '../i18n/translate.ts';
import type { LocalizedText, SiteConfig } from '../shared/site-config.ts';
import { READY_QUESTIONS } from '../shared/site-config.ts';
import { FIRST_TIME_OPTIONS, funderReportPlan } from './funder-report/plan.ts';

/**
 * The questions the site asks (its own first, then the ready-made, then the user voice), and
 * any ready-made question or user voice no longer asked that still has answers in
 * `answered` (counter ids with counts), each with its answers named in the translator's language.
 */
export function namedDoorQuestions(
  config: SiteConfig,
  { t, language }: Translator,
  answered: ReadonlySet<string> = new Set(),
): NamedQuestion[] {
  const nameOf = (text: LocalizedText | undefined, fallback: string) =>
    text?.[language] || text?.nb || fallback;
  const plan = funderReportPlan(config);
  const asked: Array<{ counter: string; options: readonly string[] }> = [...plan.questions];
  for (const counter of READY_QUESTIONS) {
    if (answered.has(counter) && !asked.some((question) => question.counter === counter)) {
      const options =
        counter === FIRST_TIME_COUNTER ? FIRST_TIME_OPTIONS : READY_QUESTION_OPTIONS[counter];
      asked.push({ counter, options });
    }
  }
  if (plan.userVoice || answered.has(USER_VOICE_COUNTER)) {
    asked.push({ counter: USER_VOICE_COUNTER, options: [...USER_VOICE_FACES] });
  }
  const own = config.questions?.own;
  return asked.map(({ counter, options }) => {
    const ownQuestion = own?.id === counter ? own : undefined;
    return {
      counter,
      name: nameOf(ownQuestion?.text ?? DOOR_QUESTION_TEXTS[counter], counter),
      answers: options.map((option) => ({
        option,
        name:
          option === NO_ANSWER
            ? t('staff.questions.noAnswer')
            : nameOf(
                ownQuestion?.options.find((candidate) => candidate.id === option)?.label ??
                  DOOR_QUESTION_TEXTS[`${counter}.${option}`],
                option,
              ),
      })),
    };
  });
}
