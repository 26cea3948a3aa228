/**
 * What the PINs are held to, as numbers and pure rules: the two roles a PIN signs in as, the
 * digits a role's new PIN must have, and how many wrong PINs lock the pad and for how long.
 * Separate from pins.ts, which owns the stored hashes and the lock's state: the PIN forms check
 * a PIN against these rules before anything is stored, and the rules need neither the settings
 * store nor WebCrypto.
 */

export type StaffRole = 'volunteer' | 'lead';

export const MAX_WRONG_PINS = 5;
export const LOCK_MS = 5 * 60 * 1000;
export const MAX_LOCK_MS = 60 * 60 * 1000;
export const PIN_MIN_DIGITS = 4;
/** A new lead PIN's least length; a shorter one set before still signs in (and is asked to change). */
export const LEAD_PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 8;

/** The wait after the nth lockout since the last right PIN: 5, 10, 20, 40, then 60 minutes. */
export function lockWaitMs(lockouts: number): number {
  return Math.min(LOCK_MS * 2 ** (lockouts - 1), MAX_LOCK_MS);
}

/** What is wrong with a PIN and its repetition, if anything. */
export type PinProblem = 'format' | 'mismatch';

/** The least digits a role's new PIN must have. */
export const minDigits = (role: StaffRole) =>
  role === 'lead' ? LEAD_PIN_MIN_DIGITS : PIN_MIN_DIGITS;

export function pinProblem(
  pin: string,
  repeat: string,
  min = PIN_MIN_DIGITS,
): PinProblem | undefined {
  const pattern = new RegExp(`^\\d{${min},${PIN_MAX_DIGITS}}$`);
  if (!pattern.test(pin)) return 'format';
  if (pin !== repeat) return 'mismatch';
  return undefined;
}
