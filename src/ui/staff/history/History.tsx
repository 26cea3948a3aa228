/**
 * History and export (lead): a range grouped by day, week, month or year with its totals and
 * charts, CSV export of the range, the JSON backup and its import, and the way to the funder
 * report (its own screen).
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
import '../closing/closing.css';

export interface HistoryProps {
  role: 'lead';
  /** How files leave the tablet; the browser's share sheet or download by default. */
  handOver?: FileHandOver;
}

export function History({ handOver }: HistoryProps) {
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
  const problem = checkRange(range.from, range.to);
  const loaded = useRangeTotals(store, range.from, range.to, refresh, useEndpointTotals());
  const shown = problem === undefined ? loaded : undefined;
  const periods = useMemo(
    () => (shown === undefined ? [] : totalsByPeriod(shown.days, range.period)),
    [shown, range.period],
  );

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
        <h3 id="report-title">{t('staff.funder.title')}</h3>
        <button type="button" onClick={() => (location.hash = '#/staff/funder-report')}>
          {t('staff.funder.open')}
        </button>
      </section>
    </section>
  );
}
