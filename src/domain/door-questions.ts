/**
 * Owns the door's questions after a tap: the ready-made ones (their fixed counter ids and
 * answers) and the order they are asked in. Loaded with the question UI, after the first paint.
 *
 * Data model: each question is its own counter with a fixed id and its answers are that
 * counter's options, counted without an hour; a skip or a time-out counts `no-answer`. The
 * visit keeps only its hour. So no key ever joins two answers, or an answer and an hour.
 *
 * Old data (the one-question shape, schema v1): the configuration is migrated (below); the
 * data is read in both shapes, never rewritten. Answers were options of `visit`, so the visit
 * total (visit with or without an option) stays right, and old first-time/returning answers
 * read as the first-time question's (domain/people-estimate.ts). The migration itself is
 * domain/configuration.ts's `migrateConfig`. A site's own v1 question
 * keeps its old answers as `visit` options (closing and history show them as before); its new
 * answers count on the own question's counter.
 */
import type {
  OwnQuestion,
  QuestionOption,
  ReadyQuestionId,
  SiteConfig,
} from '../shared/site-config';
import {
  EARLIER_THIS_YEAR,
  FIRST_EVER,
  FIRST_THIS_YEAR,
  FIRST_TIME_COUNTER,
  NO_ANSWER,
} from './first-time';

/** The counter of "Hvordan var det i dag?" and its three faces (counts only, never by hour). */
export const USER_VOICE_COUNTER = 'brukerstemme';
export const USER_VOICE_FACES = ['fornoyd', 'noytral', 'misfornoyd'] as const;

/** The age-group and gender questions' counters. */
export const AGE_GROUP_COUNTER = 'aldersgruppe';
export const GENDER_COUNTER = 'kjonn';

/** Each ready-made question's answers in the order shown; `no-answer` is the skip. */
export const READY_QUESTION_OPTIONS: Record<ReadyQuestionId, readonly string[]> = {
  [FIRST_TIME_COUNTER]: [FIRST_EVER, FIRST_THIS_YEAR, EARLIER_THIS_YEAR],
  [AGE_GROUP_COUNTER]: ['under-18', '18-25', '26-66', '67-pluss', NO_ANSWER],
  [GENDER_COUNTER]: ['kvinne', 'mann', 'annet', NO_ANSWER],
};

/**
 * One question as the door asks it: its counter id and its answers. A ready-made question's
 * texts come from the door's catalogue; the site's own carries its texts (`own`).
 */
export interface DoorQuestion {
  id: string;
  options: readonly string[];
  own?: OwnQuestion;
}

/** The questions asked after a tap, in order: the site's own first, then the ready-made. */
export function doorQuestions(config: Pick<SiteConfig, 'questions'>): DoorQuestion[] {
  const asked: DoorQuestion[] = [];
  const own = config.questions?.own;
  if (own) asked.push({ id: own.id, options: own.options.map((option) => option.id), own });
  for (const id of config.questions?.ready ?? []) {
    asked.push({ id, options: READY_QUESTION_OPTIONS[id] });
  }
  return asked;
}

/** The own question's answer that sends the tap to another counter, if this one does. */
export function countsAsOf(question: DoorQuestion, optionId: string): QuestionOption | undefined {
  return question.own?.options.find((option) => option.id === optionId && option.countsAs);
}
