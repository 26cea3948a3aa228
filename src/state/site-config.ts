/**
 * Which site configuration the kiosk runs on. The first paint reads the last known good
 * copy synchronously (no zod); the stored one is validated once zod has loaded, and a
 * corrupt one falls back to the preset and says so in staff mode — it never blanks the door.
 */
import type { SiteConfig } from '../shared/site-config.ts';
import {
  readPaintCopy,
  restoreSetting,
  writePaintCopy,
  writeSetting,
} from '../storage/settings.ts';

/**
 * The preset a fresh tablet starts with until settings exist. Loaded when needed: a tablet
 * that has been set up paints from its copy, so no preset is part of the first-paint code
 * (and the list of all five loads only with the first-run set-up).
 */
export const loadDefaultPreset = (): Promise<SiteConfig> =>
  import('../domain/presets/default-preset.ts').then((preset) => preset.defaultPreset);

/**
 * The last known good configuration, readable before anything asynchronous has run; undefined
 * on a fresh tablet or when the copy is garbled (then the door paints with the preset).
 */
export function paintCopyConfig(): SiteConfig | undefined {
  return readPaintCopy();
}

export interface LoadedConfig {
  config: SiteConfig;
  /** Set when a stored configuration existed but failed validation. */
  invalid?: string;
}

/**
 * Reads and validates the stored configuration. Every site has the volunteer counters it
 * implies (`frivillige`, `frivillig-minutter`), also one stored before they were implied.
 */
export async function loadConfig(): Promise<LoadedConfig> {
  // The stored value is migrated on read, volunteer counters included (setting-schemas.ts).
  const { value, problem } = await restoreSetting('config');
  if (problem) {
    return { config: await loadDefaultPreset(), invalid: `${problem.path}: ${problem.message}` };
  }
  if (value === undefined) return { config: await loadDefaultPreset() };
  writePaintCopy(value);
  return { config: value };
}

/** Validates and stores a configuration; throws the validation error unchanged. */
export async function saveConfig(candidate: unknown): Promise<SiteConfig> {
  const { siteConfigSchema } = await import('../shared/site-config.ts');
  const config = siteConfigSchema.parse(candidate);
  await writeSetting('config', config);
  writePaintCopy(config);
  return config;
}
