/**
 * The printable year report for funders: opening days, visits, busiest days, meals and bingo
 * income, with the reminder that visits are taps. Printing shows only the report.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { yearReport } from '../../../domain/reports.ts';
import { formatNok, type Translator } from '../../../i18n/index.ts';
import type { SiteConfig } from '../../../shared/site-config.ts';
import { useRangeTotals } from '../../../state/staff.ts';
import { localized } from '../../localized.ts';
import { SourceLine } from '../closing/SourceLine.tsx';
import { shortDate } from './format.ts';
import './print.css';
import { useEndpointTotals, useKioskStore } from '../../store-context.ts';

export interface YearReportProps {
  config: SiteConfig;
  year: number;
  translator: Translator;
  refresh: number;
  /** How to print; window.print by default. */
  print?: () => void;
}

const PRINT_CLASS = 'print-year-report';

export function YearReport({ config, year, translator, refresh, print }: YearReportProps) {
  const store = useKioskStore();
  const { t, language } = translator;
  const range = useRangeTotals(
    store,
    `${year}-01-01`,
    `${year}-12-31`,
    refresh,
    useEndpointTotals(),
  );
  const report = useMemo(
    () =>
      range === undefined
        ? undefined
        : yearReport(range.days, year, {
            mealCounters: config.counters.filter((c) => c.kind === 'meal').map((c) => c.id),
            saleCounters: config.counters.filter((c) => c.kind === 'sale').map((c) => c.id),
          }),
    [range, year, config.counters],
  );
  // While the report is on screen, printing prints the report and nothing else.
  useEffect(() => {
    document.documentElement.classList.add(PRINT_CLASS);
    return () => document.documentElement.classList.remove(PRINT_CLASS);
  }, []);
  if (range === undefined || report === undefined) {
    return <p role="status">{t('staff.closing.loading')}</p>;
  }
  const oneDecimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const nameOf = (id: string) => {
    const counter = config.counters.find((candidate) => candidate.id === id);
    return counter === undefined ? id : localized(counter.name, language);
  };
  return (
    <article class="year-report" aria-labelledby="year-report-title">
      <h3 id="year-report-title">{t('staff.report.heading', { year, site: config.name })}</h3>
      <SourceLine source={range.source} translator={translator} />
      <table class="figures">
        <tbody>
          <tr>
            <th scope="row">{t('staff.report.openingDays')}</th>
            <td>{report.openingDays}</td>
          </tr>
          <tr>
            <th scope="row">{t('staff.report.visits')}</th>
            <td>{report.visits}</td>
          </tr>
          <tr>
            <th scope="row">{t('staff.report.average')}</th>
            <td>{oneDecimal.format(report.averageVisits)}</td>
          </tr>
          {Object.entries(report.meals).map(([id, count]) => (
            <tr key={id}>
              <th scope="row">
                {t('staff.report.meals')}: {nameOf(id)}
              </th>
              <td>{count}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('staff.report.income')}</th>
            <td>{formatNok(language, report.bingoIncomeNok)}</td>
          </tr>
        </tbody>
      </table>
      {report.busiestDays.length > 0 ? (
        <table class="figures">
          <caption>{t('staff.report.busiest')}</caption>
          <tbody>
            {report.busiestDays.map((day) => (
              <tr key={day.date}>
                <th scope="row">{shortDate(language, day.date)}</th>
                <td>{day.visits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p class="report-note">{t('staff.report.taps')}</p>
      <button type="button" class="no-print" onClick={() => (print ?? (() => window.print()))()}>
        {t('staff.report.print')}
      </button>
    </article>
  );
}
