/**
 * Staff access: the volunteer and lead PINs, the recovery code and the lockout. It owns the
 * rule that secrets are kept only as hashes (pin-secrets.ts) and that five wrong PINs lock the
 * pad (pin-policy.ts), across reloads: for five minutes, doubling with each lockout up to an
 * hour, until a right PIN or the recovery code starts the count again. It never stores a PIN.
 */
import {
  readSetting,
  removeSetting,
  writeSetting,
  type SettingValue,
} from '../storage/settings.ts';
import {
  generateRecoveryCode,
  hashSecret,
  normalizeRecoveryCode,
  PIN_ITERATIONS,
  RECOVERY_LENGTH,
  verifySecret,
} from './pin-secrets.ts';
import {
  LEAD_PIN_MIN_DIGITS,
  lockWaitMs,
  MAX_WRONG_PINS,
  minDigits,
  pinProblem,
  type StaffRole,
} from './pin-policy.ts';

export * from './pin-policy.ts';
export {
  generateRecoveryCode,
  hashSecret,
  normalizeRecoveryCode,
  PIN_ITERATIONS,
  RECOVERY_LENGTH,
  verifySecret,
  type SecretHash,
} from './pin-secrets.ts';

/** The 'pins' setting (its schema is in storage/setting-schemas.ts). */
export type StoredPins = SettingValue<'pins'>;

/**
 * The 'lock' setting: wrong PINs since the last good one, a lock's end (epoch ms) and the
 * lockouts since the last good one (a lock stored before they were counted is one).
 */
export type LockState = SettingValue<'lock'>;

/** The outcome of a PIN typed on the pad. */
export type PinAttempt =
  | { kind: 'ok'; role: StaffRole }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'locked'; until: number };

/** The settings the PIN store reads and writes (parsed by their schemas); tests may pass their own. */
export interface PinSettings {
  read<K extends 'pins' | 'lock'>(key: K): Promise<SettingValue<K> | undefined>;
  write<K extends 'pins' | 'lock'>(key: K, value: SettingValue<K>): Promise<void>;
  remove(key: 'pins' | 'lock'): Promise<void>;
}

export interface PinStoreDeps {
  now(): number;
  iterations: number;
  settings: PinSettings;
}

const idbSettings: PinSettings = {
  read: readSetting,
  write: writeSetting,
  remove: removeSetting,
};

export interface PinStore {
  /** Whether both PINs and the recovery code have been set on this tablet. */
  isSetUp(): Promise<boolean>;
  /** Stores both PINs (and a new recovery code, which is returned to be shown once). */
  setUp(volunteerPin: string, leadPin: string): Promise<string>;
  /** The lock's end if the pad is locked now. */
  lockedUntil(): Promise<number | undefined>;
  /** Checks a PIN against both roles, counting wrong ones towards the lock. */
  tryPin(pin: string): Promise<PinAttempt>;
  /** Whether a typed recovery code is right; a right one lifts the lock. */
  recover(code: string): Promise<boolean>;
  /**
   * Replaces one role's PIN (after the recovery code): the other PIN and the recovery code stay
   * as they were. Resolves to false, storing nothing, when the new PIN is the other role's.
   */
  replacePin(role: StaffRole, pin: string): Promise<boolean>;
}

/** Thrown by setUp when the PINs break the rules (the form checks them first). */
export class PinRuleError extends Error {
  override name = 'PinRuleError';
}

export function createPinStore(overrides: Partial<PinStoreDeps> = {}): PinStore {
  const deps: PinStoreDeps = {
    now: () => Date.now(),
    iterations: PIN_ITERATIONS,
    settings: idbSettings,
    ...overrides,
  };
  const { settings } = deps;

  async function readPins(): Promise<StoredPins | undefined> {
    return settings.read('pins');
  }

  async function activeLock(): Promise<{ lock: LockState; lockouts: number; until?: number }> {
    const lock = (await settings.read('lock')) ?? { failures: 0 };
    const lockouts = lock.lockouts ?? (lock.lockedUntil === undefined ? 0 : 1);
    const now = deps.now();
    if (lock.lockedUntil === undefined || lock.lockedUntil <= now) return { lock, lockouts };
    // A clock turned back must not stretch the lock beyond its own wait.
    return { lock, lockouts, until: Math.min(lock.lockedUntil, now + lockWaitMs(lockouts)) };
  }

  return {
    async isSetUp() {
      return (await readPins()) !== undefined;
    },

    async setUp(volunteerPin, leadPin) {
      if (
        pinProblem(volunteerPin, volunteerPin) ||
        pinProblem(leadPin, leadPin, LEAD_PIN_MIN_DIGITS)
      ) {
        throw new PinRuleError('A PIN must be 4–8 digits, a lead PIN 6–8');
      }
      if (volunteerPin === leadPin) throw new PinRuleError('The two PINs must differ');
      const recoveryCode = generateRecoveryCode();
      const [volunteer, lead, recovery] = await Promise.all([
        hashSecret(volunteerPin, deps.iterations),
        hashSecret(leadPin, deps.iterations),
        hashSecret(normalizeRecoveryCode(recoveryCode), deps.iterations),
      ]);
      const pins: StoredPins = { schema: 1, volunteer, lead, recovery };
      await settings.write('pins', pins);
      await settings.remove('lock');
      return recoveryCode;
    },

    async lockedUntil() {
      return (await activeLock()).until;
    },

    async tryPin(pin) {
      const { lock, lockouts, until } = await activeLock();
      if (until !== undefined) return { kind: 'locked', until };
      const pins = await readPins();
      const [isVolunteer, isLead] = pins
        ? await Promise.all([verifySecret(pin, pins.volunteer), verifySecret(pin, pins.lead)])
        : [false, false];
      if (isLead || isVolunteer) {
        // A right PIN forgives the wrong ones and the lockouts: the next lock waits five minutes.
        if (lock.failures > 0 || lock.lockedUntil !== undefined) await settings.remove('lock');
        return { kind: 'ok', role: isLead ? 'lead' : 'volunteer' };
      }
      const failures = lock.failures + 1;
      if (failures >= MAX_WRONG_PINS) {
        const lockedUntil = deps.now() + lockWaitMs(lockouts + 1);
        await settings.write('lock', {
          failures: 0,
          lockedUntil,
          lockouts: lockouts + 1,
        } satisfies LockState);
        return { kind: 'locked', until: lockedUntil };
      }
      await settings.write('lock', { ...lock, failures } satisfies LockState);
      return { kind: 'wrong', remaining: MAX_WRONG_PINS - failures };
    },

    async recover(code) {
      const pins = await readPins();
      if (pins === undefined) return false;
      const normalized = normalizeRecoveryCode(code);
      if (normalized.length !== RECOVERY_LENGTH) return false;
      if (!(await verifySecret(normalized, pins.recovery))) return false;
      await settings.remove('lock');
      return true;
    },

    async replacePin(role, pin) {
      if (pinProblem(pin, pin, minDigits(role))) throw new PinRuleError('The PIN is too short');
      const pins = await readPins();
      if (pins === undefined) throw new PinRuleError('No PINs to replace');
      const other = role === 'lead' ? pins.volunteer : pins.lead;
      if (await verifySecret(pin, other)) return false;
      const replaced: StoredPins = { ...pins, [role]: await hashSecret(pin, deps.iterations) };
      await settings.write('pins', replaced);
      return true;
    },
  };
}
