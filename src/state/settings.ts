/**
 * The lead's settings: every change to the site configuration, the configuration file and the
 * *Ord for dagen* plan. It owns the rules that each save is schema-validated through
 * `saveConfig`, that a door made useless is refused with a reason, that ids are fixed slugs
 * made once. The *Ord for dagen* plan files are word-plan.ts's.
 */
import type { MessageKey, Params } from '../i18n/index.ts';
import { PROBLEM_KEYS } from '../i18n/problem-keys.ts';
import { migrateConfig, prepareConfig } from '../domain/configuration.ts';
import type { Counter, SiteConfig } from '../shared/site-config.ts';
import { firstIssue, type FieldProblem } from '../shared/validation-issues.ts';
import { schemaProblem } from './export.ts';
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
  if (firstIssue(error) === undefined) return { key: 'staff.closing.failed' };
  // The field stays a dotted path here: the screen names it with its own labels.
  const described = schemaProblem(error);
  return { key, params: { field: described.field, ...problemParam(described) } };
}

/** The message of each kind of field problem (the one table, i18n's), for staff mode's screens. */
export { PROBLEM_KEYS };

/**
 * The problem of a field as a message key (`problemKey`, with a too long text's `max`) or our
 * own Norwegian detail.
 */
function problemParam(described: {
  fieldProblem: FieldProblem;
  max?: number;
  detail?: string;
}): Params {
  if (described.fieldProblem === 'custom') return { problem: described.detail ?? 'er ugyldig' };
  const problemKey = PROBLEM_KEYS[described.fieldProblem];
  return described.max === undefined ? { problemKey } : { problemKey, max: described.max };
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
  // Held to the texts' limits here, where the lead's input comes in (not on read).
  const { siteConfigInputSchema } = await import('../shared/text-limits.ts');
  const checked = siteConfigInputSchema.safeParse(candidate, { reportInput: true });
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
  // A file from an older version is migrated first (domain/configuration.ts).
  return saveChecked(store, migrateConfig(json ?? {}) as SiteConfig);
}
