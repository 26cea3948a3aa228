/**
 * One sync run: snapshot the waiting days, upload them per replica, and acknowledge
 * exactly what a 200 answered. Every error of PROTOCOL.md's table is handled here:
 * 400 splits by day and holds back only the failing day, 413 sends fewer days, 409 `limit`
 * holds back the day past the date range (or the replica the site has no room for) and sends
 * the rest, 401/403 stops and asks for pairing, the rest retries later. It never deletes anything.
 */
import {
  MAX_BODY_BYTES,
  MAX_DAYS_PER_UPLOAD,
  uploadDayV1Schema as uploadDaySchema,
  type LimitKind,
  type ReplicaDay,
  type UploadDayV1 as UploadDay,
  type UploadV1 as Upload,
} from '../shared/protocol.ts';
import { issueLine } from '../shared/validation-issues.ts';
import { postCounts, type Fetch, type SyncSettings } from './client.ts';

/** Where the days come from and where acknowledgements go (the storage layer, wired by state). */
export interface SyncSource {
  waitingDays(): Promise<ReplicaDay[]>;
  acknowledge(day: ReplicaDay): Promise<void>;
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

function uploadDayOf(day: ReplicaDay): UploadDay {
  const upload: UploadDay = { date: day.day, counts: day.counts };
  if (day.closed) upload.closed = day.closed;
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

  const byReplica = new Map<string, ReplicaDay[]>();
  for (const day of waiting)
    byReplica.set(day.replica, [...(byReplica.get(day.replica) ?? []), day]);

  for (const [replica, days] of byReplica) {
    const queue = chunk(days, MAX_DAYS_PER_UPLOAD);
    while (queue.length > 0) {
      const batch = queue.shift()!;
      const upload: Upload = {
        // Version 1 until the tablet keeps its replica's secret (protocol version 2).
        protocol: 1,
        site: run.settings.site,
        device: run.settings.device,
        replica,
        sentAt: new Date(run.now()).toISOString(),
        app: run.app,
        days: batch.map(uploadDayOf),
      };
      if (batch.length > 1 && JSON.stringify(upload).length > MAX_BODY_BYTES) {
        const half = Math.ceil(batch.length / 2);
        queue.unshift(batch.slice(0, half), batch.slice(half));
        continue;
      }
      const sentAt = run.now();
      const answer = await postCounts(run.fetch, run.settings, upload);
      if (answer.ok) {
        for (const day of batch) await run.source.acknowledge(day);
        uploaded += batch.length;
        const serverMs = Date.parse(answer.body.serverTime);
        skewMs = serverMs - (sentAt + run.now()) / 2;
        continue;
      }
      if (answer.status === 409 && answer.error?.limit === 'replicas') {
        // The site has no room for this replica: hold all its days, send the other replicas'.
        for (const day of [batch, ...queue].flat())
          held.push({ ...day, reason: 'replicas', message: answer.message });
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
        held.push({ ...batch[0]!, reason, message: answer.message });
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
