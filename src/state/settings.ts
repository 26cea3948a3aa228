/**
 * The lead's settings: every change to the site configuration, the configuration file and the
 * *Ord for dagen* plan. It owns the rules that each save is schema-validated through
 * `saveConfig`, that a door made useless is refused with a reason, that ids are fixed slugs
 * made once. The *Ord for dagen* plan files are word-plan.ts's.
 */
import type { MessageKey, Params } from '../i18n/index.ts';
import type { Counter, SiteConfig } from '../shared/site-config.ts';
import { describeIssue, type FieldProblem, type ZodIssueLike } from './export.ts';
import type { KioskStore } from './kiosk-store.ts';
import { saveConfig } from './site-config.ts';

/** A refusal the lead reads: a message key and what fills it in. */
export interface Refusal {
  key: MessageKey;
  params?: Params;
}

export type SettingsOutcome = { ok: true; config: SiteConfig } | { ok: false; refusal: Refusal };

/** The first schema issue of a refused value, as a refusal under `key`. */
export function schemaRefusal(error: unknown, key: MessageKey): Refusal {
  const issue = (error as { issues?: ZodIssueLike[] }).issues?.[0];
  if (issue === undefined) return { key: 'staff.closing.failed' };
  // The field stays a dotted path here: the screen names it with its own labels.
  const described = describeIssue(issue);
  return { key, params: { field: described.field, ...problemParam(described) } };
}

/** The message of each kind of field problem in an imported file (config or backup). */
export const PROBLEM_KEYS: Record<Exclude<FieldProblem, 'custom'>, MessageKey> = {
  missing: 'staff.backup.issue.missing',
  type: 'staff.backup.issue.type',
  format: 'staff.backup.issue.format',
  'too-small': 'staff.backup.issue.tooSmall',
  'too-big': 'staff.backup.issue.tooBig',
  'unknown-field': 'staff.backup.issue.unknownField',
  value: 'staff.backup.issue.value',
};

/** The problem of a field as a message key (`problemKey`) or our own Norwegian detail. */
function problemParam(described: { fieldProblem: FieldProblem; detail?: string }): Params {
  return described.fieldProblem === 'custom'
    ? { problem: described.detail ?? 'er ugyldig' }
    : { problemKey: PROBLEM_KEYS[described.fieldProblem] };
}

/** A fixed ASCII id from a display name: "Øreakupunktur" → "oreakupunktur", never taken twice. */
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

function withIds<T extends { id: string }>(items: T[], nameOf: (item: T) => string): T[] {
  const taken = items.map((item) => item.id).filter(Boolean);
  return items.map((item) => {
    if (item.id !== '') return item;
    const id = slugFor(nameOf(item), taken);
    taken.push(id);
    return { ...item, id };
  });
}

/**
 * What the editor's draft becomes before validation: new items (id '') get their slug from
 * their name, opening hours without days are dropped, an answer that refines visits is also
 * a visit option, and a place with a capacity counts check-outs.
 */
export function prepareConfig(draft: SiteConfig): SiteConfig {
  let counters = withIds(draft.counters, (counter) => counter.name.nb).map((counter) =>
    counter.options ? { ...counter, options: withIds(counter.options, (o) => o.name.nb) } : counter,
  );
  const question = draft.question && {
    ...draft.question,
    options: withIds(draft.question.options, (option) => option.label.nb),
  };
  const answers = question?.options.filter((option) => option.countsAs === undefined) ?? [];
  counters = counters.map((counter) => {
    if (counter.id !== 'visit') return counter;
    const options = [...(counter.options ?? [])];
    for (const answer of answers) {
      if (!options.some((option) => option.id === answer.id)) {
        options.push({ id: answer.id, name: answer.label });
      }
    }
    return options.length > 0 ? { ...counter, options } : counter;
  });
  if (draft.capacity !== undefined && !counters.some((counter) => counter.kind === 'checkout')) {
    counters.push({ id: 'checkout', kind: 'checkout', name: { nb: 'Sjekket ut' }, byHour: true });
  }
  const prepared: SiteConfig = {
    ...draft,
    openingHours: draft.openingHours.filter((hours) => hours.weekdays.length > 0),
    closedDates: draft.closedDates.filter(Boolean),
    openDates: draft.openDates.filter(Boolean),
    schedule: withIds(draft.schedule, (item) => item.title.nb),
    counters,
  };
  if (question) prepared.question = question;
  return prepared;
}

/**
 * Why a configuration would make the door useless, in words the lead can act on. It may be
 * given an unchecked file's JSON, so it reads defensively; the schema has the last word.
 */
export function doorProblem(config: SiteConfig): Refusal | undefined {
  if (config.openingHours?.length === 0) return { key: 'staff.settings.noOpeningDay' };
  const unnamed =
    config.counters?.findIndex?.((counter: Counter) => !counter?.name?.nb?.trim?.()) ?? -1;
  if (unnamed >= 0) return { key: 'staff.settings.unnamedCounter', params: { n: unnamed + 1 } };
  if (config.capacity !== undefined && !(config.capacity >= 1)) {
    return { key: 'staff.settings.capacityZero' };
  }
  return undefined;
}

/** Saves through the schema and puts it on the door; a refused one changes nothing. */
async function saveChecked(store: KioskStore, candidate: SiteConfig): Promise<SettingsOutcome> {
  const refusal = doorProblem(candidate);
  if (refusal) return { ok: false, refusal };
  // Checked here with the input kept, so a refusal can tell a missing field from a wrong one.
  const { siteConfigSchema } = await import('../shared/site-config.ts');
  const checked = siteConfigSchema.safeParse(candidate, { reportInput: true });
  if (!checked.success) {
    return { ok: false, refusal: schemaRefusal(checked.error, 'staff.settings.invalid') };
  }
  try {
    const saved = await saveConfig(candidate);
    store.setConfig(saved);
    return { ok: true, config: saved };
  } catch (error) {
    return { ok: false, refusal: schemaRefusal(error, 'staff.settings.invalid') };
  }
}

/** Validates and saves the editor's draft. */
export function applySettings(store: KioskStore, draft: SiteConfig): Promise<SettingsOutcome> {
  return saveChecked(store, prepareConfig(draft));
}

/** The whole configuration as one JSON file, for a second tablet. */
export function configFile(config: SiteConfig): { name: string; type: string; content: string } {
  return {
    name: `terskel-oppsett-${config.site}.json`,
    type: 'application/json',
    content: `${JSON.stringify(config, null, 2)}\n`,
  };
}

/** Takes over a configuration file; one that is not JSON or fails the schema changes nothing. */
export async function importConfigText(store: KioskStore, text: string): Promise<SettingsOutcome> {
  let json: SiteConfig;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as SiteConfig;
  } catch {
    return { ok: false, refusal: { key: 'staff.backup.notJson' } };
  }
  return saveChecked(store, json ?? {});
}
