/**
 * What staff mode shows of sync: paired or not, the last success, what waits, the last error
 * (as a code and the endpoint's or network's own detail, worded by the screen) and clock skew.
 * It owns how a run's result changes the status and how a kept status is restored.
 */
import type { HeldDay, SyncResult } from '../sync/index.ts';
import type { SettingValue, SyncError } from '../storage/settings.ts';

export type { SyncError } from '../storage/settings.ts';

/** Five minutes: the clock difference at which staff are warned (PROTOCOL.md). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SyncStatus {
  paired: boolean;
  endpoint?: string;
  site?: string;
  device?: string;
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  lastError?: SyncError;
  needsPairing: boolean;
  waitingDays: number;
  skewMs?: number;
  held: HeldDay[];
  running: boolean;
  /** When an upload last carried the tablet's health (sent alone every six hours at least). */
  healthSentAt?: number;
}

export const EMPTY_STATUS: SyncStatus = {
  paired: false,
  needsPairing: false,
  waitingDays: 0,
  held: [],
  running: false,
};

/** The status after a run: a success clears the error, a 401 asks to pair again. */
export function statusAfterRun(
  before: SyncStatus,
  result: SyncResult,
  held: HeldDay[],
  now: number,
): SyncStatus {
  const next: SyncStatus = { ...before, held };
  if (result.kind === 'done') {
    next.lastSuccessAt = now;
    delete next.lastError;
    if (result.skewMs !== undefined) next.skewMs = result.skewMs;
  } else {
    next.lastError = {
      code: result.status === 0 ? 'no-contact' : 'refused',
      detail: result.message,
    };
    if (result.kind === 'unauthorized') next.needsPairing = true;
  }
  return next;
}

/** What is kept of a status between start-ups (a run in progress is not). */
export function keptStatus(status: SyncStatus): SettingValue<'syncStatus'> {
  const { running: _running, ...kept } = status;
  return kept;
}

/** The status at start-up: the kept one, with the pairing as it is now and nothing held. */
export function restoredStatus(
  kept: SettingValue<'syncStatus'> | undefined,
  pairing: SettingValue<'device'> | undefined,
): SyncStatus {
  return {
    ...EMPTY_STATUS,
    ...kept,
    held: [],
    running: false,
    paired: pairing !== undefined,
    ...(pairing ? { endpoint: pairing.endpoint, site: pairing.site, device: pairing.device } : {}),
  };
}
