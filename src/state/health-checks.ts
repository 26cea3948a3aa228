/**
 * The self-test's rule: the tablet's health facts (tablet-health.ts gathers them) turned into
 * check lines, each green or with one sentence of what to do. Pure: facts in, lines out.
 */
import type { MessageKey } from '../i18n/index.ts';
import { MAX_CLOCK_SKEW_MS } from './sync.ts';
import type { TabletHealth } from './tablet-health.ts';

/** A paired tablet whose last sync is older than this is told to get online. */
export const SYNC_STALE_MS = 24 * 60 * 60 * 1000;
/** An unpaired tablet whose last export is older than this is told to take one. */
export const EXPORT_STALE_MS = 7 * 24 * 60 * 60 * 1000;
/** The share of the quota from which storage counts as nearly full. */
export const SPACE_WARN_SHARE = 0.8;

export type CheckId =
  | 'installed'
  | 'persisted'
  | 'space'
  | 'offline'
  | 'update'
  | 'wakeLock'
  | 'clock'
  | 'sync'
  | 'export';

/** ok: nothing to do; warn: the message says what to do; unknown: the message says why. */
export type CheckStatus = 'ok' | 'warn' | 'unknown';

export interface CheckLine {
  check: CheckId;
  status: CheckStatus;
  message: MessageKey;
  /** The message's values: an instant in ms (`at`), bytes (`used`, `quota`), whole minutes. */
  values?: { at?: number; used?: number; quota?: number; minutes?: number };
}

/** The self-test's lines, in the order the screen shows them. */
export function healthChecks(health: TabletHealth): CheckLine[] {
  const now = health.checkedAt;
  const { storage, offline, clock, sync } = health;
  const paired = sync.paired && !sync.needsPairing;
  const lines: CheckLine[] = [];
  const line = (
    check: CheckId,
    status: CheckStatus,
    message: MessageKey,
    values?: CheckLine['values'],
  ) => lines.push(values ? { check, status, message, values } : { check, status, message });

  if (health.display.standalone) line('installed', 'ok', 'selfTest.installed.ok');
  else if (health.display.ios) line('installed', 'warn', 'selfTest.installed.ios');
  else line('installed', 'warn', 'selfTest.installed.browser');

  if (storage.persisted === null) line('persisted', 'unknown', 'selfTest.persisted.unknown');
  else if (storage.persisted) line('persisted', 'ok', 'selfTest.persisted.ok');
  else line('persisted', 'warn', 'selfTest.persisted.warn');

  if (storage.usageBytes === null || storage.quotaBytes === null || storage.quotaBytes <= 0) {
    line('space', 'unknown', 'storage.usageUnknown');
  } else {
    const values = { used: storage.usageBytes, quota: storage.quotaBytes };
    if (storage.usageBytes >= storage.quotaBytes * SPACE_WARN_SHARE) {
      line('space', 'warn', 'selfTest.space.warn', values);
    } else line('space', 'ok', 'selfTest.space.ok', values);
  }

  if (!offline.serviceWorker) line('offline', 'warn', 'selfTest.offline.unsupported');
  else if (!offline.controlled) line('offline', 'warn', 'selfTest.offline.reload');
  else line('offline', 'ok', 'selfTest.offline.ok');

  if (offline.updateWaiting) line('update', 'warn', 'selfTest.update.waiting');
  else line('update', 'ok', 'selfTest.update.ok');

  if (health.wakeLock === 'held') line('wakeLock', 'ok', 'selfTest.wakeLock.ok');
  else line('wakeLock', 'warn', 'selfTest.wakeLock.warn');

  if (clock.skewMs === null) {
    line(
      'clock',
      'unknown',
      clock.source === 'not-paired' ? 'selfTest.clock.notPaired' : 'selfTest.clock.unknown',
    );
  } else if (Math.abs(clock.skewMs) <= MAX_CLOCK_SKEW_MS) {
    line('clock', 'ok', 'selfTest.clock.ok');
  } else {
    line('clock', 'warn', 'selfTest.clock.warn', {
      minutes: Math.round(Math.abs(clock.skewMs) / 60_000),
    });
  }

  if (!sync.paired) line('sync', 'unknown', 'selfTest.sync.notPaired');
  else if (sync.needsPairing) line('sync', 'warn', 'selfTest.sync.pairAgain');
  else if (sync.lastSuccessAt === null) line('sync', 'warn', 'selfTest.sync.never');
  else if (now - sync.lastSuccessAt > SYNC_STALE_MS) {
    line('sync', 'warn', 'selfTest.sync.stale', { at: sync.lastSuccessAt });
  } else line('sync', 'ok', 'selfTest.sync.ok', { at: sync.lastSuccessAt });

  const exported = health.lastExportAt;
  if (exported !== null && now - exported <= EXPORT_STALE_MS) {
    line('export', 'ok', 'selfTest.export.ok', { at: exported });
  } else if (paired) {
    // The endpoint keeps a copy of the counts: an export is a choice, not a safeguard.
    if (exported === null) line('export', 'ok', 'selfTest.export.none');
    else line('export', 'ok', 'selfTest.export.ok', { at: exported });
  } else line('export', 'warn', 'selfTest.export.warn');

  return lines;
}
