/**
 * The dashboard's figures, pure: the chosen period and the same one a year earlier, what each
 * counter is called and what kind it is (from the presets, as a tablet set up from one names
 * them), each site's visits, meals, activities and volunteer hours, and a site's configuration
 * as the funder report needs it. The endpoint keeps no configuration: this is the best reading.
 */
import { addDays, type IsoDate } from '../domain/business-day.ts';
import { sameDateLastYear } from '../domain/funder-report.ts';
import { checkRange, sumTotals, type RangeProblem } from '../domain/periods.ts';
import { PRESETS, presetById } from '../domain/presets/index.ts';
import { VISIT_COUNTER } from '../domain/people-estimate.ts';
import {
  VOLUNTEER_MINUTES_COUNTER,
  VOLUNTEERS_COUNTER,
  withVolunteerCounters,
} from '../domain/volunteer-hours.ts';
import { USER_VOICE_COUNTER } from '../domain/door-questions.ts';
import type { SiteDay } from '../shared/protocol.ts';
import {
  READY_QUESTIONS,
  type Counter,
  type CounterKind,
  type SiteConfig,
} from '../shared/site-config.ts';

/** The period presets; `custom` takes its dates from the form. */
export const PERIOD_CHOICES = ['thisMonth', 'lastMonth', 'thisYear', 'lastYear', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** The range of a preset on `today` (a local date); `custom` is checked by `customRange`. */
export function presetRange(choice: Exclude<PeriodChoice, 'custom'>, today: IsoDate): DateRange {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const monthStart = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  const monthEnd = (y: number, m: number) =>
    m === 12 ? `${y}-12-31` : addDays(monthStart(y, m + 1), -1);
  switch (choice) {
    case 'thisMonth':
      return { from: monthStart(year, month), to: monthEnd(year, month) };
    case 'lastMonth': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: monthStart(y, m), to: monthEnd(y, m) };
    }
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}
/** A typed range, or why it cannot be shown (the domain's rule for date ranges). */
export function customRange(from: string, to: string): DateRange | RangeProblem {
  const problem = checkRange(from, to);
  return problem ?? { from, to };
}

/** The same dates a year earlier (29 February becomes 28 February, as the funder report has it). */
export function lastYearOf(range: DateRange): DateRange {
  return { from: sameDateLastYear(range.from), to: sameDateLastYear(range.to) };
}

/** Today's date where the browser is. */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Counters every tablet has, whatever its preset: named here as the tablet names them. */
const BUILT_IN: readonly Counter[] = withVolunteerCounters({ counters: [] }).counters;

/**
 * What a counter is called and what kind it is: the site's own preset first, then any preset
 * that has it, then the counters every tablet has. An id no preset knows is an activity named
 * by its id (a lead's own counter: the tablet uploads ids, never names).
 */
export function counterFor(id: string, site?: string): Counter {
  const own = site === undefined ? undefined : presetById(site);
  const found =
    own?.counters.find((counter) => counter.id === id) ??
    PRESETS.flatMap((preset) => preset.counters).find((counter) => counter.id === id) ??
    BUILT_IN.find((counter) => counter.id === id);
  if (found) return found;
  return { id, kind: id === VISIT_COUNTER ? 'visit' : 'activity', name: { nb: id }, byHour: false };
}

/** A counter's Norwegian name. */
export const counterName = (id: string, site?: string): string => counterFor(id, site).name.nb;

const kindOf = (id: string, site?: string): CounterKind => counterFor(id, site).kind;

// Counters with a place of their own in the figures, never summed as an activity.
const NOT_ACTIVITIES = new Set([VOLUNTEERS_COUNTER, VOLUNTEER_MINUTES_COUNTER, USER_VOICE_COUNTER]);

/** A site's headline figures over some days; undefined where the days have no such counter. */
export interface Headline {
  visits: number | undefined;
  meals: number | undefined;
  activities: number | undefined;
  volunteerHours: number | undefined;
}

export const HEADLINES = ['visits', 'meals', 'activities', 'volunteerHours'] as const;
export type HeadlineKey = (typeof HEADLINES)[number];

/** A total as a day (SiteDay) or a period's sums (SiteSumsAnswer) hold it: sums have no hour. */
interface HeadlineTotal {
  counter: string;
  option?: string | undefined;
  hour?: number | undefined;
  net: number;
}

/**
 * Visits, meals, activities and volunteer hours over `readings` (whole-day totals only): a
 * site's days, or its sums over a period, or several sites' together.
 */
export function headline(
  readings: readonly { readonly totals: readonly HeadlineTotal[] }[],
  site?: string,
): Headline {
  const sums: Partial<Record<HeadlineKey, number>> = {};
  const add = (key: HeadlineKey, value: number) => (sums[key] = (sums[key] ?? 0) + value);
  for (const reading of readings) {
    for (const total of reading.totals) {
      if (total.option !== undefined || total.hour !== undefined) continue;
      if (total.counter === VISIT_COUNTER) add('visits', total.net);
      else if (total.counter === VOLUNTEER_MINUTES_COUNTER) add('volunteerHours', total.net / 60);
      else if (NOT_ACTIVITIES.has(total.counter)) continue;
      else if (kindOf(total.counter, site) === 'meal') add('meals', total.net);
      else if (kindOf(total.counter, site) === 'activity') add('activities', total.net);
    }
  }
  return {
    visits: sums.visits,
    meals: sums.meals,
    activities: sums.activities,
    volunteerHours: sums.volunteerHours,
  };
}

/** Every counter with a whole-day total in `days`, visits first, then by name. */
export function countersIn(days: readonly SiteDay[], site?: string): string[] {
  const ids = new Set<string>();
  for (const day of days) for (const total of day.totals) ids.add(total.counter);
  return [...ids].sort((a, b) =>
    a === VISIT_COUNTER
      ? -1
      : b === VISIT_COUNTER
        ? 1
        : counterName(a, site).localeCompare(counterName(b, site), 'nb'),
  );
}

/** A counter's whole-day net on each day that has it. */
export function dailyNet(
  days: readonly SiteDay[],
  counter: string,
): Array<{ date: IsoDate; net: number }> {
  return days.map((day) => ({
    date: day.date,
    net:
      day.totals.find(
        (total) =>
          total.counter === counter && total.option === undefined && total.hour === undefined,
      )?.net ?? 0,
  }));
}

/** Several sites' days as one: each date's totals summed key by key, dates in order. */
export function mergeSites(sites: ReadonlyArray<readonly SiteDay[]>): SiteDay[] {
  const byDate = new Map<IsoDate, SiteDay[]>();
  for (const days of sites) {
    for (const day of days) byDate.set(day.date, [...(byDate.get(day.date) ?? []), day]);
  }
  return [...byDate.keys()].sort().map((date) => {
    const list = byDate.get(date)!;
    return {
      date,
      replicas: list.reduce((sum, day) => sum + day.replicas, 0),
      closed: list.every((day) => day.closed),
      totals: sumTotals(list),
    };
  });
}

/**
 * The configuration the funder report reads a site (or several together) by: the site's preset
 * when it is one (its questions and counters' names), and every counter its days have. No
 * opening hours: the endpoint does not know them, so the report leaves the figures that need
 * them to the tablet (the page says so) and lists no programme.
 */
export function reportConfig(
  name: string,
  days: readonly SiteDay[],
  sites: readonly string[],
): SiteConfig {
  const site = sites.length === 1 ? sites[0] : undefined;
  const presets = sites.flatMap((slug) => presetById(slug) ?? []);
  const preset = site === undefined ? undefined : presetById(site);
  const base = preset ?? PRESETS[0]!;
  const counters = [...(preset?.counters ?? [])];
  for (const id of countersIn(days, site)) {
    if (!counters.some((counter) => counter.id === id)) counters.push(counterFor(id, site));
  }
  if (!counters.some((counter) => counter.id === VISIT_COUNTER)) {
    counters.unshift(counterFor(VISIT_COUNTER, site));
  }
  const counted = new Set(days.flatMap((day) => day.totals.map((total) => total.counter)));
  // A ready-made question any of the sites' presets asks, or whose answers the days hold.
  const asked = READY_QUESTIONS.filter(
    (id) => counted.has(id) || presets.some((one) => one.questions?.ready.includes(id) ?? false),
  );
  const userVoice =
    counted.has(USER_VOICE_COUNTER) || presets.some((one) => (one.userVoice ?? 'off') !== 'off');
  return {
    ...base,
    site: site ?? base.site,
    name,
    counters: withVolunteerCounters({ counters }).counters,
    questions: preset?.questions ?? { ready: asked },
    userVoice: preset?.userVoice ?? (userVoice ? 'checkout' : 'off'),
    openingHours: [],
    openDates: [],
    closedDates: [],
    schedule: [],
  };
}
