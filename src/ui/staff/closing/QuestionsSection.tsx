/** The day's answers to the door's questions: per question, a count per answer, the skip too. */
import { netFor } from '../../../domain/reports.ts';
import type { Translator } from '../../../i18n/index.ts';
import type { Total } from '../../../shared/protocol.ts';
import type { NamedQuestion } from '../../../domain/csv.ts';

export function QuestionsSection({
  questions,
  totals,
  translator,
}: {
  questions: readonly NamedQuestion[];
  totals: readonly Total[];
  translator: Translator;
}) {
  if (questions.length === 0) return null;
  return (
    <section class="closing-section" aria-labelledby="closing-questions">
      <h3 id="closing-questions">{translator.t('staff.closing.questions')}</h3>
      {questions.map((question) => (
        <table class="figures" key={question.counter}>
          <caption>{question.name}</caption>
          <tbody>
            {question.answers.map((answer) => (
              <tr key={answer.option}>
                <th scope="row">{answer.name}</th>
                <td>{netFor(totals, question.counter, answer.option)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
