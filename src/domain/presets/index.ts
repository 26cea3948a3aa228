/** The site profiles shipped for the places in the seeds; each one validates as a SiteConfig. */
import type { SiteConfig } from '../../shared/site-config';
import { hjerteromAlta } from './hjerterom-alta';

export { hjerteromAlta };

/** Every preset, the default (Hjerterom Alta) first. */
export const PRESETS: readonly SiteConfig[] = [hjerteromAlta];
