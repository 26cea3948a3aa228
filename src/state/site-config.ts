/**
 * Which site configuration the kiosk runs on. The first paint reads the last known good
 * copy synchronously (no zod); the stored one is validated once zod has loaded, and a
 * corrupt one falls back to the preset and says so in staff mode — it never blanks the door.
 */
import type { SiteConfig } from '../shared/site-config.ts';
import { readPaintCopy, readSetting, writePaintCopy, writeSetting } from '../storage/settings.ts';

/**
 * The preset a fresh tablet starts with until settings exist. Loaded when needed: a tablet
 * that has been set up paints from its copy, so no preset is part of the first-paint code
 * (and the list of all five loads only with the first-run set-up).
 */
export const loadDefaultPreset = (): Promise<SiteConfig> =>
  import('../domain/presets/hjerterom-alta.ts').then((preset) => preset.hjerteromAlta);

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

/**
 * The last known good configuration, readable before anything asynchronous has run; undefined
 * on a fresh tablet or when the copy is garbled (then the door paints with the preset).
 */
export function paintCopyConfig(): SiteConfig | undefined {
  const copy = readPaintCopy();
  return looksLikeConfig(copy) ? copy : undefined;
}

export interface LoadedConfig {
  config: SiteConfig;
  /** Set when a stored configuration existed but failed validation. */
  invalid?: string;
}

/** Reads and validates the stored configuration. */
export async function loadConfig(): Promise<LoadedConfig> {
  const stored = await readSetting('config');
  if (stored === undefined) return { config: await loadDefaultPreset() };
  const { siteConfigSchema } = await import('../shared/site-config.ts');
  const result = siteConfigSchema.safeParse(stored);
  if (!result.success) {
    // Worded where every zod issue is; loaded only when the stored configuration is bad.
    const { issueLine } = await import('../shared/validation-issues.ts');
    return { config: await loadDefaultPreset(), invalid: issueLine(result.error) ?? 'ugyldig' };
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
