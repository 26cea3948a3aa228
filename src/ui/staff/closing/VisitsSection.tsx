/** The day's visits: the total, the split by answer to the question, and a chart per hour. */
import type { Translator } from '../../../i18n/index.ts';
import type { ClosingSummary } from '../../../state/staff.ts';
import { BarChart } from '../../charts/BarChart.tsx';
import { localized } from '../../localized.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');

export function VisitsSection({
  summary,
  translator,
}: {
  summary: ClosingSummary;
  translator: Translator;
}) {
  const { t, language } = translator;
  const visits = summary.visits;
  const total = visits?.net ?? 0;
  const answered = visits?.options.reduce((sum, option) => sum + option.net, 0) ?? 0;
  return (
    <section class="closing-section" aria-labelledby="closing-visits">
      <h3 id="closing-visits">{t('staff.closing.visits')}</h3>
      <p class="big-figure">{t('staff.closing.visitsTotal', { n: total })}</p>
      {visits !== undefined && visits.options.length > 0 ? (
        <table class="figures">
          <caption>{t('staff.closing.byAnswer')}</caption>
          <tbody>
            {visits.options.map((option) => (
              <tr key={option.id}>
                <th scope="row">{localized(option.name, language)}</th>
                <td>{option.net}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('staff.closing.noAnswer')}</th>
              <td>{Math.max(0, total - answered)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {summary.visitsPerHour.length > 0 ? (
        <BarChart
          title={t('staff.closing.perHour')}
          tableLabel={t('staff.chart.table')}
          valueLabel={t('staff.closing.visits')}
          bars={summary.visitsPerHour.map(({ hour, visits: value }) => ({
            label: t('staff.closing.hour', { hour: pad2(hour) }),
            value,
          }))}
        />
      ) : null}
    </section>
  );
}
