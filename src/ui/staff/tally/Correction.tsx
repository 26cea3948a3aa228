/**
 * A correction: −1 on one of today's counts, with a reason from the fixed list. There is no
 * free text: nothing about a person can be written here.
 */
import { useRef, useState } from 'preact/hooks';
import type { Translator } from '../../../i18n/index.ts';
import {
  CORRECTION_REASONS,
  type CorrectionReason,
  type TallyActions,
  type TallyTarget,
  type TallyWrite,
  targetKey,
} from '../../../state/staff.ts';
import { Notice, type TallyNotice } from './Notice.tsx';
import { signed, targetName } from './target-names.ts';

export interface CorrectionProps {
  targets: readonly TallyTarget[];
  tally: TallyActions;
  translator: Translator;
  /** The confirmation of the last correction, shown under its button. */
  notice: TallyNotice | undefined;
  onWritten(write: TallyWrite, text: string): void;
}

export function Correction({ targets, tally, translator, notice, onWritten }: CorrectionProps) {
  const { t } = translator;
  const [chosen, setChosen] = useState<string>('');
  const [reason, setReason] = useState<CorrectionReason | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const busy = useRef(false);
  const target = targets.find((candidate) => targetKey(candidate) === chosen) ?? targets[0];

  async function submit(event: Event) {
    event.preventDefault();
    if (target === undefined || busy.current) return;
    if (reason === undefined) {
      setProblem(t('staff.correction.needsReason'));
      return;
    }
    setProblem(undefined);
    busy.current = true;
    try {
      const write = await tally.correct(target, reason);
      const what = signed(write.delta, targetName(translator, target));
      onWritten(
        write,
        t('staff.correction.done', { what, reason: t(`staff.correction.reason.${reason}`) }),
      );
      setReason(undefined);
    } finally {
      busy.current = false;
    }
  }

  return (
    <section class="tally-tool" aria-labelledby="correction-title">
      <h3 id="correction-title">{t('staff.correction.title')}</h3>
      <p>{t('staff.correction.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label class="field">
          {t('staff.correction.target')}
          <select
            value={target ? targetKey(target) : ''}
            onChange={(event) => setChosen(event.currentTarget.value)}
          >
            {targets.map((candidate) => (
              <option key={targetKey(candidate)} value={targetKey(candidate)}>
                {targetName(translator, candidate)}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="choices">
          <legend>{t('staff.correction.reason')}</legend>
          {CORRECTION_REASONS.map((candidate) => (
            <label key={candidate} class="choice">
              <input
                type="radio"
                name="correction-reason"
                value={candidate}
                checked={reason === candidate}
                onChange={() => {
                  setReason(candidate);
                  setProblem(undefined);
                }}
              />
              {t(`staff.correction.reason.${candidate}`)}
            </label>
          ))}
        </fieldset>
        {problem ? (
          <p role="alert" class="staff-message">
            {problem}
          </p>
        ) : null}
        <button type="submit" disabled={target === undefined}>
          {t('staff.correction.submit')}
        </button>
        <Notice notice={notice} />
      </form>
    </section>
  );
}
