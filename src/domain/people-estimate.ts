/**
 * Owns the anonymous estimate (anslag) of distinct and new people from the door's first-time
 * question: every person's first visit in a year is a "first time ever" or "first time this
 * year" if they answer, so dividing those answers by the share who answer estimates people.
 * It never learns who anyone is, and it refuses to estimate from too few answers.
 *
 * Old data: the one-question shape kept answers as options of `visit` — `first-time` ("Ja,
 * første gang") and `returning` ("Nei, har vært her før"). `first-time` reads as "first time
 * ever". `returning` reads as "been here earlier this year": an answer (it counts in the share
 * who answer) that adds no one. Some of those people were in fact on their first visit of the
 * year, so for old days the distinct figure is a lower bound and the new-people figure stays
 * right; excluding `returning` instead would shrink the share who answer and overstate both.
 */
import { weekdayOf, type IsoDate } from './business-day';

export * from './first-time';
import {
  EARLIER_THIS_YEAR,
  FIRST_EVER,
  FIRST_THIS_YEAR,
  FIRST_TIME_COUNTER,
  LEGACY_FIRST_TIME,
  LEGACY_RETURNING,
  NO_ANSWER,
  VISIT_COUNTER,
} from './first-time';

/** Rounding of an anslag, and the least share and number of answers one is made from. */
export const ESTIMATE_ROUNDING = 5;
export const MIN_ANSWER_PERCENT = 30;
export const MIN_ANSWERS = 50;

/** One day's visits and first-time answers, whichever shape they were stored in. */
export interface FirstTimeDay {
  date: IsoDate;
  visits: number;
  /** Whether the door asked the question that day. */
  asked: boolean;
  ever: number;
  thisYear: number;
  earlierThisYear: number;
  noAnswer: number;
}

/** A whole-day count as the roll-up gives it (structurally the protocol's `Total`). */
export interface DayCount {
  counter: string;
  option?: string;
  hour?: number;
  net: number;
}

/**
 * A day's first-time figures from its totals, reading both the question's own counter and the
 * retired `visit` options. `asked` is the day's stored flag when there is one; otherwise a day
 * is taken as asked when any answer, skip included, was counted (a day of the old shape on
 * which nobody answered then reads as not asked, which keeps it out of the share).
 */
export function firstTimeDayOf(
  date: IsoDate,
  totals: readonly DayCount[],
  asked?: boolean,
): FirstTimeDay {
  const day: FirstTimeDay = {
    date,
    visits: 0,
    asked: false,
    ever: 0,
    thisYear: 0,
    earlierThisYear: 0,
    noAnswer: 0,
  };
  for (const total of totals) {
    if (total.hour !== undefined) continue;
    if (total.counter === VISIT_COUNTER) {
      if (total.option === undefined) day.visits += total.net;
      else if (total.option === LEGACY_FIRST_TIME) day.ever += total.net;
      else if (total.option === LEGACY_RETURNING) day.earlierThisYear += total.net;
    } else if (total.counter === FIRST_TIME_COUNTER && total.option !== undefined) {
      if (total.option === FIRST_EVER) day.ever += total.net;
      else if (total.option === FIRST_THIS_YEAR) day.thisYear += total.net;
      else if (total.option === EARLIER_THIS_YEAR) day.earlierThisYear += total.net;
      else if (total.option === NO_ANSWER) day.noAnswer += total.net;
    }
  }
  day.asked = asked ?? day.ever + day.thisYear + day.earlierThisYear + day.noAnswer > 0;
  return day;
}

/** Why a period cannot carry an estimate. */
export type EstimatePeriodRefusal = 'to-before-from' | 'not-from-1-january' | 'spans-years';

/** The figures an estimate is made from: visits and answers on the days the question was asked. */
export interface EstimateBasis {
  visits: number;
  answered: number;
  ever: number;
  thisYear: number;
  /** Answered ÷ visits, 0–1 (0 when there were no visits). */
  share: number;
}

/** The anslag, or why there is none. */
export type PeopleEstimate =
  | { kind: 'invalid-period'; reason: EstimatePeriodRefusal }
  | { kind: 'not-asked' }
  | { kind: 'too-few-answers'; basis: EstimateBasis }
  | { kind: 'estimate'; distinct: number; newPeople: number; basis: EstimateBasis };

/**
 * Whether a period may carry an estimate: inside one calendar year and starting 1 January (the
 * year so far, or the whole year), `to` not before `from`.
 */
export function estimatePeriodRefusal(
  from: IsoDate,
  to: IsoDate,
): EstimatePeriodRefusal | undefined {
  // Both are parsed as dates first, so a malformed one throws rather than slipping through.
  weekdayOf(from);
  weekdayOf(to);
  if (to < from) return 'to-before-from';
  if (from.slice(5) !== '01-01') return 'not-from-1-january';
  if (to.slice(0, 4) !== from.slice(0, 4)) return 'spans-years';
  return undefined;
}

function roundToEstimate(numerator: number, denominator: number): number {
  // numerator ÷ denominator to the nearest 5, half up, in integers so 2,127.5 is never 2,127.4999:
  // floor(n ÷ 5d + ½) = floor((2n + 5d) ÷ 10d).
  const unit = ESTIMATE_ROUNDING * denominator;
  return Math.floor((2 * numerator + unit) / (2 * unit)) * ESTIMATE_ROUNDING;
}

/**
 * The anslag of distinct people ((ever + this year) ÷ share) and new people (ever ÷ share) over
 * a period, from the days the question was asked in it; days outside the period are ignored.
 * "Not asked" when the question was asked on no day of the period; "too few answers" below 30 %
 * of those days' visits or below 50 answers.
 */
export function estimatePeople(
  from: IsoDate,
  to: IsoDate,
  days: readonly FirstTimeDay[],
): PeopleEstimate {
  const refusal = estimatePeriodRefusal(from, to);
  if (refusal !== undefined) return { kind: 'invalid-period', reason: refusal };
  let askedDays = 0;
  const basis: EstimateBasis = { visits: 0, answered: 0, ever: 0, thisYear: 0, share: 0 };
  for (const day of days) {
    if (!day.asked || day.date < from || day.date > to) continue;
    askedDays += 1;
    basis.visits += day.visits;
    basis.answered += day.ever + day.thisYear + day.earlierThisYear;
    basis.ever += day.ever;
    basis.thisYear += day.thisYear;
  }
  if (askedDays === 0) return { kind: 'not-asked' };
  basis.share = basis.visits > 0 ? basis.answered / basis.visits : 0;
  // answered ÷ visits ≥ 30 % in integers, so 29.9 % never rounds up to 30 %.
  const enough =
    basis.answered >= MIN_ANSWERS && basis.answered * 100 >= basis.visits * MIN_ANSWER_PERCENT;
  if (!enough) return { kind: 'too-few-answers', basis };
  return {
    kind: 'estimate',
    distinct: roundToEstimate((basis.ever + basis.thisYear) * basis.visits, basis.answered),
    newPeople: roundToEstimate(basis.ever * basis.visits, basis.answered),
    basis,
  };
}

/** Estimates of several sites added up: a sum, since a person who uses two places counts twice. */
export interface PeopleEstimateSum {
  kind: 'sum';
  distinct: number;
  newPeople: number;
  /** How many sites' estimates are in the sum, and how many had none to add. */
  sites: number;
  sitesWithout: number;
}

/** The sum of the sites' shown (rounded) estimates; sites without one are counted apart. */
export function sumEstimates(estimates: readonly PeopleEstimate[]): PeopleEstimateSum {
  const sum: PeopleEstimateSum = {
    kind: 'sum',
    distinct: 0,
    newPeople: 0,
    sites: 0,
    sitesWithout: 0,
  };
  for (const estimate of estimates) {
    if (estimate.kind !== 'estimate') {
      sum.sitesWithout += 1;
      continue;
    }
    sum.sites += 1;
    sum.distinct += estimate.distinct;
    sum.newPeople += estimate.newPeople;
  }
  return sum;
}
