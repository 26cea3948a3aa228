/**
 * Secrets of the endpoint: device and admin tokens (256 random bits, only their SHA-256 hashes
 * are stored, compared in constant time) and pairing codes (Crockford base32, hashed too).
 * Nothing here ever logs or persists a secret in the clear.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O or U, so a code read aloud is not misheard. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a pairing code (50 random bits). */
export const PAIRING_CODE_LENGTH = 10;
/** How long a pairing code may be redeemed. */
export const PAIRING_CODE_TTL_MS = 24 * 60 * 60 * 1000;

/** A new bearer token: 32 random bytes as base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a token as hex: what the store keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time (equal length is a given for SHA-256 hex). */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** A new pairing code, 10 Crockford base32 characters shown as `XXXXX-XXXXX`. */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += CROCKFORD_ALPHABET[randomInt(32)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The canonical form of a typed code (upper case, no dashes or spaces, Crockford's look-alikes
 * I/L → 1 and O → 0), or undefined when it cannot be a pairing code.
 */
export function normalizePairingCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== PAIRING_CODE_LENGTH) return undefined;
  for (const char of code) if (!CROCKFORD_ALPHABET.includes(char)) return undefined;
  return code;
}

/** The hash under which a (normalized) pairing code is stored and looked up. */
export function hashPairingCode(code: string): string {
  return createHash('sha256').update(`terskel-pairing-code\0${code}`, 'utf8').digest('hex');
}

// The pairing code must hand out the device's token, which is stored only as a hash; so the
// code row carries the token encrypted under a key derived from the code itself. The row is
// deleted when the code is redeemed, and the key is never stored.
function sealKey(code: string): Buffer {
  return createHash('sha256').update(`terskel-pairing-seal\0${code}`, 'utf8').digest();
}

/** Encrypts a token under a (normalized) pairing code: AES-256-GCM, base64url `iv.tag.data`. */
export function sealToken(token: string, code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(code), iv);
  const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
}

/** Decrypts a sealed token with its pairing code, or undefined when it does not open. */
export function unsealToken(sealed: string, code: string): string | undefined {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(code), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
