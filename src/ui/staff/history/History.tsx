/**
 * History and export (lead): a range grouped by day, week, month or year with its totals and
 * charts, CSV export of the range, the JSON backup and its import, and the year report.
 */
import { useMemo, useState } from 'preact/hooks';
import { addDays } from '../../../domain/business-day.ts';
import {
  checkRange,
  type FileHandOver,
  type Period,
  totalsByPeriod,
  useRangeTotals,
} from '../../../state/staff.ts';
import { useObservable, useTranslator } from '../../../state/index.ts';
import { useEndpointTotals, useKioskStore } from '../../store-context.ts';
import { SourceLine } from '../closing/SourceLine.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { PeriodTable } from './PeriodTable.tsx';
import { RangeForm } from './RangeForm.tsx';
import { VisitCharts } from './VisitCharts.tsx';
import { YearReport } from './YearReport.tsx';
import '../closing/closing.css';

export interface HistoryProps {
  role: 'lead';
  /** How files leave the tablet; the browser's share sheet or download by default. */
  handOver?: FileHandOver;
  /** How the year report is printed; window.print by default. */
  print?: () => void;
}

export function History({ handOver, print }: HistoryProps) {
  const store = useKioskStore();
  const config = useObservable(store.config);
  const translator = useTranslator(config.defaultLanguage);
  const { t } = translator;
  const today = useMemo(() => store.dayOf(store.now()).day, [store]);
  const [range, setRange] = useState<{ from: string; to: string; period: Period }>({
    from: addDays(today, -29),
    to: today,
    period: 'day',
  });
  const [refresh, setRefresh] = useState(0);
  const [yearText, setYearText] = useState(today.slice(0, 4));
  const [reportYear, setReportYear] = useState<number | undefined>(undefined);
  const problem = checkRange(range.from, range.to);
  const loaded = useRangeTotals(store, range.from, range.to, refresh, useEndpointTotals());
  const shown = problem === undefined ? loaded : undefined;
  const periods = useMemo(
    () => (shown === undefined ? [] : totalsByPeriod(shown.days, range.period)),
    [shown, range.period],
  );
  const yearValid = /^\d{4}$/.test(yearText.trim());

  return (
    <section class="staff-screen history" aria-labelledby="history-title">
      <h2 id="history-title">{t('staff.history.title')}</h2>
      <RangeForm
        {...range}
        today={today}
        problem={problem}
        translator={translator}
        onChange={setRange}
      />
      {shown === undefined ? null : (
        <>
          <SourceLine source={shown.source} translator={translator} />
          <PeriodTable
            periods={periods}
            period={range.period}
            counters={config.counters}
            translator={translator}
          />
          {shown.days.length > 0 ? (
            <VisitCharts
              days={shown.days}
              from={range.from}
              to={range.to}
              translator={translator}
            />
          ) : null}
        </>
      )}
      <ExportPanel
        from={range.from}
        to={range.to}
        translator={translator}
        onExported={() => setRefresh((n) => n + 1)}
        {...(handOver ? { handOver } : {})}
      />
      <BackupPanel
        translator={translator}
        onImported={() => setRefresh((n) => n + 1)}
        {...(handOver ? { handOver } : {})}
      />
      <section class="closing-section" aria-labelledby="report-title">
        <h3 id="report-title">{t('staff.report.title')}</h3>
        <form
          class="report-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (yearValid) setReportYear(Number(yearText.trim()));
          }}
        >
          <label>
            {t('staff.report.year')}
            <input
              type="text"
              inputMode="numeric"
              value={yearText}
              aria-invalid={!yearValid}
              onInput={(event) => setYearText(event.currentTarget.value)}
            />
          </label>
          <button type="submit">{t('staff.report.show')}</button>
          {!yearValid ? (
            <p role="alert" class="warning">
              {t('staff.report.yearInvalid')}
            </p>
          ) : null}
        </form>
        {reportYear !== undefined ? (
          <YearReport
            key={reportYear}
            config={config}
            year={reportYear}
            translator={translator}
            refresh={refresh}
            {...(print ? { print } : {})}
          />
        ) : null}
      </section>
    </section>
  );
}
