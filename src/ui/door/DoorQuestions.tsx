/**
 * The short questions after a tap, one after another, each skippable with one touch. Loaded
 * after the first paint. Each answer, skip or time-out is counted at once on the question's
 * own counter (domain/door-events.ts `answerEvents`), never by hour; the door never waits:
 * a question times out after `questionMs` (restarted by any touch), and when this visitor's
 * questions end early — a new tap, the door leaving — the unanswered ones count `no-answer`.
 * An own-question answer that counts elsewhere (a tidgiver) ends the questions.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { countsAsOf, doorQuestions } from '../../domain/door-questions.ts';
import { NO_ANSWER } from '../../domain/people-estimate.ts';
import { DOOR_QUESTION_TEXTS } from '../../i18n/door-questions.ts';
import type { Translator } from '../../i18n/index.ts';
import type { SiteConfig } from '../../shared/site-config.ts';
import type { EventInput } from '../../state/index.ts';
import { SiteText } from '../SiteText.tsx';
import { useKioskStore } from '../store-context.ts';

export interface DoorQuestionsProps {
  config: SiteConfig;
  translator: Translator;
  /** The visitor's stored check-in: the questions are this visitor's. */
  checkIn: EventInput;
  questionMs: number;
  /** Called once the last question is answered, skipped or timed out. */
  onDone(): void;
}

export function DoorQuestions({
  config,
  translator: { t, language },
  checkIn,
  questionMs,
  onDone,
}: DoorQuestionsProps) {
  const store = useKioskStore();
  // The questions as they were at the tap: a settings change does not reshuffle them.
  const [questions] = useState(() => doorQuestions(config));
  const [index, setIndex] = useState(0);
  const [touches, setTouches] = useState(0);
  // The first question not yet counted; past the end once all are (or the tap moved).
  const next = useRef(0);

  function count(optionId: string) {
    const question = questions[next.current];
    if (question === undefined) return;
    void store.answer(checkIn, question.id, optionId);
    next.current = countsAsOf(question, optionId) ? questions.length : next.current + 1;
    setIndex(next.current);
    if (next.current >= questions.length) onDone();
  }

  useEffect(() => {
    const timer = setTimeout(() => count(NO_ANSWER), questionMs);
    return () => clearTimeout(timer);
  }, [index, touches, questionMs]);

  // Ended early (a new visitor tapped, or the door left): the rest count as not answered.
  useEffect(() => {
    if (questions.length === 0) onDone();
    return () => {
      for (; next.current < questions.length; next.current++) {
        void store.answer(checkIn, questions[next.current]!.id, NO_ANSWER);
      }
    };
  }, []);

  const question = questions[index];
  if (question === undefined) return null;
  const text = (key: string) => (
    <SiteText text={DOOR_QUESTION_TEXTS[key] ?? { nb: key }} language={language} />
  );
  const own = question.own;
  return (
    <fieldset class="question" onPointerDown={() => setTouches((n) => n + 1)}>
      <legend>{own ? <SiteText text={own.text} language={language} /> : text(question.id)}</legend>
      <div class="question-options">
        {(own?.options ?? question.options).map((option) => {
          const id = typeof option === 'string' ? option : option.id;
          return (
            <button type="button" key={id} onClick={() => count(id)}>
              {typeof option === 'string' ? (
                text(`${question.id}.${id}`)
              ) : (
                <SiteText text={option.label} language={language} />
              )}
            </button>
          );
        })}
        <button type="button" class="secondary" onClick={() => count(NO_ANSWER)}>
          {t('door.skip')}
        </button>
      </div>
    </fieldset>
  );
}
