/**
 * Device settings in idb-keyval (site config, pairing, PIN hashes): the storage layer's
 * light face, importable without Dexie so the door can paint before the database opens.
 * Every value read passes its schema (setting-schemas.ts): callers get typed values, and a
 * garbled one reads as never written, with its problem reported.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { SiteConfig } from '../shared/site-config.ts';
import type { Restored, SettingKey, SettingProblem, SettingValue } from './setting-schemas.ts';

export type {
  Restored,
  SettingKey,
  SettingProblem,
  SettingValue,
  SyncError,
} from './setting-schemas.ts';

let store: UseStore | undefined;
function settingsStore(): UseStore {
  store ??= createStore('terskel-settings', 'settings');
  return store;
}

/** Reads a setting through its schema: the value, or undefined and the problem if garbled. */
export async function restoreSetting<K extends SettingKey>(key: K): Promise<Restored<K>> {
  const [stored, { restore }] = await Promise.all([
    get<unknown>(key, settingsStore()),
    import('./setting-schemas.ts'),
  ]);
  return restore(key, stored);
}

/** Reads a setting; undefined when it was never written or fails its schema (then reported). */
export async function readSetting<K extends SettingKey>(
  key: K,
): Promise<SettingValue<K> | undefined> {
  const { value, problem } = await restoreSetting(key);
  if (problem) reportProblem(problem);
  return value;
}

// A garbled setting is read as its default; the console keeps the why for whoever debugs it.
function reportProblem(problem: SettingProblem): void {
  console.warn(`setting ${problem.key} is garbled at '${problem.path}': ${problem.message}`);
}

export function writeSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
  return set(key, value, settingsStore());
}

export function removeSetting(key: SettingKey): Promise<void> {
  return del(key, settingsStore());
}

const PAINT_KEY = 'terskel:paint-config';
const OFFSET_SPAN_KEY = 'terskel:offset-span';

/** A JSON value kept in localStorage, synchronously readable at start-up; undefined if none. */
function readCopy(key: string): unknown {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function writeCopy(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // A full or blocked localStorage only costs the next start-up this shortcut.
  }
}

/**
 * The last known good configuration, kept synchronously readable for the first paint; undefined
 * when there is none or it is garbled. Only its shape is checked here (zod is not loaded yet):
 * the stored configuration is parsed in full once the door has painted.
 */
export function readPaintCopy(): SiteConfig | undefined {
  const copy = readCopy(PAINT_KEY) as Partial<SiteConfig> | undefined;
  const looksLikeConfig =
    typeof copy === 'object' &&
    copy !== null &&
    // Schema 2, or a copy of schema 1 (written before the update): it paints the door, which
    // asks no questions until the stored configuration, migrated on read, replaces it.
    (copy.schema as unknown as number) <= 2 &&
    typeof copy.name === 'string' &&
    Array.isArray(copy.counters) &&
    Array.isArray(copy.schedule) &&
    Array.isArray(copy.openingHours);
  return looksLikeConfig ? (copy as SiteConfig) : undefined;
}
export const writePaintCopy = (config: SiteConfig): void => writeCopy(PAINT_KEY, config);

/** The site zone's offset span (domain/business-day.ts), for the next cold start's first tap. */
export const readOffsetSpanCopy = (): unknown => readCopy(OFFSET_SPAN_KEY);
export const writeOffsetSpanCopy = (span: unknown): void => writeCopy(OFFSET_SPAN_KEY, span);

const REPLICA_COPY_KEY = 'terskel:replica';

/**
 * The database's replica id as last opened, readable synchronously: the door's first tap is
 * written under it before the database has been read (the write checks it inside its own
 * transaction and falls back to the full path if the database has another).
 */
export function readReplicaCopy(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(REPLICA_COPY_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeReplicaCopy(replica: string): void {
  try {
    globalThis.localStorage?.setItem(REPLICA_COPY_KEY, replica);
  } catch {
    // Without it the first tap reads the id from the database first.
  }
}
