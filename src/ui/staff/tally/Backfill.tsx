/**
 * Back-fill from a paper tally sheet: +n for a counter on a chosen day, marked as back-filled.
 * Only a whole number from 1 to 10 000 is stored; anything else gets a plain message.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { formatDay, type MessageKey, type Translator } from '../../../i18n/index.ts';
import type { SiteConfig } from '../../../shared/site-config.ts';
import {
  type BackfillResult,
  type TallyActions,
  tallyTargets,
  type TallyWrite,
  targetKey,
} from '../../../state/staff.ts';
import { sheetName, signed } from './target-names.ts';

export interface BackfillProps {
  config: SiteConfig;
  today: string;
  tally: TallyActions;
  translator: Translator;
  onWritten(write: TallyWrite, text: string): void;
}

const PROBLEMS: Record<Extract<BackfillResult, { ok: false }>['problem'], MessageKey> = {
  empty: 'staff.backfill.empty',
  'not-whole': 'staff.backfill.notWhole',
  'too-small': 'staff.backfill.tooSmall',
  'too-large': 'staff.backfill.tooLarge',
  'future-day': 'staff.backfill.futureDay',
  'bad-day': 'staff.backfill.badDay',
};

export function Backfill({ config, today, tally, translator, onWritten }: BackfillProps) {
  const { t, language } = translator;
  const [day, setDay] = useState(today);
  const [chosen, setChosen] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const targets = useMemo(
    () => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? tallyTargets(config, day) : []),
    [config, day],
  );
  const target = targets.find((candidate) => targetKey(candidate) === chosen) ?? targets[0];

  async function submit(event: Event) {
    event.preventDefault();
    // One sheet is one write: a second press while saving would count it twice.
    if (busy.current) return;
    if (target === undefined) {
      setProblem(t(day ? 'staff.backfill.noCounters' : 'staff.backfill.badDay'));
      return;
    }
    busy.current = true;
    setSaving(true);
    try {
      const result = await tally.backfill(target, day, amount);
      if (!result.ok) {
        setProblem(t(PROBLEMS[result.problem]));
        return;
      }
      setProblem(undefined);
      setAmount('');
      const what = signed(result.write.delta, sheetName(translator, target));
      onWritten(result.write, t('staff.backfill.done', { what, day: formatDay(language, day) }));
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  return (
    <section class="tally-tool" aria-labelledby="backfill-title">
      <h3 id="backfill-title">{t('staff.backfill.title')}</h3>
      <p>{t('staff.backfill.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label class="field">
          {t('staff.backfill.day')}
          <input
            type="date"
            value={day}
            max={today}
            onInput={(event) => {
              setDay(event.currentTarget.value);
              setProblem(undefined);
            }}
          />
        </label>
        <label class="field">
          {t('staff.backfill.target')}
          <select
            value={target ? targetKey(target) : ''}
            onChange={(event) => setChosen(event.currentTarget.value)}
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
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </label>
        {problem ? (
          <p role="alert" class="staff-message">
            {problem}
          </p>
        ) : null}
        <button type="submit" disabled={saving}>
          {t('staff.backfill.submit')}
        </button>
      </form>
    </section>
  );
}
