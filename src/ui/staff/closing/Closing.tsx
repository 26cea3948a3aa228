/**
 * Closing the day (lead): the business day's totals from tally state, the cash count, the
 * closing itself and the day's note. Shows whose totals it shows; the sync layer may hand it
 * the endpoint's totals of all tablets (`siteTotals`, or `provideEndpointTotals` in state).
 */
import { useMemo, useState } from 'preact/hooks';
import {
  isVolunteerCounter,
  VOLUNTEER_MINUTES_COUNTER,
  VOLUNTEERS_COUNTER,
} from '../../../domain/volunteer-hours.ts';
import { countersOn } from '../../../domain/schedule.ts';
import {
  CASH_OPTION,
  closeTheDay,
  createTallyActions,
  closingSummary,
  type CounterFigure,
  type FileHandOver,
  namedDoorQuestions,
  reopenTheDay,
  saveDayNote,
  type SiteTotals,
  useClosingRecord,
  totalOf,
  useSiteTotals,
} from '../../../state/staff.ts';
import { useObservable, useTranslator } from '../../../state/index.ts';
import { useEndpointTotals, useKioskStore, useSyncController } from '../../store-context.ts';
import { CloseDayForm } from './CloseDayForm.tsx';
import { DayNote } from './DayNote.tsx';
import { FigureTable } from './FigureTable.tsx';
import { OnlyCopyExport } from './OnlyCopyExport.tsx';
import { SourceLine } from './SourceLine.tsx';
import { formatHours, VolunteerShift } from '../tally/VolunteerShift.tsx';
import { QuestionsSection } from './QuestionsSection.tsx';
import { VisitsSection } from './VisitsSection.tsx';
import './closing.css';

export interface ClosingProps {
  role: 'lead';
  /** Totals to show instead of this tablet's own (the endpoint's, from the sync layer). */
  siteTotals?: SiteTotals;
  /** The business day to close; today by default. */
  day?: string;
  /** How the day's CSV leaves the tablet; the browser's share sheet or download by default. */
  handOver?: FileHandOver;
}

export function Closing({ siteTotals, day: initialDay, handOver }: ClosingProps) {
  const store = useKioskStore();
  const sync = useSyncController();
  const config = useObservable(store.config);
  const translator = useTranslator(config.defaultLanguage);
  const { t, language } = translator;
  const [day, setDay] = useState(() => initialDay ?? store.dayOf(store.now()).day);
  // The day just closed on a tablet with no server: its figures exist only here.
  const [onlyCopy, setOnlyCopy] = useState<string | undefined>(undefined);
  const { record, reload, version } = useClosingRecord(store, day);
  const loaded = useSiteTotals(store, day, version, useEndpointTotals());
  const shown = siteTotals ?? loaded;

  const summary = useMemo(
    () => (shown === undefined ? undefined : closingSummary(shown.totals, config.counters)),
    [shown, config.counters],
  );
  // Counters that are on this day, or that have counts anyway (a back-fill on another day).
  const onDay = useMemo(
    () => new Set(countersOn(config, day).map((counter) => counter.id)),
    [config, day],
  );
  // Volunteers have their own section (hours, not minutes), so not among the activities.
  const visible = (figures: CounterFigure[]) =>
    figures.filter(
      (figure) =>
        !isVolunteerCounter(figure.counter.id) &&
        (onDay.has(figure.counter.id) || figure.net !== 0),
    );
  // The questions asked, and any no longer asked that still has answers this day.
  const questions = useMemo(
    () =>
      shown === undefined
        ? []
        : namedDoorQuestions(
            config,
            translator,
            new Set(shown.totals.map((total) => total.counter)),
          ),
    [config, translator, shown],
  );
  const tally = useMemo(() => createTallyActions(store), [store]);
  const isToday = day === store.dayOf(store.now()).day;
  const countsCash = config.counters.some(
    (counter) =>
      counter.kind === 'sale' &&
      (onDay.has(counter.id) || (summary?.cashExpectedNok ?? 0) !== 0) &&
      counter.options?.some((option) => option.id === CASH_OPTION),
  );

  return (
    <section class="staff-screen closing" aria-labelledby="closing-title">
      <h2 id="closing-title">{t('staff.closing.title')}</h2>
      <label class="day-picker">
        {t('staff.closing.day')}
        <input
          type="date"
          value={day}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (/^\d{4}-\d{2}-\d{2}$/.test(next)) setDay(next);
          }}
        />
      </label>
      {summary === undefined || shown === undefined || record === undefined ? (
        <p role="status">{t('staff.closing.loading')}</p>
      ) : (
        <>
          <SourceLine source={shown.source} translator={translator} />
          <VisitsSection summary={summary} translator={translator} />
          <QuestionsSection questions={questions} totals={shown.totals} translator={translator} />
          <div class="closing-section">
            <FigureTable
              title={t('staff.closing.meals')}
              figures={visible(summary.meals)}
              translator={translator}
            />
            <FigureTable
              title={t('staff.closing.sales')}
              figures={visible(summary.sales)}
              translator={translator}
              withKroner
            />
            <FigureTable
              title={t('staff.closing.activities')}
              figures={visible(summary.activities)}
              translator={translator}
            />
          </div>
          {isToday ? (
            <VolunteerShift
              tally={tally}
              totals={shown.totals}
              translator={translator}
              intro={t('staff.volunteers.atClosing')}
              onWritten={reload}
            />
          ) : (
            <p class="closing-section">
              {t('staff.volunteers.dayTotal', {
                n: totalOf(shown.totals, VOLUNTEERS_COUNTER).net,
                hours: formatHours(language, totalOf(shown.totals, VOLUNTEER_MINUTES_COUNTER).net),
              })}
            </p>
          )}
          <CloseDayForm
            key={`${day}:${record.closedAt ?? 'open'}`}
            record={record}
            cashExpectedNok={summary.cashExpectedNok}
            countsCash={countsCash}
            timeZone={config.timeZone}
            translator={translator}
            onClose={async (counted) => {
              const outcome = await closeTheDay(store, day, counted, summary.cashExpectedNok);
              if (outcome.ok) {
                reload();
                setOnlyCopy(sync?.status.get().paired ? undefined : day);
                // Send the closing now, and let a waiting new version take over: the day is done.
                void sync?.trigger('closing');
                void import('../../../state/platform.ts').then((platform) =>
                  platform.applyUpdateAfterClosing(),
                );
              }
              return outcome;
            }}
            onReopen={async () => {
              await reopenTheDay(store, day);
              reload();
              setOnlyCopy(undefined);
              void sync?.trigger('closing');
            }}
          />
          {onlyCopy === day && record.closedAt !== undefined ? (
            <OnlyCopyExport day={day} translator={translator} {...(handOver ? { handOver } : {})} />
          ) : null}
          <DayNote
            key={day}
            initial={record.note}
            translator={translator}
            onSave={(text) => saveDayNote(store, day, text)}
          />
        </>
      )}
    </section>
  );
}
