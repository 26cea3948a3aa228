/**
 * One sync run: snapshot the waiting days, upload them per replica, and acknowledge
 * exactly what a 200 answered. Every error of PROTOCOL.md's table is handled here:
 * 400 splits by day and holds back only the failing day, 413 sends fewer days, 409 `limit`
 * holds back the day past the date range (or the replica the site has no room for) and sends
 * the rest, 401/403 stops and asks for pairing (a 403 for a frozen replica, whose secret the
 * endpoint knows otherwise, holds back only that replica), the rest retries later. Each upload
 * carries its replica's secret and, when it could be gathered, the tablet's health (PROTOCOL.md,
 * version 2). It never deletes anything.
 */
import {
  healthSchema,
  MAX_BODY_BYTES,
  MAX_DAYS_PER_UPLOAD,
  PROTOCOL_VERSION,
  uploadDaySchema,
  type DayClosing,
  type Health,
  type LimitKind,
  type ReplicaDay,
  type UploadDay,
  type UploadV2,
} from '../shared/protocol.ts';
import { issueLine } from '../shared/validation-issues.ts';
import { postCounts, type Fetch, type SyncSettings } from './client.ts';

/** A replica's waiting day: its counts and its closing register (closed or reopened). */
export type WaitingDay = Omit<ReplicaDay, 'closed'> & { closing?: DayClosing };

/** How often the tablet tells its health when it has nothing else to send: six hours. */
export const HEALTH_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Where the days come from and where acknowledgements go (the storage layer, wired by state). */
export interface SyncSource {
  /** The tablet's own replica: an upload of health alone goes under it. */
  replica: string;
  waitingDays(): Promise<WaitingDay[]>;
  acknowledge(day: WaitingDay): Promise<void>;
  /** The replica's secret; one it lacks is made and stored before it is given. */
  secret(replica: string): Promise<string>;
}

/** A day the endpoint refused as invalid: held back until it changes. */
export interface HeldDay {
  replica: string;
  day: string;
  rev: number;
  /** Refused as invalid (400, 413, or by the shared schema here), or past a 409 `limit`. */
  reason: 'invalid' | LimitKind;
  message: string;
}

export interface SyncRun {
  source: SyncSource;
  settings: SyncSettings;
  fetch: Fetch;
  now(): number;
  app: string;
  /** Days held back by earlier runs, by `replica|day`. */
  held: ReadonlyMap<string, HeldDay>;
  /** Gathers the tablet's health, once a pass and only if something is sent; may fail. */
  health?(): Promise<Health>;
  /** When an upload with health last got a 200 (undefined: never), and the news of a new one. */
  healthSentAt?: number;
  healthSent?(at: number): void;
}

export type SyncResult =
  | { kind: 'done'; uploaded: number; held: HeldDay[]; skewMs?: number }
  | { kind: 'unauthorized'; status: number; message: string; uploaded: number }
  | {
      kind: 'retry';
      status: number;
      message: string;
      retryAfterSeconds?: number;
      uploaded: number;
    };

export const heldKey = (day: { replica: string; day: string }) => `${day.replica}|${day.day}`;

function uploadDayOf(day: WaitingDay): UploadDay {
  const upload: UploadDay = { date: day.day, counts: day.counts };
  if (day.closing) upload.closing = day.closing;
  return upload;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs one sync pass over every replica's waiting days. */
export async function syncOnce(run: SyncRun): Promise<SyncResult> {
  const held: HeldDay[] = [];
  let uploaded = 0;
  let skewMs: number | undefined;
  const waiting = (await run.source.waitingDays()).filter((day) => {
    const before = run.held.get(heldKey(day));
    if (before && before.rev >= day.rev) {
      held.push(before);
      return false;
    }
    // Validate with the endpoint's own schema first: a day that fails is held, the rest go.
    const checked = uploadDaySchema.safeParse(uploadDayOf(day));
    if (!checked.success) {
      held.push({ ...day, reason: 'invalid', message: issueLine(checked.error) ?? 'invalid' });
      return false;
    }
    return true;
  });

  const byReplica = new Map<string, WaitingDay[]>();
  for (const day of waiting)
    byReplica.set(day.replica, [...(byReplica.get(day.replica) ?? []), day]);

  // Health goes with every upload; with nothing to send, alone once it is six hours old. It is
  // gathered once, and a failure to gather it (or a fact out of bounds) sends counts without it.
  const own = run.source.replica;
  // A clock set back counts as time passed, so health never waits for it to catch up.
  const due = !(Math.abs(run.now() - (run.healthSentAt ?? -Infinity)) < HEALTH_INTERVAL_MS);
  const health =
    byReplica.size > 0 || due
      ? await Promise.resolve()
          .then(run.health)
          .then(
            (gathered) => healthSchema.safeParse(gathered).data,
            () => undefined,
          )
      : undefined;
  if (byReplica.size === 0 && health) byReplica.set(own, []);

  for (const [replica, days] of byReplica) {
    const secret = await run.source.secret(replica);
    const queue = days.length > 0 ? chunk(days, MAX_DAYS_PER_UPLOAD) : [days];
    while (queue.length > 0) {
      const batch = queue.shift()!;
      const upload: UploadV2 = {
        protocol: PROTOCOL_VERSION,
        site: run.settings.site,
        device: run.settings.device,
        replica,
        secret,
        sentAt: new Date(run.now()).toISOString(),
        app: run.app,
        days: batch.map(uploadDayOf),
      };
      if (health) upload.health = health;
      if (batch.length > 1 && JSON.stringify(upload).length > MAX_BODY_BYTES) {
        const half = Math.ceil(batch.length / 2);
        queue.unshift(batch.slice(0, half), batch.slice(half));
        continue;
      }
      const sentAt = run.now();
      const answer = await postCounts(run.fetch, run.settings, upload);
      if (answer.ok) {
        for (const day of batch) await run.source.acknowledge(day);
        if (health) run.healthSent?.(sentAt);
        uploaded += batch.length;
        const serverMs = Date.parse(answer.body.serverTime);
        skewMs = serverMs - (sentAt + run.now()) / 2;
        continue;
      }
      // The site has no room for this replica, or a frozen replica's secret is not the one the
      // endpoint knows: hold all its days, send the other replicas'.
      const lost =
        answer.status === 409 && answer.error?.limit === 'replicas'
          ? 'replicas'
          : answer.status === 403 && replica !== own
            ? 'invalid'
            : undefined;
      if (lost) {
        for (const day of [batch, ...queue].flat())
          held.push({ ...day, reason: lost, message: answer.message });
        break;
      }
      const refusedByDay = answer.status === 400 || answer.status === 409;
      if ((refusedByDay || answer.status === 413) && batch.length > 1) {
        // Split: by day for a 400 or 409, in halves for a 413, and send the parts that pass.
        const half = Math.ceil(batch.length / 2);
        const parts = refusedByDay
          ? batch.map((day) => [day])
          : [batch.slice(0, half), batch.slice(half)];
        queue.unshift(...parts);
        continue;
      }
      if (refusedByDay || answer.status === 413) {
        const reason = answer.status === 409 ? (answer.error?.limit ?? 'date-range') : 'invalid';
        // An upload of health alone has no day to hold: the health waits for the next pass.
        if (batch[0]) held.push({ ...batch[0], reason, message: answer.message });
        continue;
      }
      if (answer.status === 401 || answer.status === 403) {
        return { kind: 'unauthorized', status: answer.status, message: answer.message, uploaded };
      }
      const result: SyncResult = {
        kind: 'retry',
        status: answer.status,
        message: answer.message,
        uploaded,
      };
      if (answer.retryAfterSeconds !== undefined)
        result.retryAfterSeconds = answer.retryAfterSeconds;
      return result;
    }
  }
  const done: SyncResult = { kind: 'done', uploaded, held };
  if (skewMs !== undefined) done.skewMs = skewMs;
  return done;
}

/** Exponential backoff with full jitter, capped at 30 minutes (PROTOCOL.md). */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const cap = 30 * 60 * 1000;
  const base = Math.min(cap, 5000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}
