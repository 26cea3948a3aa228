/** The site profiles shipped for the places in the seeds; each one validates as a SiteConfig. */
import type { SiteConfig } from '../../shared/site-config';
import { enAinnaPlass } from './en-ainna-plass';
import { hjerteromAlta } from './hjerterom-alta';
import { hjerteromBarnUnge } from './hjerterom-barn-unge';
import { montenegroHammerfest } from './montenegro-hammerfest';
import { stegForSteg } from './steg-for-steg';

export { enAinnaPlass, hjerteromAlta, hjerteromBarnUnge, montenegroHammerfest, stegForSteg };

/** Every preset in seed order, the default (Hjerterom Alta) first. */
export const PRESETS: readonly SiteConfig[] = [
  hjerteromAlta,
  hjerteromBarnUnge,
  stegForSteg,
  enAinnaPlass,
  montenegroHammerfest,
];

/** The preset with this id (its site slug), if there is one. */
export function presetById(id: string): SiteConfig | undefined {
  return PRESETS.find((preset) => preset.preset === id);
}
