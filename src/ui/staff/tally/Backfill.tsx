/**
 * Back-fill from a paper tally sheet: +n for a counter on a chosen day, marked as back-filled.
 * Only a whole number from 1 to 10 000 is stored; anything else gets a plain message. More
 * than a few asks first, naming the counter, the day and the year; a volunteer may choose
 * only today and yesterday.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKey, Translator } from '../../../i18n/index.ts';
import type { SiteConfig } from '../../../shared/site-config.ts';
import {
  type BackfillResult,
  type Drafts,
  type TallyActions,
  tallyTargets,
  type TallyWrite,
  targetKey,
  useDraft,
} from '../../../state/staff.ts';
import { Confirm } from './Confirm.tsx';
import { Notice, type TallyNotice } from './Notice.tsx';
import { dayWithYear, sheetName, signed } from './target-names.ts';

export interface BackfillProps {
  config: SiteConfig;
  today: string;
  tally: TallyActions;
  translator: Translator;
  /** The confirmation of the last back-fill, shown under its button. */
  notice: TallyNotice | undefined;
  onWritten(write: TallyWrite, text: string): void;
  /** Half-typed fields kept when the screen closed by itself. */
  drafts?: Drafts;
}

type Refusal = Exclude<Extract<BackfillResult, { ok: false }>['problem'], 'confirm'>;

const PROBLEMS: Record<Refusal, MessageKey> = {
  empty: 'staff.backfill.empty',
  'not-whole': 'staff.backfill.notWhole',
  'too-small': 'staff.backfill.tooSmall',
  'too-large': 'staff.backfill.tooLarge',
  'future-day': 'staff.backfill.futureDay',
  'bad-day': 'staff.backfill.badDay',
  'too-old': 'staff.backfill.tooOld',
};

export function Backfill({
  config,
  today,
  tally,
  translator,
  notice,
  onWritten,
  drafts,
}: BackfillProps) {
  const { t } = translator;
  const [day, setDay] = useDraft(drafts, 'backfill.day', today);
  const [chosen, setChosen] = useDraft(drafts, 'backfill.target');
  const [amount, setAmount] = useDraft(drafts, 'backfill.amount');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [asking, setAsking] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const earliest = tally.earliestBackfill(today);
  const targets = useMemo(
    () => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? tallyTargets(config, day) : []),
    [config, day],
  );
  const target = targets.find((candidate) => targetKey(candidate) === chosen) ?? targets[0];

  async function write(confirmed: boolean) {
    // One sheet is one write: a second press while saving would count it twice.
    if (busy.current) return;
    if (target === undefined) {
      setProblem(t(day ? 'staff.backfill.noCounters' : 'staff.backfill.badDay'));
      return;
    }
    busy.current = true;
    setSaving(true);
    try {
      const result = await tally.backfill(target, day, amount, confirmed);
      setAsking(undefined);
      if (!result.ok && result.problem === 'confirm') {
        const what = signed(result.amount, sheetName(translator, target));
        setProblem(undefined);
        setAsking(t('staff.backfill.confirm', { what, day: dayWithYear(translator, day) }));
        return;
      }
      if (!result.ok) {
        setProblem(t(PROBLEMS[result.problem]));
        return;
      }
      setProblem(undefined);
      setAmount('');
      const what = signed(result.write.delta, sheetName(translator, target));
      onWritten(
        result.write,
        t('staff.backfill.done', { what, day: dayWithYear(translator, day) }),
      );
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  const changed = () => {
    setProblem(undefined);
    setAsking(undefined);
  };

  return (
    <section class="tally-tool" aria-labelledby="backfill-title">
      <h3 id="backfill-title">{t('staff.backfill.title')}</h3>
      <p>{t('staff.backfill.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void write(false);
        }}
        noValidate
      >
        <label class="field">
          {t('staff.backfill.day')}
          <input
            type="date"
            value={day}
            max={today}
            {...(earliest ? { min: earliest } : {})}
            onInput={(event) => {
              setDay(event.currentTarget.value);
              changed();
            }}
          />
        </label>
        <label class="field">
          {t('staff.backfill.target')}
          <select
            value={target ? targetKey(target) : ''}
            onChange={(event) => {
              setChosen(event.currentTarget.value);
              changed();
            }}
          >
            {targets.map((candidate) => (
              <option key={targetKey(candidate)} value={targetKey(candidate)}>
                {sheetName(translator, candidate)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('staff.backfill.amount')}
          <input
            type="text"
            inputMode="numeric"
            autocomplete="off"
            value={amount}
            aria-invalid={problem !== undefined}
            onInput={(event) => {
              setAmount(event.currentTarget.value);
              changed();
            }}
          />
        </label>
        {problem ? (
          <p role="alert" class="staff-message">
            {problem}
          </p>
        ) : null}
        {asking ? (
          <Confirm
            question={asking}
            yes={t('staff.backfill.confirmYes')}
            busy={saving}
            translator={translator}
            onYes={() => void write(true)}
            onNo={() => setAsking(undefined)}
          />
        ) : (
          <button type="submit" disabled={saving}>
            {t('staff.backfill.submit')}
          </button>
        )}
        <Notice notice={notice} />
      </form>
    </section>
  );
}
