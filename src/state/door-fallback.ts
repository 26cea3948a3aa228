/**
 * The door's way back when a configuration fails to render: the last one that rendered (the
 * paint copy, written once a configuration has validated), then the preset the broken one
 * names, then a bare door counting under the default preset (ui/door/DoorFallback.tsx walks
 * this chain). It names the broken field in staff mode and loads only after a failure.
 */
import { presetById } from '../domain/presets/index.ts';
import { siteConfigSchema, type SiteConfig } from '../shared/site-config.ts';
import { readPaintCopy, writePaintCopy } from '../storage/settings.ts';
import type { KioskStore } from './kiosk-store.ts';
import { loadDefaultPreset } from './site-config.ts';

/**
 * Says in staff mode why the door fell back (the first invalid field, or the error) and returns
 * the configurations to try in order; the caller ends with `bareDoorConfig` when there is none.
 */
export function fallbacksFor(store: KioskStore, error: unknown): SiteConfig[] {
  const broken = store.config.get();
  const checked = siteConfigSchema.safeParse(broken);
  const issue = checked.success ? undefined : checked.error.issues[0];
  store.configProblem.set(issue ? `${issue.path.join('.')}: ${issue.message}` : String(error));
  const rendered = siteConfigSchema.safeParse(readPaintCopy());
  const named = typeof broken?.preset === 'string' ? presetById(broken.preset) : undefined;
  const same = JSON.stringify(broken);
  return [rendered.success ? rendered.data : undefined, named].filter(
    (config): config is SiteConfig => config !== undefined && JSON.stringify(config) !== same,
  );
}

/** Puts a fallback in place, also for the next cold start's first paint. */
export function applyFallback(store: KioskStore, config: SiteConfig): void {
  store.setConfig(config);
  writePaintCopy(config);
}

/** The configuration a bare door counts under: its business day needs a valid zone. */
export const bareDoorConfig = loadDefaultPreset;
