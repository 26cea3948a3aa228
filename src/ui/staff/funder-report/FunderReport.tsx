/**
 * The funder report (lead): for any period, default last calendar year, every figure a grant
 * or KOSTRA report asks for, from all the site's tablets when the endpoint answers, else this
 * tablet's, and which. Prints on one A4 page and downloads as CSV with the same figures.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { reportPeriodRefusal } from '../../../domain/funder-report.ts';
import { createTranslator, type Translator } from '../../../i18n/index.ts';
import {
  buildFunderReport,
  deliverFile,
  loadFunderReportDays,
  type FileHandOver,
  type FunderReportDays,
} from '../../../state/staff.ts';
import { useObservable, useTranslator } from '../../../state/index.ts';
import { useEndpointTotals, useKioskStore } from '../../store-context.ts';
import { funderReportCsv } from './funder-csv.ts';
import { reportSections, type Cell, type Section } from './sections.ts';
import { usePrintOnly } from '../print-only.ts';
import './print.css';

export interface FunderReportProps {
  role: 'lead';
  /** How the CSV leaves the tablet; the browser's share sheet or download by default. */
  handOver?: FileHandOver;
  /** How the report is printed; window.print by default. */
  print?: () => void;
}

const PRINT_CLASS = 'print-funder-report';

function cellText(cell: Cell, language: string): string {
  switch (cell.kind) {
    case 'count':
    case 'nok':
      return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(cell.value);
    case 'decimal':
      return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(cell.value);
    case 'share':
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
        cell.value,
      );
    case 'text':
      return cell.text;
    case 'none':
      return '–';
  }
}

function SectionTable({ section, translator }: { section: Section; translator: Translator }) {
  const headingId = `funder-${section.id}`;
  // Per month, a bar beside the numbers: the chart is for the eye, the table holds the figures.
  const bars = section.id === 'months';
  const max = Math.max(
    1,
    ...section.rows.map((row) => (row.cells[0]?.kind === 'count' ? row.cells[0].value : 0)),
  );
  return (
    <section class="funder-section" aria-labelledby={headingId}>
      <h4 id={headingId}>{section.title}</h4>
      {section.rows.length > 0 ? (
        <table class="figures">
          <thead>
            <tr>
              <td />
              {section.columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
              {bars ? <td aria-hidden="true" /> : null}
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cellText(cell, translator.language)}</td>
                ))}
                {bars ? (
                  <td class="funder-bar" aria-hidden="true">
                    <span
                      style={{
                        width: `${((row.cells[0]?.kind === 'count' ? row.cells[0].value : 0) / max) * 100}%`,
                      }}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {section.note !== undefined ? <p class="funder-note">{section.note}</p> : null}
    </section>
  );
}

/** Last calendar year before `today`. */
function lastYearOf(today: string): { from: string; to: string } {
  const year = String(Number(today.slice(0, 4)) - 1).padStart(4, '0');
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function FunderReport({ handOver, print }: FunderReportProps) {
  const store = useKioskStore();
  const endpointTotals = useEndpointTotals();
  const config = useObservable(store.config);
  const translator = useTranslator(config.defaultLanguage);
  const { t } = translator;
  const today = useMemo(() => store.dayOf(store.now()).day, [store]);
  const [period, setPeriod] = useState(() => lastYearOf(today));
  const [loaded, setLoaded] = useState<
    { key: string; days: FunderReportDays } | { key: string; failed: true } | undefined
  >();
  const refusal = reportPeriodRefusal(period.from, period.to);
  const key = `${period.from}/${period.to}`;

  useEffect(() => {
    if (refusal !== undefined) return;
    let current = true;
    loadFunderReportDays(store, period.from, period.to, endpointTotals).then(
      (days) => current && setLoaded({ key, days }),
      // The database could not be read: say so rather than show zeros.
      () => current && setLoaded({ key, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [store, key, refusal, endpointTotals]);

  // While the report is on screen, printing prints the report and nothing else.
  usePrintOnly(PRINT_CLASS);

  const outcome = useMemo(
    () =>
      refusal !== undefined || loaded?.key !== key || !('days' in loaded)
        ? undefined
        : buildFunderReport(period.from, period.to, loaded.days, config, today),
    [loaded, key, refusal, config, today],
  );
  const view = outcome?.ok ? outcome.view : undefined;
  // Days counted before their opening hours were kept are counted by today's schedule.
  const withoutSnapshot =
    loaded !== undefined && 'days' in loaded
      ? loaded.days.days.filter((day) => day.opening === undefined).length
      : 0;
  const sections = useMemo(
    () => (view === undefined ? [] : reportSections(view, config, translator)),
    [view, config, translator],
  );

  const downloadCsv = () => {
    if (view === undefined) return;
    // The CSV is in bokmål whatever the screen's language: its headings are the funders'.
    const bokmal = createTranslator('nb');
    void deliverFile(
      {
        name: `terskel-${config.site}-rapport-${period.from}-${period.to}.csv`,
        type: 'text/csv;charset=utf-8',
        content: funderReportCsv(reportSections(view, config, bokmal), bokmal),
      },
      handOver,
    );
  };

  return (
    <section class="staff-screen funder-report-screen" aria-labelledby="funder-title">
      <h2 id="funder-title" class="no-print">
        {t('staff.funder.title')}
      </h2>
      <form
        class="report-form no-print"
        aria-label={t('staff.funder.period')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          {t('staff.funder.from')}
          <input
            type="date"
            value={period.from}
            aria-invalid={refusal !== undefined}
            onChange={(event) => setPeriod((p) => ({ ...p, from: event.currentTarget.value }))}
          />
        </label>
        <label>
          {t('staff.funder.to')}
          <input
            type="date"
            value={period.to}
            aria-invalid={refusal !== undefined}
            onChange={(event) => setPeriod((p) => ({ ...p, to: event.currentTarget.value }))}
          />
        </label>
      </form>
      {refusal !== undefined ? (
        <p role="alert" class="warning">
          {t(`staff.funder.refused.${refusal}`)}
        </p>
      ) : loaded?.key === key && 'failed' in loaded ? (
        <p role="alert" class="warning">
          {t('staff.funder.failed')}
        </p>
      ) : view === undefined ? (
        <p role="status">{t('staff.funder.loading')}</p>
      ) : (
        <article class="funder-report" aria-labelledby="funder-report-title">
          <h3 id="funder-report-title">
            {t('staff.funder.title')}:{' '}
            {t('staff.funder.heading', {
              site: view.site,
              from: view.report.from,
              to: view.report.to,
            })}
          </h3>
          <div class="funder-columns">
            {sections.map((section) => (
              <SectionTable key={section.id} section={section} translator={translator} />
            ))}
          </div>
          {withoutSnapshot > 0 ? (
            <p class="no-print">{t('staff.funder.scheduleFallback', { n: withoutSnapshot })}</p>
          ) : null}
          <div class="staff-actions no-print">
            <button type="button" onClick={() => (print ?? (() => window.print()))()}>
              {t('staff.funder.print')}
            </button>
            <button type="button" class="secondary" onClick={downloadCsv}>
              {t('staff.funder.csv')}
            </button>
          </div>
        </article>
      )}
    </section>
  );
}
