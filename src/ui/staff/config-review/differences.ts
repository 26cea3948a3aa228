/**
 * What differs between this tablet's site profile and the endpoint's, in a short list the lead
 * reads: the name, opening hours, programme items and counters (only here, only there,
 * changed), the questions, the languages. Not a JSON diff: a field the lead cannot act on
 * (this tablet's own staff timeout and retention) is never named.
 */
import { withVolunteerCounters } from '../../../domain/volunteer-hours.ts';
import type { MessageKey, Params, Translator } from '../../../i18n/index.ts';
import type { OpeningHours, SiteConfig } from '../../../shared/site-config.ts';

/** The value as JSON with its keys sorted: a parse may reorder an object's keys. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** One difference: its message and what fills it in. */
export interface Difference {
  key: MessageKey;
  params?: Params;
}

/** Items with an id and a bokmål name: the ones only on one side, and those changed. */
function byId<T extends { id: string }>(
  ours: readonly T[],
  theirs: readonly T[],
  name: (item: T) => string,
  keys: readonly [MessageKey, MessageKey, MessageKey],
): Difference[] {
  const [added, removed, changed] = keys;
  const out: Difference[] = [];
  for (const item of theirs) {
    const own = ours.find((other) => other.id === item.id);
    if (!own) out.push({ key: added, params: { what: name(item) } });
    else if (!same(own, item)) out.push({ key: changed, params: { what: name(item) } });
  }
  for (const item of ours) {
    if (!theirs.some((other) => other.id === item.id)) {
      out.push({ key: removed, params: { what: name(item) } });
    }
  }
  return out;
}

/** Opening hours as "mandag, tirsdag 10:00–15:00; …" in the lead's language. */
function hoursText(language: string, hours: readonly OpeningHours[]): string {
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  // 2026-11-22 is a Sunday, so day 1 lands on Monday the 23rd.
  const day = (n: number) => weekday.format(new Date(Date.UTC(2026, 10, 22 + n)));
  return hours
    .map((entry) => `${entry.weekdays.map(day).join(', ')} ${entry.open}–${entry.close}`)
    .join('; ');
}

export function differences(
  { t, language }: Translator,
  ours: SiteConfig,
  theirs: SiteConfig,
): Difference[] {
  const out: Difference[] = [];
  const differ = (...props: (keyof SiteConfig)[]) =>
    props.some((prop) => !same(ours[prop], theirs[prop]));
  if (differ('name')) {
    out.push({ key: 'config.diff.name', params: { ours: ours.name, theirs: theirs.name } });
  }
  if (differ('openingHours')) {
    out.push({
      key: 'config.diff.hours',
      params: {
        ours: hoursText(language, ours.openingHours),
        theirs: hoursText(language, theirs.openingHours),
      },
    });
  }
  if (differ('observePublicHolidays', 'closedDates', 'openDates')) {
    out.push({ key: 'config.diff.days' });
  }
  out.push(
    ...byId(ours.schedule, theirs.schedule, (item) => item.title.nb, [
      'config.diff.itemAdded',
      'config.diff.itemRemoved',
      'config.diff.itemChanged',
    ]),
    // The volunteer counters every site implies are there on both sides, stored or not.
    ...byId(
      withVolunteerCounters(ours).counters,
      withVolunteerCounters(theirs).counters,
      (counter) => counter.name.nb,
      ['config.diff.counterAdded', 'config.diff.counterRemoved', 'config.diff.counterChanged'],
    ),
  );
  if (differ('questions')) out.push({ key: 'config.diff.questions' });
  if (differ('languages', 'defaultLanguage')) {
    const names = (config: SiteConfig) =>
      config.languages.map((code) => t(`lang.${code}` as MessageKey)).join(', ');
    out.push({
      key: 'config.diff.languages',
      params: { ours: names(ours), theirs: names(theirs) },
    });
  }
  if (differ('timeZone', 'cutoffHour')) out.push({ key: 'config.diff.zone' });
  if (differ('wordOfDay', 'userVoice', 'capacity')) out.push({ key: 'config.diff.door' });
  return out;
}
