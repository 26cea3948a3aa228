/**
 * The rules of a coordinator's edits to a site's programme and *Ord for dagen* plan, apart from
 * the page: what the edits are against the version they were made from, whether they can be put
 * on top of a version published meanwhile (only when no programme item or plan day was changed
 * on both sides), and what the shared schemas find wrong with the result, by field, in the
 * project's Norwegian words. Pure: nothing here asks the endpoint.
 */
import * as z from 'zod/mini';
import { configPublishSchema, type ConfigPublish } from '../shared/config-publication.ts';
import type { ScheduleItem, WordOfDay } from '../shared/site-config.ts';
import { TEXT_LIMITS } from '../shared/text-limits.ts';
import { fieldProblemOf } from '../shared/validation-issues.ts';
import type { PublishedConfig } from '../shared/config-publication.ts';
import { PROBLEM_KEYS } from '../i18n/problem-keys.ts';
import { t } from './format.ts';

/** What the coordinator edits: the programme and the plan, over the rest of a version. */
export interface Draft {
  schedule: ScheduleItem[];
  plan: WordOfDay[];
}

/** The draft a version starts as: its programme, and its plan by date. */
export const draftOf = (published: Pick<PublishedConfig, 'config' | 'plan'>): Draft => ({
  schedule: published.config.schedule,
  plan: [...published.plan].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
});

/** Whether two values are the same data (key order aside, as JSON never promises it). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) =>
      same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** Whether the draft differs from the version it was made from. */
export const edited = (base: PublishedConfig, draft: Draft): boolean => !same(draftOf(base), draft);

/** What a publish sends: the version's configuration with the draft's programme, and the plan. */
export const publishOf = (base: PublishedConfig, draft: Draft): ConfigPublish => ({
  baseVersion: base.version,
  config: { ...base.config, schedule: draft.schedule },
  plan: draft.plan,
});

/** One thing changed on one side: a programme item by id, or a plan day by date. */
interface Keyed<T> {
  key: string;
  value: T | undefined;
}

/** What changed from `base` to `next`, by key: a value, or `undefined` for removed. */
function changes<T>(base: T[], next: T[], keyOf: (one: T) => string): Keyed<T>[] {
  const before = new Map(base.map((one) => [keyOf(one), one]));
  const after = new Map(next.map((one) => [keyOf(one), one]));
  const changed: Keyed<T>[] = [];
  for (const [key, value] of after) {
    if (!same(before.get(key), value)) changed.push({ key, value });
  }
  for (const key of before.keys()) if (!after.has(key)) changed.push({ key, value: undefined });
  return changed;
}

/** `current` with `edits` put on it: changed ones in place, removed ones out, new ones last. */
function applied<T>(current: T[], edits: Keyed<T>[], keyOf: (one: T) => string): T[] {
  const byKey = new Map(edits.map((edit) => [edit.key, edit.value]));
  const result = current.flatMap((one) => {
    const key = keyOf(one);
    if (!byKey.has(key)) return [one];
    const value = byKey.get(key);
    return value === undefined ? [] : [value];
  });
  const present = new Set(current.map(keyOf));
  for (const edit of edits) {
    if (!present.has(edit.key) && edit.value !== undefined) result.push(edit.value);
  }
  return result;
}

/** What is edited on both sides, named for the coordinator: a programme item's or a day's. */
export type Clash = { kind: 'item'; title: string } | { kind: 'day'; date: string };

/**
 * The draft's edits put on top of the version published meanwhile. They are put on only when
 * simple: no programme item (by id) and no plan day (by date) was changed both in the draft and
 * in the new version; otherwise the clashes are named, and the coordinator redoes their edits.
 */
export function rebase(
  base: PublishedConfig,
  draft: Draft,
  current: PublishedConfig,
): { ok: true; draft: Draft } | { ok: false; clashes: Clash[] } {
  const from = draftOf(base);
  const to = draftOf(current);
  const itemId = (item: ScheduleItem) => item.id;
  const day = (word: WordOfDay) => word.date;
  const mine = {
    schedule: changes(from.schedule, draft.schedule, itemId),
    plan: changes(from.plan, draft.plan, day),
  };
  const theirs = {
    schedule: new Set(changes(from.schedule, to.schedule, itemId).map((edit) => edit.key)),
    plan: new Set(changes(from.plan, to.plan, day).map((edit) => edit.key)),
  };
  const titleOf = (id: string) =>
    [...draft.schedule, ...from.schedule, ...to.schedule].find((item) => item.id === id)?.title
      .nb || id;
  const clashes: Clash[] = [
    ...mine.schedule
      .filter((edit) => theirs.schedule.has(edit.key))
      .map((edit) => ({ kind: 'item' as const, title: titleOf(edit.key) })),
    ...mine.plan
      .filter((edit) => theirs.plan.has(edit.key))
      .map((edit) => ({ kind: 'day' as const, date: edit.key })),
  ];
  if (clashes.length > 0) return { ok: false, clashes };
  return {
    ok: true,
    draft: {
      schedule: applied(to.schedule, mine.schedule, itemId),
      plan: draftOf({ config: current.config, plan: applied(to.plan, mine.plan, day) }).plan,
    },
  };
}

/** A problem found before sending, on a field of the draft. */
export interface FieldIssue {
  /**
   * The field it is on, as the page names its fields: `schedule.0.title`, `schedule.0.weekdays`,
   * `schedule.0` (the item as a whole), `plan.3.date`; or the configuration's own dotted path
   * (`config.counters.0.name`) for a part the page does not show.
   */
  field: string;
  /** The problem in Norwegian, as the field's description reads it. */
  text: string;
}

/**
 * A publish's path (`config.schedule.0.title.nb`, `plan.3.date`) as the page's field: the
 * programme's and plan's fields by index, a title's translation on the title itself.
 */
export function fieldOf(path: string): string {
  const schedule = /^config\.schedule\.(\d+)(?:\.(\w+))?/.exec(path);
  if (schedule)
    return schedule[2] ? `schedule.${schedule[1]}.${schedule[2]}` : `schedule.${schedule[1]}`;
  const plan = /^plan\.(\d+)(?:\.(\w+))?/.exec(path);
  if (plan) return plan[2] ? `plan.${plan[1]}.${plan[2]}` : `plan.${plan[1]}`;
  return path;
}

// A programme title is at most two lines of today's card on the door: the limit the tablet's
// settings hold new input to (TEXT_LIMITS). Only the titles are typed here.
const publishInputSchema = configPublishSchema.check(
  z.superRefine((publish, ctx) => {
    publish.config.schedule.forEach((item, i) => {
      for (const [language, text] of Object.entries(item.title)) {
        if (text !== undefined && text.length > TEXT_LIMITS.title) {
          ctx.issues.push({
            code: 'too_big',
            origin: 'string',
            maximum: TEXT_LIMITS.title,
            inclusive: true,
            input: text,
            path: ['config', 'schedule', i, 'title', language],
          });
        }
      }
    });
  }),
);

/** What the shared schemas find wrong with a publish, by field; none when it may be sent. */
export function issuesOf(publish: ConfigPublish): FieldIssue[] {
  const checked = publishInputSchema.safeParse(publish, { reportInput: true });
  if (checked.success) return [];
  return checked.error.issues.map((issue) => {
    const described = fieldProblemOf(issue);
    const field = fieldOf(described.field);
    if (/^schedule\.\d+\.weekdays$/.test(field) && described.fieldProblem === 'too-small') {
      return { field, text: t('dash.config.problem.noWeekday') };
    }
    // The plan's own rule is worded in English for the endpoint's answer.
    if (/^plan\.\d+\.date$/.test(field) && described.fieldProblem === 'custom') {
      return { field, text: t('dash.config.problem.sameDate') };
    }
    // A message written into the schema ("kan ikke være tom", "må være TT:MM") says more than
    // a kind of problem; the schemas' own messages are Norwegian.
    const own = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
    const text =
      described.fieldProblem === 'custom'
        ? (described.detail ?? t('staff.backup.issue.invalid'))
        : described.fieldProblem === 'too-long'
          ? t(PROBLEM_KEYS['too-long'], { max: described.max ?? 0 })
          : (own ?? t(PROBLEM_KEYS[described.fieldProblem]));
    return { field, text };
  });
}
