/** Choosing the range (from/to) and how to group it; says plainly when the range can't be used. */
import { useId } from 'preact/hooks';
import { addDays } from '../../../domain/business-day.ts';
import type { MessageKey, Translator } from '../../../i18n/index.ts';
import { type Period, PERIODS, type RangeProblem } from '../../../state/staff.ts';

const RANGE_PROBLEMS: Record<RangeProblem, MessageKey> = {
  missing: 'staff.history.rangeMissing',
  'to-before-from': 'staff.history.toBeforeFrom',
  'too-long': 'staff.history.tooLong',
};

export interface RangeFormProps {
  from: string;
  to: string;
  period: Period;
  today: string;
  problem: RangeProblem | undefined;
  translator: Translator;
  onChange(next: { from: string; to: string; period: Period }): void;
}

export function RangeForm({
  from,
  to,
  period,
  today,
  problem,
  translator,
  onChange,
}: RangeFormProps) {
  const { t } = translator;
  const errorId = useId();
  const describedBy = problem ? errorId : undefined;
  const set = (change: Partial<{ from: string; to: string; period: Period }>) =>
    onChange({ from, to, period, ...change });
  return (
    <fieldset class="range-form">
      <legend>{t('staff.history.range')}</legend>
      <label>
        {t('staff.history.from')}
        <input
          type="date"
          value={from}
          aria-describedby={describedBy}
          aria-invalid={problem !== undefined}
          onChange={(event) => set({ from: event.currentTarget.value })}
        />
      </label>
      <label>
        {t('staff.history.to')}
        <input
          type="date"
          value={to}
          aria-describedby={describedBy}
          aria-invalid={problem !== undefined}
          onChange={(event) => set({ to: event.currentTarget.value })}
        />
      </label>
      <label>
        {t('staff.history.groupBy')}
        <select
          value={period}
          onChange={(event) => set({ period: event.currentTarget.value as Period })}
        >
          {PERIODS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`staff.history.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <div class="quick-ranges">
        <button
          type="button"
          class="secondary"
          onClick={() => set({ from: addDays(today, -6), to: today, period: 'day' })}
        >
          {t('staff.history.last7')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => set({ from: addDays(today, -29), to: today, period: 'day' })}
        >
          {t('staff.history.last30')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => set({ from: `${today.slice(0, 4)}-01-01`, to: today, period: 'month' })}
        >
          {t('staff.history.thisYear')}
        </button>
      </div>
      {problem ? (
        <p role="alert" id={errorId} class="warning">
          {t(RANGE_PROBLEMS[problem])}
        </p>
      ) : null}
    </fieldset>
  );
}
