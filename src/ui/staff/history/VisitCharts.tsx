/** Visits per day over the range, and the average per weekday over its opening days. */
import { addDays, daysBetween } from '../../../domain/business-day.ts';
import { netFor, visitsByWeekdayAverage, type DayTotals } from '../../../domain/reports.ts';
import type { Translator } from '../../../i18n/index.ts';
import { BarChart } from '../../charts/BarChart.tsx';
import { dayMonth } from './format.ts';

/** Up to this many days the chart shows every day, quiet ones as 0; beyond, only counted days. */
const FILL_DAYS = 93;

export interface VisitChartsProps {
  days: readonly DayTotals[];
  from: string;
  to: string;
  translator: Translator;
}

export function VisitCharts({ days, from, to, translator }: VisitChartsProps) {
  const { t, language } = translator;
  const byDate = new Map(days.map((day) => [day.date, netFor(day.totals, 'visit')]));
  const dates =
    daysBetween(from, to) < FILL_DAYS
      ? Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i))
      : days.map((day) => day.date);
  const averages = visitsByWeekdayAverage(days);
  const oneDecimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return (
    <div class="history-charts">
      <BarChart
        title={t('staff.history.perDay')}
        tableLabel={t('staff.chart.table')}
        valueLabel={t('staff.closing.visits')}
        bars={dates.map((date) => ({
          label: dayMonth(language, date),
          value: byDate.get(date) ?? 0,
        }))}
      />
      <BarChart
        title={t('staff.history.byWeekday')}
        tableLabel={t('staff.chart.table')}
        valueLabel={t('staff.closing.visits')}
        bars={averages.map(({ weekday, average }) => ({
          label: t(`staff.weekday.${weekday}`),
          value: average,
          valueText: oneDecimal.format(average),
        }))}
      />
    </div>
  );
}
