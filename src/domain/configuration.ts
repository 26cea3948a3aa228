/**
 * Owns what the settings editor's draft becomes before the schema checks it (new ids made
 * once, neutral, empty rows dropped, the counter a capacity implies), and the migration of a
 * stored or imported configuration to the current schema. Pure but for the new ids' randomness: a
 * configuration in, a new one out; it never validates, stores or rejects.
 */
import type { CheckInQuestion, SiteConfig } from '../shared/site-config';
import { READY_QUESTION_OPTIONS } from './door-questions';
import { withVolunteerCounters } from './volunteer-hours';
import { FIRST_TIME_COUNTER, LEGACY_FIRST_TIME, LEGACY_RETURNING } from './first-time';

// The ready-made questions' counter ids: the site's own question never takes one.
const READY_IDS = Object.keys(READY_QUESTION_OPTIONS);

/**
 * A fixed ASCII id from a display name: "Øreakupunktur" → "oreakupunktur", never taken twice.
 * Only a v1 configuration's question gets one (the same on every read); new items get `neutralId`.
 */
export function slugFor(name: string, taken: readonly string[], fallback = 'punkt'): string {
  const base =
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || fallback;
  let slug = base;
  for (let n = 2; taken.includes(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * A neutral id ("t-" and random base-36), never taken twice: ids are uploaded with every count,
 * so an id never carries what the lead typed (a person's name, say). Random, so a deleted
 * item's counts never pass to a new one.
 */
export function neutralId(taken: string[]): string {
  let id;
  do id = 't-' + Math.random().toString(36).slice(2, 8);
  while (taken.includes(id));
  taken.push(id);
  return id;
}

/** Items with an id; a new item (id '') gets a neutral one, unlike any other's. */
function withIds<T extends { id: string }>(items: T[]): T[] {
  const taken = items.map((item) => item.id);
  return items.map((item) => (item.id ? item : { ...item, id: neutralId(taken) }));
}

/**
 * What the editor's draft becomes before validation: new items (id '') get a neutral id
 * (the site's own question one that is never a counter's id), opening hours
 * without days and empty dates are dropped, a place with a capacity counts check-outs, and every site
 * has the volunteer counters (`frivillige`, `frivillig-minutter`).
 */
export function prepareConfig(draft: SiteConfig): SiteConfig {
  const counters = withIds(draft.counters).map((counter) =>
    counter.options ? { ...counter, options: withIds(counter.options) } : counter,
  );
  if (draft.capacity !== undefined && !counters.some((counter) => counter.kind === 'checkout')) {
    counters.push({ id: 'checkout', kind: 'checkout', name: { nb: 'Sjekket ut' }, byHour: true });
  }
  const prepared: SiteConfig = {
    ...draft,
    openingHours: draft.openingHours.filter((hours) => hours.weekdays.length > 0),
    closedDates: draft.closedDates.filter(Boolean),
    openDates: draft.openDates.filter(Boolean),
    schedule: withIds(draft.schedule),
    counters: withVolunteerCounters({ counters }).counters,
  };
  const own = draft.questions?.own;
  if (draft.questions && own) {
    const taken = [...counters.map((counter) => counter.id), ...READY_IDS];
    prepared.questions = {
      ...draft.questions,
      own: {
        ...own,
        id: own.id || neutralId(taken),
        options: withIds(own.options),
      },
    };
  }
  return prepared;
}

/** Whether a v1 question is the first-time/returning one (then the ready-made replaces it). */
function isLegacyFirstTime(question: CheckInQuestion): boolean {
  const ids = question.options.map((option) => option.id);
  return ids.includes(LEGACY_FIRST_TIME) && ids.includes(LEGACY_RETURNING);
}

/**
 * A stored or imported configuration in the current schema (v2): a v1 one's single `question`
 * becomes the first-time question when it was the first-time/returning one, else the site's
 * own question (its answers and `countsAs` kept, its id made from its text). Anything that is
 * not a v1 configuration is returned as it is, for the schema to judge. Pure.
 */
export function migrateConfig(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  const v1 = stored as { schema?: unknown; question?: CheckInQuestion; counters?: unknown };
  if (v1.schema !== 1) return stored;
  const { question, ...rest } = v1;
  const migrated: Record<string, unknown> = { ...rest, schema: 2 };
  if (question?.text && Array.isArray(question.options)) {
    if (isLegacyFirstTime(question)) {
      migrated.questions = { ready: [FIRST_TIME_COUNTER] };
    } else {
      const counters = Array.isArray(v1.counters) ? (v1.counters as Array<{ id?: unknown }>) : [];
      const taken = [...counters.map((counter) => String(counter?.id)), ...READY_IDS];
      migrated.questions = {
        own: { id: slugFor(question.text.nb, taken, 'sporsmal'), ...question },
        ready: [],
      };
    }
  }
  return migrated;
}
