/**
 * What a settings section's save changed, in the lead's words: "Åpningstider (mandag)",
 * "Middag: pris 60 → 70 kr". Compares two configurations over the section's own properties;
 * it never decides what is stored.
 */
import type { Translator } from '../../../i18n/index.ts';
import type { Counter, OpeningHours, SiteConfig } from '../../../shared/site-config.ts';
import type { Choices, Spec } from './fields.tsx';

/** The properties a settings section edits and saves, and nothing else. */
export type SectionProps = readonly (keyof SiteConfig)[];

/** The value as JSON with its keys sorted: the schema's parse may reorder an object's keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Whether `draft` differs from `saved` in any of these properties. */
export function differs(saved: SiteConfig, draft: SiteConfig, props: SectionProps): boolean {
  return props.some((prop) => !same(saved[prop], draft[prop]));
}

/** A value as the lead sees it in the form: a choice by its label, lists joined, nothing as a dash. */
function shown(value: unknown, choices: Choices = [], single = false): string {
  // A select with no value shows its first choice ("Ikke spør"), so the summary says that too.
  if ((value === undefined || value === '') && single && choices[0]) return choices[0][1];
  if (value === undefined || value === '') return '–';
  const named = (one: unknown) => choices.find(([choice]) => choice === one)?.[1] ?? String(one);
  if (Array.isArray(value)) return value.map(named).join(', ') || '–';
  if (typeof value === 'object' && value !== null && 'nb' in value) return String(value.nb);
  return named(value);
}

/** The weekdays (1 = Monday) whose opening hours differ between the two lists. */
function changedWeekdays(
  before: readonly OpeningHours[],
  after: readonly OpeningHours[],
): number[] {
  const hoursOn = (list: readonly OpeningHours[], day: number) =>
    list
      .filter((hours) => hours.weekdays.includes(day))
      .map((hours) => `${hours.open}-${hours.close}`)
      .sort();
  return [1, 2, 3, 4, 5, 6, 7].filter((day) => !same(hoursOn(before, day), hoursOn(after, day)));
}

function weekdayName(language: string, day: number): string {
  // 2026-11-22 is a Sunday, so day 1 lands on Monday the 23rd.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 22 + day)),
  );
}

function counterChanges(
  { t }: Translator,
  before: readonly Counter[],
  after: readonly Counter[],
): string[] {
  const name = (counter: Counter) => counter.name.nb;
  const changes: string[] = [];
  for (const counter of after) {
    const old = before.find((other) => other.id !== '' && other.id === counter.id);
    if (old === undefined) {
      changes.push(t('staff.settings.change.added', { what: name(counter) }));
      continue;
    }
    if (same(old, counter)) continue;
    const { priceNok: oldPrice, ...oldRest } = old;
    const { priceNok: newPrice, ...newRest } = counter;
    if (oldPrice !== newPrice) {
      changes.push(
        t('staff.settings.change.price', {
          what: name(counter),
          from: oldPrice ?? 0,
          to: newPrice ?? 0,
        }),
      );
    }
    if (!same(oldRest, newRest))
      changes.push(t('staff.settings.change.item', { what: name(counter) }));
  }
  for (const counter of before) {
    if (!after.some((other) => other.id === counter.id)) {
      changes.push(t('staff.settings.change.removed', { what: name(counter) }));
    }
  }
  return changes;
}

/** One phrase per change from `before` to `after` in these properties, labelled as the form is. */
export function describeChanges(
  translator: Translator,
  before: SiteConfig,
  after: SiteConfig,
  props: SectionProps,
  specs: readonly Spec<SiteConfig>[],
): string[] {
  const { t, language } = translator;
  return props.flatMap((prop) => {
    const from = before[prop];
    const to = after[prop];
    if (same(from, to)) return [];
    const spec = specs.find(([specProp]) => specProp === prop);
    const label = t(spec?.[1] ?? 'staff.nav.settings');
    const kind: unknown = spec?.[2];
    const single = typeof kind === 'object' && kind !== null && 'choose' in kind;
    const choices =
      typeof kind === 'object' && kind !== null
        ? 'choose' in kind
          ? (kind.choose as Choices)
          : 'set' in kind
            ? (kind.set as Choices)
            : undefined
        : undefined;
    if (prop === 'openingHours') {
      const days = changedWeekdays(before.openingHours, after.openingHours);
      return [
        days.length === 0
          ? label
          : t('staff.settings.change.days', {
              field: label,
              days: days.map((day) => weekdayName(language, day)).join(', '),
            }),
      ];
    }
    if (prop === 'counters') {
      const changes = counterChanges(translator, before.counters, after.counters);
      return changes.length > 0 ? changes : [label];
    }
    const scalar = (value: unknown) =>
      value === undefined ||
      typeof value !== 'object' ||
      (Array.isArray(value) && value.every((item) => typeof item !== 'object'));
    return scalar(from) && scalar(to)
      ? [
          t('staff.settings.change.value', {
            field: label,
            from: shown(from, choices, single),
            to: shown(to, choices, single),
          }),
        ]
      : [label];
  });
}
