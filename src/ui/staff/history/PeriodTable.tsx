/**
 * Totals per period: visits, then each other counter, and kroner for sales. Volunteer time is
 * stored in minutes and shown in hours.
 */
import { useId } from 'preact/hooks';
import { formatNok, type Translator } from '../../../i18n/index.ts';
import { amountFor, netFor } from '../../../domain/reports.ts';
import { VOLUNTEER_MINUTES_COUNTER } from '../../../domain/volunteer-hours.ts';
import type { Counter } from '../../../shared/site-config.ts';
import type { Period, PeriodTotals } from '../../../state/staff.ts';
import { localized } from '../../localized.ts';
import { formatHours } from '../tally/VolunteerShift.tsx';
import { periodLabel } from './format.ts';

export interface PeriodTableProps {
  periods: readonly PeriodTotals[];
  period: Period;
  counters: readonly Counter[];
  translator: Translator;
}

export function PeriodTable({ periods, period, counters, translator }: PeriodTableProps) {
  const { t, language } = translator;
  const shown = counters.filter((counter) => counter.kind !== 'checkout');
  const isHours = (counter: Counter) => counter.id === VOLUNTEER_MINUTES_COUNTER;
  const captionId = useId();
  if (periods.length === 0) return <p>{t('staff.history.noDays')}</p>;
  // A column per counter is wider than a tablet: the table scrolls inside its own box, which
  // takes the keyboard's focus and is named by the caption, and the period stays in view.
  return (
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table class="figures">
        <caption id={captionId}>{t('staff.history.totals')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.history.period')}</th>
            {shown.map((counter) => [
              <th scope="col" key={counter.id}>
                {isHours(counter)
                  ? t('staff.volunteers.hoursName')
                  : localized(counter.name, language)}
              </th>,
              counter.kind === 'sale' ? (
                <th scope="col" key={`${counter.id}:nok`}>
                  {localized(counter.name, language)} ({t('staff.closing.kroner').toLowerCase()})
                </th>
              ) : null,
            ])}
          </tr>
        </thead>
        <tbody>
          {periods.map((row) => (
            <tr key={row.key}>
              <th scope="row">{periodLabel(translator, period, row.key)}</th>
              {shown.map((counter) => [
                <td key={counter.id}>
                  {isHours(counter)
                    ? formatHours(language, netFor(row.totals, counter.id))
                    : netFor(row.totals, counter.id)}
                </td>,
                counter.kind === 'sale' ? (
                  <td key={`${counter.id}:nok`}>
                    {formatNok(language, amountFor(row.totals, counter.id))}
                  </td>
                ) : null,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
