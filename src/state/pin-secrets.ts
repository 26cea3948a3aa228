/**
 * The PIN secrets' cryptography: PBKDF2-SHA-256 hashes with a random salt (WebCrypto), their
 * constant-time check, and the recovery code's alphabet. It never keeps or logs a secret.
 */
import type { SettingValue } from '../storage/settings.ts';

/**
 * Iterations for new hashes. A 4-digit PIN falls to an offline search whatever the count:
 * the lockout is what protects it; the iterations make a stolen settings store slower to read.
 */
export const PIN_ITERATIONS = 150_000;

/** One stored secret: salt and derived key in base64, with the iterations it was made with. */
export type SecretHash = SettingValue<'pins'>['lead'];

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
