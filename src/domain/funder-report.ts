/**
 * Owns the funder report's figures: one pure function from a period, its days' totals (with
 * each day's opening snapshot) and optionally last year's, to every figure the report shows —
 * KOSTRA's inputs, visits, the anslag, answers with small-cell suppression, meals, services,
 * volunteers, user voice and sales. Linear in the days and their totals; no UI strings.
 */
import { addDays, weekdayOf, type IsoDate, type Weekday } from './business-day';
import { openingSummary, type OpeningSnapshot, type OpeningSummary } from './opening';
import {
  EARLIER_THIS_YEAR,
  FIRST_EVER,
  FIRST_THIS_YEAR,
  FIRST_TIME_COUNTER,
  NO_ANSWER,
  VISIT_COUNTER,
  estimatePeople,
  firstTimeDayOf,
  type DayCount,
  type FirstTimeDay,
  type PeopleEstimate,
} from './people-estimate';
import {
  suppressAnswers,
  suppressEstimate,
  type ShownAnswers,
  type ShownEstimate,
} from './suppression';
import { VOLUNTEER_MINUTES_COUNTER, VOLUNTEERS_COUNTER } from './volunteer-hours';
import type { SiteConfig } from '../shared/site-config';
import { USER_VOICE_COUNTER, USER_VOICE_FACES } from './door-questions';

export { USER_VOICE_COUNTER, USER_VOICE_FACES };

/** A day's whole-day or hourly total, with kroner where it carries any (the protocol's `Total`). */
export interface ReportCount extends DayCount {
  amountNok?: number;
}

/** One day that has a row: its totals and what it kept of that day. */
export interface ReportDay {
  date: IsoDate;
  totals: readonly ReportCount[];
  /** The day's opening as its schedule had it; absent before snapshots were stored. */
  opening?: OpeningSnapshot;
  /** Whether the door asked the first-time question that day; absent: read from the answers. */
  firstTimeAsked?: boolean;
}

/** Which counters the report shows where: taken from the site's configuration by the caller. */
export interface FunderReportPlan {
  /**
   * The door questions, each a counter whose options are its answers, in the order asked. The
   * anslag is made only when this holds `FIRST_TIME_COUNTER` (a site still asking the old
   * first-time/returning question lists it too: its old answers read as the new ones).
   */
  questions: ReadonlyArray<{ counter: string; options: readonly string[] }>;
  meals: readonly string[];
  services: readonly string[];
  /** Sale counters; their options are payment methods (cash, Vipps). */
  sales: readonly string[];
  /** Whether the site asks "Hvordan var det i dag?". */
  userVoice: boolean;
}

/** Why a period was refused. */
export type PeriodRefusal = 'not-a-date' | 'to-before-from';

/** A counter's net over the period. */
export interface CounterFigure {
  counter: string;
  count: number;
}

/** A sale counter: count and kroner, in all and by payment method. */
export interface SaleFigure extends CounterFigure {
  amountNok: number;
  byPayment: Array<{ option: string; count: number; amountNok: number }>;
}

/** Visits over a period: in all, per calendar month, per ISO weekday (Monday first). */
export interface VisitFigures {
  total: number;
  perMonth: Array<{ month: string; visits: number; recordedDays: number }>;
  byWeekday: Array<{ weekday: Weekday; visits: number; recordedDays: number }>;
}

/** KOSTRA's inputs and the days that were not recorded. */
export interface OpeningFigures {
  openingDays: number;
  openingHours: number;
  daysPerWeek: number;
  weeksOpen: number;
  averageVisitsPerOpeningDay: number | undefined;
  notRecordedDays: number;
  stengtDays: number;
  unscheduledDays: number;
}

/** The same period a year earlier, beside this one. */
export interface LastYearFigures {
  from: IsoDate;
  to: IsoDate;
  opening: OpeningFigures;
  visits: VisitFigures;
}

/** Every figure of the funder report; answers and the anslag as shown (suppressed). */
export interface FunderReport {
  from: IsoDate;
  to: IsoDate;
  opening: OpeningFigures;
  visits: VisitFigures;
  lastYear?: LastYearFigures;
  estimate: PeopleEstimate;
  /** The anslag as shown; absent when there is no estimate. */
  shownEstimate?: ShownEstimate;
  questions: Array<{ counter: string; answers: ShownAnswers }>;
  userVoice?: ShownAnswers;
  meals: CounterFigure[];
  services: CounterFigure[];
  volunteers: { volunteers: number; minutes: number; hours: number };
  sales: SaleFigure[];
}

/** The report, or why the period was refused. */
export type FunderReportResult =
  { ok: true; report: FunderReport } | { ok: false; reason: PeriodRefusal };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(date: string): boolean {
  // A round trip through the calendar catches 2026-02-30 as well as 2026-2-3.
  return ISO_DATE.test(date) && addDays(date, 0) === date;
}

/** Why a report period is refused, if it is: a date that is not one, or `to` before `from`. */
export function reportPeriodRefusal(from: string, to: string): PeriodRefusal | undefined {
  if (!isRealDate(from) || !isRealDate(to)) return 'not-a-date';
  if (to < from) return 'to-before-from';
  return undefined;
}

/** The same calendar date a year earlier; 29 February becomes 28 February. */
export function sameDateLastYear(date: IsoDate): IsoDate {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** Sums a period's days in one pass over each day's totals. */
interface Sums {
  visitsByDate: Map<IsoDate, number>;
  firstTime: FirstTimeDay[];
  options: Map<string, Map<string, number>>;
  nets: Map<string, number>;
  amounts: Map<string, number>;
  optionAmounts: Map<string, Map<string, number>>;
}

function add<K>(map: Map<K, number>, key: K, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function addTo(
  nested: Map<string, Map<string, number>>,
  counter: string,
  option: string,
  value: number,
): void {
  let options = nested.get(counter);
  if (options === undefined) nested.set(counter, (options = new Map()));
  add(options, option, value);
}

function sumDays(days: readonly ReportDay[], from: IsoDate, to: IsoDate): Sums {
  const sums: Sums = {
    visitsByDate: new Map(),
    firstTime: [],
    options: new Map(),
    nets: new Map(),
    amounts: new Map(),
    optionAmounts: new Map(),
  };
  for (const day of days) {
    if (day.date < from || day.date > to) continue;
    let visits = 0;
    for (const total of day.totals) {
      if (total.hour !== undefined) continue;
      if (total.option === undefined) {
        if (total.counter === VISIT_COUNTER) visits += total.net;
        add(sums.nets, total.counter, total.net);
        if (total.amountNok !== undefined) add(sums.amounts, total.counter, total.amountNok);
        continue;
      }
      addTo(sums.options, total.counter, total.option, total.net);
      if (total.amountNok !== undefined) {
        addTo(sums.optionAmounts, total.counter, total.option, total.amountNok);
      }
    }
    add(sums.visitsByDate, day.date, visits);
    sums.firstTime.push(firstTimeDayOf(day.date, day.totals, day.firstTimeAsked));
  }
  return sums;
}

function visitFigures(opening: OpeningSummary): VisitFigures {
  const months = new Map<string, { visits: number; recordedDays: number }>();
  const byWeekday = Array.from({ length: 7 }, (_, i) => ({
    weekday: (i + 1) as Weekday,
    visits: 0,
    recordedDays: 0,
  }));
  let total = 0;
  for (const day of opening.days) {
    const month = day.date.slice(0, 7);
    let sum = months.get(month);
    if (sum === undefined) months.set(month, (sum = { visits: 0, recordedDays: 0 }));
    if (day.state !== 'open') continue;
    sum.visits += day.visits;
    sum.recordedDays += 1;
    const weekday = byWeekday[weekdayOf(day.date) - 1]!;
    weekday.visits += day.visits;
    weekday.recordedDays += 1;
    total += day.visits;
  }
  return {
    total,
    perMonth: [...months].map(([month, sum]) => ({ month, ...sum })),
    byWeekday,
  };
}

function openingFigures(summary: OpeningSummary): OpeningFigures {
  return {
    openingDays: summary.openingDays,
    openingHours: summary.openingMinutes / 60,
    daysPerWeek: summary.daysPerWeek,
    weeksOpen: summary.weeksOpen,
    averageVisitsPerOpeningDay: summary.averageVisitsPerOpeningDay,
    notRecordedDays: summary.notRecordedDays,
    stengtDays: summary.stengtDays,
    unscheduledDays: summary.unscheduledDays,
  };
}

function openingOf(
  from: IsoDate,
  to: IsoDate,
  days: readonly ReportDay[],
  sums: Sums,
  current: SiteConfig,
): OpeningSummary {
  const recorded = days
    .filter((day) => sums.visitsByDate.has(day.date))
    .map((day) => ({
      date: day.date,
      visits: sums.visitsByDate.get(day.date)!,
      ...(day.opening !== undefined ? { opening: day.opening } : {}),
    }));
  return openingSummary(from, to, recorded, current);
}

/** A question's answers in the plan's order, then any stored option the plan no longer has. */
function answersOf(
  options: readonly string[],
  stored: ReadonlyMap<string, number> | undefined,
): Array<{ option: string; count: number }> {
  const answers = options.map((option) => ({ option, count: stored?.get(option) ?? 0 }));
  for (const [option, count] of stored ?? []) {
    if (!options.includes(option)) answers.push({ option, count });
  }
  return answers;
}

/** The first-time question's answers, old `visit` options read as the new ones. */
function firstTimeAnswers(days: readonly FirstTimeDay[]): Map<string, number> {
  const sum = { ever: 0, thisYear: 0, earlierThisYear: 0, noAnswer: 0 };
  for (const day of days) {
    sum.ever += day.ever;
    sum.thisYear += day.thisYear;
    sum.earlierThisYear += day.earlierThisYear;
    sum.noAnswer += day.noAnswer;
  }
  return new Map([
    [FIRST_EVER, sum.ever],
    [FIRST_THIS_YEAR, sum.thisYear],
    [EARLIER_THIS_YEAR, sum.earlierThisYear],
    [NO_ANSWER, sum.noAnswer],
  ]);
}

/**
 * The funder report for `from`–`to` (inclusive) from the days that have rows, the site's
 * current configuration (for days without an opening snapshot) and the plan of what to show.
 * Last year's figures come beside it when `lastYearDays` has a day in the same period a year
 * earlier. The anslag needs a period inside one year from 1 January; otherwise it says why not.
 */
export function funderReport(
  from: string,
  to: string,
  days: readonly ReportDay[],
  current: SiteConfig,
  plan: FunderReportPlan,
  lastYearDays: readonly ReportDay[] = [],
): FunderReportResult {
  const refusal = reportPeriodRefusal(from, to);
  if (refusal !== undefined) return { ok: false, reason: refusal };
  const sums = sumDays(days, from, to);
  const opening = openingOf(from, to, days, sums, current);
  const asksFirstTime = plan.questions.some(({ counter }) => counter === FIRST_TIME_COUNTER);
  const estimate: PeopleEstimate = asksFirstTime
    ? estimatePeople(from, to, sums.firstTime)
    : { kind: 'not-asked' };
  const shownEstimate = suppressEstimate(estimate);
  const report: FunderReport = {
    from,
    to,
    opening: openingFigures(opening),
    visits: visitFigures(opening),
    estimate,
    ...(shownEstimate !== undefined ? { shownEstimate } : {}),
    questions: plan.questions.map(({ counter, options }) => ({
      counter,
      answers: suppressAnswers(
        answersOf(
          options,
          counter === FIRST_TIME_COUNTER
            ? firstTimeAnswers(sums.firstTime)
            : sums.options.get(counter),
        ),
      ),
    })),
    ...(plan.userVoice
      ? {
          userVoice: suppressAnswers(
            answersOf(USER_VOICE_FACES, sums.options.get(USER_VOICE_COUNTER)),
          ),
        }
      : {}),
    meals: plan.meals.map((counter) => ({ counter, count: sums.nets.get(counter) ?? 0 })),
    services: plan.services.map((counter) => ({ counter, count: sums.nets.get(counter) ?? 0 })),
    volunteers: {
      volunteers: sums.nets.get(VOLUNTEERS_COUNTER) ?? 0,
      minutes: sums.nets.get(VOLUNTEER_MINUTES_COUNTER) ?? 0,
      hours: (sums.nets.get(VOLUNTEER_MINUTES_COUNTER) ?? 0) / 60,
    },
    sales: plan.sales.map((counter) => ({
      counter,
      count: sums.nets.get(counter) ?? 0,
      amountNok: sums.amounts.get(counter) ?? 0,
      byPayment: [...(sums.options.get(counter) ?? [])].map(([option, count]) => ({
        option,
        count,
        amountNok: sums.optionAmounts.get(counter)?.get(option) ?? 0,
      })),
    })),
  };
  const lastFrom = sameDateLastYear(from);
  const lastTo = sameDateLastYear(to);
  const lastSums = sumDays(lastYearDays, lastFrom, lastTo);
  if (lastSums.visitsByDate.size > 0) {
    const lastOpening = openingOf(lastFrom, lastTo, lastYearDays, lastSums, current);
    report.lastYear = {
      from: lastFrom,
      to: lastTo,
      opening: openingFigures(lastOpening),
      visits: visitFigures(lastOpening),
    };
  }
  return { ok: true, report };
}
