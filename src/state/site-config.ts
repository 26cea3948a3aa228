/**
 * Which site configuration the kiosk runs on. The first paint reads the last known good
 * copy synchronously (no zod); the stored one is validated once zod has loaded, and a
 * corrupt one falls back to the preset and says so in staff mode — it never blanks the door.
 */
// The one preset by its own file: the list of all five loads only with the first-run set-up.
import { hjerteromAlta } from '../domain/presets/hjerterom-alta.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import { readPaintCopy, readSetting, writePaintCopy, writeSetting } from '../storage/settings.ts';

/** The preset a fresh tablet starts with until settings exist. */
export const DEFAULT_PRESET: SiteConfig = hjerteromAlta;

function looksLikeConfig(value: unknown): value is SiteConfig {
  const config = value as Partial<SiteConfig> | undefined;
  return (
    typeof config === 'object' &&
    config !== null &&
    config.schema === 1 &&
    typeof config.name === 'string' &&
    Array.isArray(config.counters) &&
    Array.isArray(config.schedule) &&
    Array.isArray(config.openingHours)
  );
}

/** The configuration to paint the door with, before anything asynchronous has run. */
export function paintConfig(): SiteConfig {
  const copy = readPaintCopy();
  return looksLikeConfig(copy) ? copy : DEFAULT_PRESET;
}

export interface LoadedConfig {
  config: SiteConfig;
  /** Set when a stored configuration existed but failed validation. */
  invalid?: string;
}

/** Reads and validates the stored configuration. */
export async function loadConfig(): Promise<LoadedConfig> {
  const stored = await readSetting('config');
  if (stored === undefined) return { config: DEFAULT_PRESET };
  const { siteConfigSchema } = await import('../shared/site-config.ts');
  const result = siteConfigSchema.safeParse(stored);
  if (!result.success) {
    const first = result.error.issues[0];
    return {
      config: DEFAULT_PRESET,
      invalid: first ? `${first.path.join('.')}: ${first.message}` : 'ugyldig',
    };
  }
  writePaintCopy(result.data);
  return { config: result.data };
}

/** Validates and stores a configuration; throws the validation error unchanged. */
export async function saveConfig(candidate: unknown): Promise<SiteConfig> {
  const { siteConfigSchema } = await import('../shared/site-config.ts');
  const config = siteConfigSchema.parse(candidate);
  await writeSetting('config', config);
  writePaintCopy(config);
  return config;
}
