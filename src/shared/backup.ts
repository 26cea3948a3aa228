/**
 * The JSON backup a replacement tablet imports to carry on: tally state, closings and the
 * site configuration, never raw events or notes. Validated in full before anything is stored.
 */
import * as z from 'zod/mini';
import { closingSchema, countKey, countSchema, replicaSecretSchema } from './protocol.ts';
import { siteConfigSchema } from './site-config.ts';
import { clockTimeSchema, isoDateSchema } from './slug.ts';

export const BACKUP_FORMAT = 'terskel-backup';
export const BACKUP_VERSION = 1;

/**
 * One replica the backup holds: the tablet's own, or one it had imported itself, with its secret
 * so the tablet that imports it can still upload it (absent in backups from before secrets).
 */
export const backupReplicaSchema = z.strictObject({
  id: z.uuid(),
  frozen: z.boolean(),
  secret: z.optional(replicaSecretSchema),
});

/** One grow-only count of one replica and day (the protocol's count, with its place). */
export const backupCountSchema = z.extend(countSchema, {
  replica: z.uuid(),
  date: isoDateSchema,
});
export type BackupCount = z.infer<typeof backupCountSchema>;

/** A day's opening hours as its schedule had them that day (absent in older backups). */
export const backupOpeningSchema = z.union([
  z.strictObject({
    open: z.literal(true),
    hours: z.strictObject({ open: clockTimeSchema, close: clockTimeSchema }),
  }),
  z.strictObject({ open: z.literal(false) }),
]);

/**
 * A replica's closing of a day (absent `closed` means the day is open), when it was reopened
 * (`reopenedAt`, instead of `closed`) and the opening the day kept; all optional, so backups from
 * before opening snapshots and reopenings import as they did.
 */
export const backupDaySchema = z.strictObject({
  replica: z.uuid(),
  date: isoDateSchema,
  closed: z.optional(closingSchema),
  reopenedAt: z.optional(z.iso.datetime()),
  opening: z.optional(backupOpeningSchema),
});
export type BackupDay = z.infer<typeof backupDaySchema>;

export const backupSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.iso.datetime(),
    /** The replica of the tablet that made the backup. */
    replica: z.uuid(),
    config: siteConfigSchema,
    replicas: z.array(backupReplicaSchema).check(z.minLength(1)),
    tally: z.array(backupCountSchema),
    days: z.array(backupDaySchema),
  })
  .check(
    z.superRefine((backup, ctx) => {
      const replicas = new Set<string>();
      backup.replicas.forEach((replica, i) => {
        if (replicas.has(replica.id)) {
          ctx.issues.push({
            code: 'custom',
            message: 'samme replika står to ganger',
            input: replica.id,
            path: ['replicas', i, 'id'],
          });
        }
        replicas.add(replica.id);
      });
      if (!replicas.has(backup.replica)) {
        ctx.issues.push({
          code: 'custom',
          message: 'replikaen som laget kopien mangler i listen over replikaer',
          input: backup.replica,
          path: ['replica'],
        });
      }
      const keys = new Set<string>();
      backup.tally.forEach((count, i) => {
        if (!replicas.has(count.replica)) {
          ctx.issues.push({
            code: 'custom',
            message: 'ukjent replika',
            input: count.replica,
            path: ['tally', i, 'replica'],
          });
        }
        const key = `${count.replica}|${count.date}|${countKey(count)}`;
        if (keys.has(key)) {
          ctx.issues.push({
            code: 'custom',
            message: 'samme telling står to ganger',
            input: key,
            path: ['tally', i],
          });
        }
        keys.add(key);
      });
      const days = new Set<string>();
      backup.days.forEach((day, i) => {
        if (!replicas.has(day.replica)) {
          ctx.issues.push({
            code: 'custom',
            message: 'ukjent replika',
            input: day.replica,
            path: ['days', i, 'replica'],
          });
        }
        const key = `${day.replica}|${day.date}`;
        if (days.has(key)) {
          ctx.issues.push({
            code: 'custom',
            message: 'samme dag står to ganger',
            input: key,
            path: ['days', i, 'date'],
          });
        }
        days.add(key);
      });
    }),
  );
export type Backup = z.infer<typeof backupSchema>;
