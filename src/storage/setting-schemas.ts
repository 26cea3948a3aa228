/**
 * The schema of every value kept in the settings store (idb-keyval), and the restore step
 * each read passes: a value that fails its schema is read as the key's default and reported,
 * never thrown, so one garbled setting cannot take the others with it. Loaded on the first
 * read, so zod stays out of the door's first paint.
 */
import * as z from 'zod/mini';
import { migrateConfig } from '../domain/configuration.ts';
import { withVolunteerCounters } from '../domain/volunteer-hours.ts';
import { siteConfigSchema, type SiteConfig } from '../shared/site-config.ts';
import { validationIssues } from '../shared/validation-issues.ts';

const secretHashSchema = z.object({
  salt: z.string(),
  hash: z.string(),
  iterations: z.int().check(z.positive()),
});

/** Why a sync run failed, as a code the staff screen words (never a sentence). */
export const syncErrorSchema = z.object({
  code: z.enum(['no-contact', 'refused']),
  /** The endpoint's or the network's own message, shown as it came. */
  detail: z.string(),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

const heldDaySchema = z.object({
  replica: z.string(),
  day: z.string(),
  rev: z.number(),
  message: z.string(),
});

export const SETTING_SCHEMAS = {
  config: siteConfigSchema,
  /** Where and as whom this tablet syncs (sync/client.ts's SyncSettings). */
  device: z.object({
    endpoint: z.string(),
    site: z.string(),
    device: z.string(),
    token: z.string(),
  }),
  /** The last sync status, shown until the first run of this start-up (running is not kept). */
  syncStatus: z.object({
    paired: z.boolean(),
    endpoint: z.optional(z.string()),
    site: z.optional(z.string()),
    device: z.optional(z.string()),
    lastSuccessAt: z.optional(z.number()),
    lastAttemptAt: z.optional(z.number()),
    // A status kept by an older version held a sentence here: it is dropped, not the status.
    lastError: z.catch(z.optional(syncErrorSchema), undefined),
    needsPairing: z.boolean(),
    waitingDays: z.number(),
    skewMs: z.optional(z.number()),
    held: z.array(heldDaySchema),
    healthSentAt: z.optional(z.number()),
  }),
  /** The PIN hashes (state/pins.ts). */
  pins: z.object({
    schema: z.literal(1),
    volunteer: secretHashSchema,
    lead: secretHashSchema,
    recovery: secretHashSchema,
  }),
  /** Wrong PINs since the last good one, a lock's end (epoch ms), and lockouts since then. */
  lock: z.object({
    failures: z.int().check(z.nonnegative()),
    lockedUntil: z.optional(z.number()),
    // Absent in a lock stored before locks doubled: state/pins.ts reads that as one lockout.
    lockouts: z.optional(z.int().check(z.positive())),
  }),
  /** This database's replica id, remembered beside the pairing to notice a reset database. */
  replica: z.object({ id: z.string(), resetAt: z.optional(z.number()) }),
  /**
   * This tablet's staff timeouts per role, in seconds (state/session-timeouts.ts); a role
   * without one uses the site's `idleTimeoutSeconds`. A tablet's choice, never the site's.
   */
  sessionTimeouts: z.object({
    volunteer: z.optional(z.int().check(z.gte(30), z.lte(1800))),
    lead: z.optional(z.int().check(z.gte(30), z.lte(1800))),
  }),
  /** When a file last left the tablet (a CSV or a backup): the self-test shows it. */
  lastExport: z.number(),
  /**
   * The site's published configuration as this tablet follows it (state/config-sync.ts). What
   * waits for the lead or the door is kept in memory only: the next sync asks for it again.
   */
  configSync: z.object({
    /** The published version the tablet follows; 0 while it follows none. */
    following: z.int().check(z.nonnegative()),
    /** The lead's saved settings have not reached the endpoint yet: sent on each sync. */
    unpublished: z.optional(z.boolean()),
    /** An applied version's time zone and cut-off hour, taken on after the business day `day`. */
    deferred: z.optional(z.object({ day: z.string(), timeZone: z.string(), cutoffHour: z.int() })),
  }),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

/** What a read of a garbled setting reports: the key and the first issue's path and message. */
export interface SettingProblem {
  key: SettingKey;
  path: string;
  message: string;
}

/** The outcome of restoring one stored value. */
export interface Restored<K extends SettingKey> {
  value: SettingValue<K> | undefined;
  problem?: SettingProblem;
}

/** Parses a stored value with its key's schema; never throws. */
export function restore<K extends SettingKey>(key: K, stored: unknown): Restored<K> {
  if (stored === undefined) return { value: undefined };
  // A configuration kept by an older version is migrated before it is checked, and every
  // site has the volunteer counters it implies, also one stored before they were implied.
  const parsed = SETTING_SCHEMAS[key].safeParse(key === 'config' ? migrateConfig(stored) : stored);
  if (parsed.success) {
    const value = key === 'config' ? withVolunteerCounters(parsed.data as SiteConfig) : parsed.data;
    return { value: value as SettingValue<K> };
  }
  const [issue] = validationIssues(parsed.error);
  return {
    value: undefined,
    problem: { key, path: issue?.path ?? '', message: issue?.message ?? 'is not valid here' },
  };
}
