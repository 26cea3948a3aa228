/**
 * Device settings in idb-keyval (site config, pairing, PIN hashes): the storage layer's
 * light face, importable without Dexie so the door can paint before the database opens.
 * Values are returned raw: callers validate them before use.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export const SETTING_KEYS = [
  'config',
  'device',
  'sync',
  'syncStatus',
  'pins',
  'lock',
  'ui',
  // This database's replica id, remembered beside the pairing to notice a reset database.
  'replica',
  // When a file last left the tablet (a CSV or a backup): the self-test shows it.
  'lastExport',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

let store: UseStore | undefined;
function settingsStore(): UseStore {
  store ??= createStore('terskel-settings', 'settings');
  return store;
}

/** Reads a raw setting; undefined when it was never written. */
export function readSetting(key: SettingKey): Promise<unknown> {
  return get(key, settingsStore());
}

export function writeSetting(key: SettingKey, value: unknown): Promise<void> {
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

/** The last known good configuration, kept synchronously readable for the first paint. */
export const readPaintCopy = (): unknown => readCopy(PAINT_KEY);
export const writePaintCopy = (value: unknown): void => writeCopy(PAINT_KEY, value);

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
