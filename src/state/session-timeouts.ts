/**
 * How long a staff screen stays open without input, per role, on this tablet: the lead's
 * choice, kept with the tablet's settings (never in the site configuration). It owns the sane
 * range; a refused value changes nothing stored.
 */
import { useEffect, useState } from 'preact/hooks';
import { readSetting, writeSetting, type SettingValue } from '../storage/settings.ts';
import type { StaffRole } from './pins.ts';

export const SESSION_TIMEOUT_MIN_SECONDS = 30;
export const SESSION_TIMEOUT_MAX_SECONDS = 30 * 60;

/** Seconds per role; a role left out uses the site's idle timeout. */
export type SessionTimeouts = SettingValue<'sessionTimeouts'>;

export type TimeoutProblem = 'not-whole' | 'out-of-range';

export type TimeoutsResult =
  { ok: true; timeouts: SessionTimeouts } | { ok: false; role: StaffRole; problem: TimeoutProblem };

/** The tablet's timeouts; none chosen (or a garbled setting) reads as none. */
export async function readSessionTimeouts(): Promise<SessionTimeouts> {
  return (await readSetting('sessionTimeouts')) ?? {};
}

function parseSeconds(typed: string): number | TimeoutProblem {
  const trimmed = typed.trim();
  if (!/^\d+$/.test(trimmed)) return 'not-whole';
  const seconds = Number(trimmed);
  return seconds < SESSION_TIMEOUT_MIN_SECONDS || seconds > SESSION_TIMEOUT_MAX_SECONDS
    ? 'out-of-range'
    : seconds;
}

/** Saves both roles' typed seconds; one outside 30 s – 30 min refuses the whole save. */
export async function saveSessionTimeouts(
  typed: Record<StaffRole, string>,
): Promise<TimeoutsResult> {
  const timeouts: SessionTimeouts = {};
  for (const role of ['volunteer', 'lead'] as const) {
    const parsed = parseSeconds(typed[role]);
    if (typeof parsed !== 'number') return { ok: false, role, problem: parsed };
    timeouts[role] = parsed;
  }
  await writeSetting('sessionTimeouts', timeouts);
  return { ok: true, timeouts };
}

/**
 * A role's timeout in milliseconds: the tablet's choice once read, the site's until then (or
 * when there is none).
 */
export function useSessionTimeoutMs(role: StaffRole, siteSeconds: number): number {
  const [timeouts, setTimeouts] = useState<SessionTimeouts>({});
  useEffect(() => {
    let current = true;
    readSessionTimeouts().then(
      (read) => current && setTimeouts(read),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return (timeouts[role] ?? siteSeconds) * 1000;
}
