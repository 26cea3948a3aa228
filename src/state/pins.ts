/**
 * Staff access: the volunteer and lead PINs, the recovery code and the lockout. It owns the
 * rule that secrets are kept only as PBKDF2-SHA-256 hashes (WebCrypto, random salt) and that
 * five wrong PINs lock the pad for five minutes, across reloads. It never stores a PIN.
 */
import { readSetting, removeSetting, writeSetting } from '../storage/settings.ts';

export type StaffRole = 'volunteer' | 'lead';

/**
 * Iterations for new hashes. A 4-digit PIN falls to an offline search whatever the count:
 * the lockout is what protects it; the iterations make a stolen settings store slower to read.
 */
export const PIN_ITERATIONS = 150_000;
export const MAX_WRONG_PINS = 5;
export const LOCK_MS = 5 * 60 * 1000;
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;

/** One stored secret: salt and derived key in base64, with the iterations it was made with. */
export interface SecretHash {
  salt: string;
  hash: string;
  iterations: number;
}

/** The 'pins' setting. */
export interface StoredPins {
  schema: 1;
  volunteer: SecretHash;
  lead: SecretHash;
  recovery: SecretHash;
}

/** The 'lock' setting: wrong PINs since the last good one, and a lock's end (epoch ms). */
export interface LockState {
  failures: number;
  lockedUntil?: number;
}

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function derive(
  secret: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Hashes a secret with a fresh random 16-byte salt. */
export async function hashSecret(secret: string, iterations = PIN_ITERATIONS): Promise<SecretHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    salt: toBase64(salt),
    hash: toBase64(await derive(secret, salt, iterations)),
    iterations,
  };
}

/** Whether a secret matches a stored hash (compared without an early exit). */
export async function verifySecret(secret: string, stored: SecretHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = await derive(secret, fromBase64(stored.salt), stored.iterations);
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
}

/** Crockford's base32: no I, L, O or U, so a handwritten code reads back unambiguously. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_LENGTH = 12;

/** A new recovery code, 12 characters (60 random bits) in groups of four: "7K3M-Q9XD-2HBF". */
export function generateRecoveryCode(): string {
  // 256 is a multiple of 32, so taking the low five bits of each byte is unbiased.
  const bytes = crypto.getRandomValues(new Uint8Array(RECOVERY_LENGTH));
  const chars = [...bytes].map((byte) => CROCKFORD[byte & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** A typed code as it is hashed: upper case, no spaces or dashes, O→0 and I/L→1. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** What is wrong with a PIN and its repetition, if anything. */
export type PinProblem = 'format' | 'mismatch';

export function pinProblem(pin: string, repeat: string): PinProblem | undefined {
  const pattern = new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`);
  if (!pattern.test(pin)) return 'format';
  if (pin !== repeat) return 'mismatch';
  return undefined;
}

/** The outcome of a PIN typed on the pad. */
export type PinAttempt =
  | { kind: 'ok'; role: StaffRole }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'locked'; until: number };

/** The settings the PIN store reads and writes; tests may pass their own. */
export interface PinSettings {
  read(key: 'pins' | 'lock'): Promise<unknown>;
  write(key: 'pins' | 'lock', value: unknown): Promise<void>;
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
}

function isSecretHash(value: unknown): value is SecretHash {
  const hash = value as Partial<SecretHash> | undefined;
  return (
    typeof hash === 'object' &&
    hash !== null &&
    typeof hash.salt === 'string' &&
    typeof hash.hash === 'string' &&
    Number.isSafeInteger(hash.iterations) &&
    (hash.iterations ?? 0) > 0
  );
}

function isStoredPins(value: unknown): value is StoredPins {
  const pins = value as Partial<StoredPins> | undefined;
  return (
    typeof pins === 'object' &&
    pins !== null &&
    pins.schema === 1 &&
    isSecretHash(pins.volunteer) &&
    isSecretHash(pins.lead) &&
    isSecretHash(pins.recovery)
  );
}

function asLockState(value: unknown): LockState {
  const lock = value as Partial<LockState> | undefined;
  const failures = Number.isSafeInteger(lock?.failures) ? Math.max(0, lock!.failures!) : 0;
  const state: LockState = { failures };
  if (typeof lock?.lockedUntil === 'number') state.lockedUntil = lock.lockedUntil;
  return state;
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
    const stored = await settings.read('pins');
    return isStoredPins(stored) ? stored : undefined;
  }

  async function activeLock(): Promise<{ lock: LockState; until?: number }> {
    const lock = asLockState(await settings.read('lock'));
    const now = deps.now();
    if (lock.lockedUntil === undefined || lock.lockedUntil <= now) return { lock };
    // A clock turned back must not stretch the lock beyond its five minutes.
    return { lock, until: Math.min(lock.lockedUntil, now + LOCK_MS) };
  }

  return {
    async isSetUp() {
      return (await readPins()) !== undefined;
    },

    async setUp(volunteerPin, leadPin) {
      if (pinProblem(volunteerPin, volunteerPin) || pinProblem(leadPin, leadPin)) {
        throw new PinRuleError('A PIN must be 4–8 digits');
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
      const { lock, until } = await activeLock();
      if (until !== undefined) return { kind: 'locked', until };
      const pins = await readPins();
      const [isVolunteer, isLead] = pins
        ? await Promise.all([verifySecret(pin, pins.volunteer), verifySecret(pin, pins.lead)])
        : [false, false];
      if (isLead || isVolunteer) {
        if (lock.failures > 0 || lock.lockedUntil !== undefined) await settings.remove('lock');
        return { kind: 'ok', role: isLead ? 'lead' : 'volunteer' };
      }
      const failures = lock.failures + 1;
      if (failures >= MAX_WRONG_PINS) {
        const lockedUntil = deps.now() + LOCK_MS;
        await settings.write('lock', { failures: 0, lockedUntil } satisfies LockState);
        return { kind: 'locked', until: lockedUntil };
      }
      await settings.write('lock', { failures } satisfies LockState);
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
  };
}
