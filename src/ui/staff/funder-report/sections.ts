/**
 * Owns the funder report as labelled rows, one list that both the screen and the CSV show, so
 * the two can never disagree. Cells keep their kind (a count, a decimal, a share, kroner, text);
 * the screen and the CSV each write them in their own way.
 */
import type { Weekday } from '../../../domain/business-day.ts';
import type { LastYearFigures, OpeningFigures } from '../../../domain/funder-report.ts';
import { FIRST_TIME_COUNTER, NO_ANSWER } from '../../../domain/people-estimate.ts';
import type { ShownAnswers, ShownCell } from '../../../domain/suppression.ts';
import type { MessageKey, Translator } from '../../../i18n/index.ts';
import { DOOR_QUESTION_TEXTS } from '../../../i18n/door-questions.ts';
import type { SiteConfig } from '../../../shared/site-config.ts';
import type { FunderReportView } from '../../../state/staff.ts';
import { localized } from '../../localized.ts';
import { periodLabel, shortDate } from '../history/format.ts';

/** One figure and how it is written. */
export type Cell =
  | { kind: 'count' | 'decimal' | 'nok' | 'share'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

export interface Row {
  label: string;
  cells: Cell[];
}

export interface Section {
  id: string;
  title: string;
  /** The headings of the value columns. */
  columns: string[];
  rows: Row[];
  /** A sentence under the table (the anslag's method or why there is none). */
  note?: string;
}

const NONE: Cell = { kind: 'none' };
const count = (value: number): Cell => ({ kind: 'count', value });
const nok = (value: number): Cell => ({ kind: 'nok', value });
const decimal = (value: number | undefined): Cell =>
  value === undefined ? NONE : { kind: 'decimal', value };

/** A shown (suppressed) cell: a number, "under 5", or hidden. */
function shown(cell: ShownCell, kind: 'count' | 'share', t: Translator['t']): Cell {
  if (cell === 'under-5') return { kind: 'text', text: t('staff.funder.under5') };
  if (cell === 'suppressed') return { kind: 'text', text: t('staff.funder.suppressed') };
  return { kind, value: cell };
}

const percent = (language: string, share: number) =>
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);

const weekdayFormat = new Map<string, Intl.DateTimeFormat>();
/** "mandag" for ISO weekday 1 (5 January 2026 is a Monday). */
export function weekdayName(language: string, weekday: Weekday): string {
  let format = weekdayFormat.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: 'long' });
    weekdayFormat.set(language, format);
  }
  return format.format(new Date(Date.UTC(2026, 0, 4 + weekday)));
}

function openingSection(
  opening: OpeningFigures,
  visits: number,
  last: LastYearFigures | undefined,
  t: Translator['t'],
): Section {
  const row = (key: MessageKey, pick: (figures: OpeningFigures, visits: number) => Cell) => ({
    label: t(key),
    cells: [pick(opening, visits), ...(last ? [pick(last.opening, last.visits.total)] : [])],
  });
  return {
    id: 'opening',
    title: t('staff.funder.opening'),
    columns: [t('staff.funder.thisPeriod'), ...(last ? [t('staff.funder.lastYear')] : [])],
    rows: [
      row('staff.funder.openingDays', (o) => count(o.openingDays)),
      row('staff.funder.openingHours', (o) => decimal(o.openingHours)),
      row('staff.funder.daysPerWeek', (o) => decimal(o.daysPerWeek)),
      row('staff.funder.weeksOpen', (o) => count(o.weeksOpen)),
      row('staff.funder.visits', (_, v) => count(v)),
      row('staff.funder.average', (o) => decimal(o.averageVisitsPerOpeningDay)),
      row('staff.funder.notRecorded', (o) => count(o.notRecordedDays)),
    ],
  };
}

function answersSection(
  id: string,
  title: string,
  answers: ShownAnswers,
  label: (option: string) => string,
  t: Translator['t'],
): Section {
  return {
    id,
    title,
    columns: [t('staff.funder.count'), t('staff.funder.share')],
    rows: [
      ...answers.answers.map((answer) => ({
        label: label(answer.option),
        cells: [shown(answer.count, 'count', t), shown(answer.share, 'share', t)],
      })),
      { label: t('staff.funder.total'), cells: [shown(answers.total, 'count', t), NONE] },
    ],
  };
}

function estimateSection(view: FunderReportView, translator: Translator): Section | undefined {
  const { t, language } = translator;
  const { estimate, shownEstimate } = view.report;
  // A site that asks no first-time question shows no estimate, not even a word on it.
  const asks = view.plan.questions.some(({ counter }) => counter === FIRST_TIME_COUNTER);
  if (!asks) return undefined;
  const newPeople = (cell: ShownCell): Cell =>
    cell === 'under-5'
      ? { kind: 'text', text: t('staff.funder.fewerThan5') }
      : shown(cell, 'count', t);
  const section: Section = {
    id: 'estimate',
    title: t('staff.funder.estimate'),
    columns: [t('staff.funder.count')],
    rows: [],
  };
  switch (estimate.kind) {
    case 'estimate':
      section.rows = [
        { label: t('staff.funder.distinct'), cells: [newPeople(shownEstimate!.distinct)] },
        { label: t('staff.funder.newPeople'), cells: [newPeople(shownEstimate!.newPeople)] },
      ];
      section.note = t('staff.funder.estimate.method', {
        share: percent(language, estimate.basis.share),
      });
      break;
    case 'too-few-answers':
      section.note = t('staff.funder.estimate.tooFew', {
        answered: estimate.basis.answered,
        share: percent(language, estimate.basis.share),
      });
      break;
    case 'not-asked':
      section.note = t('staff.funder.estimate.notAsked');
      break;
    case 'invalid-period':
      section.note = t('staff.funder.estimate.period');
      break;
  }
  return section;
}

/** Every section of the report, in the order it is shown, labelled in the translator's language. */
export function reportSections(
  view: FunderReportView,
  config: SiteConfig,
  translator: Translator,
): Section[] {
  const { t, language } = translator;
  const { report } = view;
  const last = report.lastYear;
  const nameOf = (id: string) => {
    const counter = config.counters.find((candidate) => candidate.id === id);
    return counter === undefined ? id : localized(counter.name, language);
  };
  const optionOf = (counterId: string, option: string) => {
    const found = config.counters
      .find((counter) => counter.id === counterId)
      ?.options?.find((candidate) => candidate.id === option);
    return found === undefined ? option : localized(found.name, language);
  };
  const sections: Section[] = [
    {
      id: 'about',
      title: t('staff.funder.about'),
      columns: [t('staff.funder.csv.value')],
      rows: [
        {
          label: t('staff.funder.period'),
          cells: [{ kind: 'text', text: `${report.from}–${report.to}` }],
        },
        {
          label: t('staff.funder.source'),
          cells: [
            {
              kind: 'text',
              text: t(view.source === 'endpoint' ? 'staff.source.endpoint' : 'staff.source.tablet'),
            },
          ],
        },
        {
          label: t('staff.funder.made'),
          cells: [{ kind: 'text', text: shortDate(language, view.madeOn) }],
        },
      ],
      note: t('staff.funder.visitNote'),
    },
    openingSection(report.opening, report.visits.total, last, t),
  ];
  const lastColumns = last ? [t('staff.funder.lastYear')] : [];
  const lastMonth = new Map(last?.visits.perMonth.map((m) => [m.month.slice(5), m.visits]));
  sections.push({
    id: 'months',
    title: t('staff.funder.perMonth'),
    columns: [t('staff.funder.thisPeriod'), ...lastColumns],
    rows: report.visits.perMonth.map((month) => ({
      label: periodLabel(translator, 'month', month.month),
      cells: [
        count(month.visits),
        ...(last ? [count(lastMonth.get(month.month.slice(5)) ?? 0)] : []),
      ],
    })),
  });
  sections.push({
    id: 'weekdays',
    title: t('staff.funder.byWeekday'),
    columns: [t('staff.funder.thisPeriod'), ...lastColumns],
    rows: report.visits.byWeekday
      .map((day, i) => ({ day, lastDay: last?.visits.byWeekday[i] }))
      .filter(({ day, lastDay }) => day.recordedDays > 0 || (lastDay?.recordedDays ?? 0) > 0)
      .map(({ day, lastDay }) => ({
        label: weekdayName(language, day.weekday),
        cells: [count(day.visits), ...(last ? [count(lastDay?.visits ?? 0)] : [])],
      })),
  });
  const estimate = estimateSection(view, translator);
  if (estimate) sections.push(estimate);
  const own = config.questions?.own;
  // A ready-made question's texts, else the counter's own name.
  const questionText = (key: string) => {
    const text = DOOR_QUESTION_TEXTS[key];
    return text ? localized(text, language) : nameOf(key);
  };
  for (const question of report.questions) {
    const firstTime = question.counter === FIRST_TIME_COUNTER;
    sections.push(
      answersSection(
        `question-${question.counter}`,
        firstTime
          ? t('staff.funder.firstTime')
          : own?.id === question.counter
            ? localized(own.text, language)
            : questionText(question.counter),
        question.answers,
        (option) => {
          if (firstTime || option === NO_ANSWER) {
            return t(`staff.funder.answer.${option}` as MessageKey);
          }
          const asked = own?.options.find((candidate) => candidate.id === option);
          if (asked) return localized(asked.label, language);
          return DOOR_QUESTION_TEXTS[`${question.counter}.${option}`]
            ? questionText(`${question.counter}.${option}`)
            : optionOf(question.counter, option);
        },
        t,
      ),
    );
  }
  if (report.userVoice) {
    sections.push(
      answersSection(
        'user-voice',
        t('staff.funder.userVoice'),
        report.userVoice,
        (face) => t(`staff.funder.face.${face}` as MessageKey),
        t,
      ),
    );
  }
  const counts = (
    id: string,
    title: MessageKey,
    figures: Array<{ counter: string; count: number }>,
  ) =>
    figures.length === 0
      ? undefined
      : {
          id,
          title: t(title),
          columns: [t('staff.funder.count')],
          rows: figures.map((figure) => ({
            label: nameOf(figure.counter),
            cells: [count(figure.count)],
          })),
        };
  const meals = counts('meals', 'staff.funder.meals', report.meals);
  if (meals) sections.push(meals);
  if (view.programme.length > 0) {
    sections.push({
      id: 'programme',
      title: t('staff.funder.programme'),
      columns: [t('staff.funder.days')],
      rows: view.programme.map(({ item, days }) => ({
        label: localized(item.title, language),
        cells: [count(days)],
      })),
    });
  }
  const services = counts('services', 'staff.funder.services', report.services);
  if (services) sections.push(services);
  sections.push({
    id: 'volunteers',
    title: t('staff.funder.volunteers'),
    columns: [t('staff.funder.count')],
    rows: [
      { label: t('staff.funder.volunteerShifts'), cells: [count(report.volunteers.volunteers)] },
      { label: t('staff.funder.volunteerHours'), cells: [decimal(report.volunteers.hours)] },
    ],
  });
  if (report.sales.length > 0) {
    sections.push({
      id: 'sales',
      title: t('staff.funder.sales'),
      columns: [t('staff.funder.count'), t('staff.funder.amount')],
      rows: report.sales.flatMap((sale) => [
        {
          label: nameOf(sale.counter),
          cells: [count(sale.count), nok(sale.amountNok)],
        },
        ...sale.byPayment.map((payment) => ({
          label: `${nameOf(sale.counter)}: ${optionOf(sale.counter, payment.option)}`,
          cells: [count(payment.count), nok(payment.amountNok)],
        })),
      ]),
    });
  }
  return sections;
}
