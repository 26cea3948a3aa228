/**
 * What every preset shares: a Norwegian site's time zone, cut-off, languages and retention.
 * A preset spreads these and adds its own place.
 */
import type { SiteConfig } from '../../shared/site-config';

type SharedSettings = Pick<
  SiteConfig,
  | 'schema'
  | 'timeZone'
  | 'cutoffHour'
  | 'defaultLanguage'
  | 'languages'
  | 'idleTimeoutSeconds'
  | 'retentionDays'
>;

/** The settings common to every Norwegian preset (a fresh object each call). */
export function norwegianDefaults(): SharedSettings {
  return {
    schema: 2,
    timeZone: 'Europe/Oslo',
    cutoffHour: 4,
    defaultLanguage: 'nb',
    // North Sámi is offered everywhere, not only in Alta: the lead trims what a place lacks.
    languages: ['nb', 'nn', 'se', 'en', 'uk', 'ar'],
    idleTimeoutSeconds: 60,
    retentionDays: 30,
  };
}
