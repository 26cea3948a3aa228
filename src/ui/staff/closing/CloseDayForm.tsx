/**
 * The cash count and the closing: expected cash against what the lead counts, the difference,
 * "Avslutt dagen" (asking first when the count differs) and, once closed, when it was and
 * "Åpne dagen igjen".
 */
import { useId, useState } from 'preact/hooks';
import { formatNok, type MessageKey, type Translator } from '../../../i18n/index.ts';
import {
  cashDifference,
  type CashProblem,
  type CloseOutcome,
  type ClosingRecord,
  parseCountedCash,
} from '../../../state/staff.ts';

const CASH_PROBLEMS: Record<CashProblem, MessageKey> = {
  missing: 'staff.closing.cashMissing',
  'not-a-number': 'staff.closing.cashNotNumber',
  negative: 'staff.closing.cashNegative',
  'not-whole': 'staff.closing.cashNotWhole',
};

export interface CloseDayFormProps {
  record: ClosingRecord;
  cashExpectedNok: number;
  /** Whether any sale takes cash, so there is a cash box to count. */
  countsCash: boolean;
  timeZone: string;
  translator: Translator;
  onClose(countedText: string): Promise<CloseOutcome>;
  onReopen(): Promise<void>;
}

function signedNok(language: Translator['language'], amount: number): string {
  const text = formatNok(language, Math.abs(amount));
  return amount > 0 ? `+${text}` : amount < 0 ? `−${text}` : text;
}

export function CloseDayForm(props: CloseDayFormProps) {
  const { record, cashExpectedNok, countsCash, translator } = props;
  const { t, language } = translator;
  const errorId = useId();
  const confirmId = useId();
  const [counted, setCounted] = useState('');
  const [problem, setProblem] = useState<CashProblem | 'failed' | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // A count that differs from the expected is asked about once before the day is closed.
  const [confirming, setConfirming] = useState(false);
  const closed = record.closedAt !== undefined;

  const typed = parseCountedCash(counted, false);
  const countedNok = closed ? record.cashCountedNok : typed.ok ? typed.nok : undefined;
  const difference =
    countedNok === undefined ? undefined : cashDifference(cashExpectedNok, countedNok);

  async function close(event: Event) {
    event.preventDefault();
    if (countsCash && difference !== undefined && difference !== 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    try {
      const outcome = await props.onClose(counted);
      setProblem(outcome.ok ? undefined : outcome.problem);
      if (outcome.ok) setCounted('');
    } catch {
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  }

  async function reopen() {
    setBusy(true);
    try {
      await props.onReopen();
      setProblem(undefined);
    } catch {
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  }

  const closedTime =
    record.closedAt === undefined
      ? ''
      : new Intl.DateTimeFormat(language, {
          timeZone: props.timeZone,
          hour: '2-digit',
          minute: '2-digit',
        })
          .format(record.closedAt)
          .replace(':', language === 'nb' || language === 'nn' ? '.' : ':');

  return (
    <form class="closing-section close-day" onSubmit={(event) => void close(event)}>
      {countsCash ? (
        <section aria-labelledby="closing-cash">
          <h3 id="closing-cash">{t('staff.closing.cash')}</h3>
          <p>{t('staff.closing.cashExpected', { amount: formatNok(language, cashExpectedNok) })}</p>
          {closed ? (
            record.cashCountedNok !== undefined ? (
              <p>
                {t('staff.closing.closedCash', {
                  amount: formatNok(language, record.cashCountedNok),
                })}
              </p>
            ) : null
          ) : (
            <label>
              {t('staff.closing.cashCounted')}
              <input
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={counted}
                aria-invalid={problem !== undefined && problem !== 'failed'}
                aria-describedby={problem ? errorId : undefined}
                onInput={(event) => {
                  setCounted(event.currentTarget.value);
                  setProblem(undefined);
                  setConfirming(false);
                }}
              />
            </label>
          )}
          {difference !== undefined ? (
            <p class="cash-difference">
              {difference === 0
                ? t('staff.closing.cashMatches')
                : t('staff.closing.cashDifference', { amount: signedNok(language, difference) })}
            </p>
          ) : null}
        </section>
      ) : null}
      {problem ? (
        <p role="alert" id={errorId} class="warning">
          {t(problem === 'failed' ? 'staff.closing.failed' : CASH_PROBLEMS[problem])}
        </p>
      ) : null}
      {closed ? (
        <>
          <p>{t('staff.closing.closedAt', { time: closedTime })}</p>
          {record.visitsAfterClosing > 0 ? (
            <p class="after-closing">
              {t('staff.closing.afterClosing', { n: record.visitsAfterClosing })}
            </p>
          ) : null}
          <button type="button" class="secondary" disabled={busy} onClick={() => void reopen()}>
            {t('staff.closing.reopen')}
          </button>
        </>
      ) : confirming && countedNok !== undefined ? (
        <div role="alertdialog" aria-labelledby={confirmId} class="cash-confirm">
          <p id={confirmId}>
            {t('staff.closing.cashConfirm', {
              expected: formatNok(language, cashExpectedNok),
              counted: formatNok(language, countedNok),
            })}
          </p>
          <button type="submit" disabled={busy}>
            {t('staff.closing.closeAnyway')}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {t('staff.closing.countAgain')}
          </button>
        </div>
      ) : (
        <>
          <p>{t('staff.closing.open')}</p>
          <button type="submit" disabled={busy}>
            {t('staff.closing.close')}
          </button>
        </>
      )}
    </form>
  );
}
