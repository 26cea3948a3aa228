import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  hashesEqual,
  hashPairingCode,
  hashToken,
  newPairingCode,
  newToken,
  normalizePairingCode,
  sealToken,
  unsealToken,
} from '../../src/server/tokens.ts';

describe('tokens', () => {
  it('are 256 random bits as base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, newToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as SHA-256 hex and compared in constant time', () => {
    const token = newToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashesEqual(hash, hashToken(token))).toBe(true);
    expect(hashesEqual(hash, hashToken(newToken()))).toBe(false);
    expect(hashesEqual(hash, hash.slice(0, 62))).toBe(false);
    expect(hashesEqual('', '')).toBe(false);
  });
});

describe('pairing codes', () => {
  it('are 10 Crockford base32 characters shown as XXXXX-XXXXX', () => {
    for (let i = 0; i < 200; i++) {
      const code = newPairingCode();
      expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      for (const char of code.replace('-', '')) expect(CROCKFORD_ALPHABET).toContain(char);
    }
  });

  it('ignore case and dashes, and read I, L and O as 1, 1 and 0', () => {
    expect(normalizePairingCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normalizePairingCode(' ab cde fghjk ')).toBe('ABCDEFGHJK');
    expect(normalizePairingCode('ILO00-11111')).toBe('1100011111');
    expect(normalizePairingCode('ABCDE-FGHJ')).toBeUndefined();
    expect(normalizePairingCode('UUUUU-UUUUU')).toBeUndefined();
    expect(normalizePairingCode('')).toBeUndefined();
  });

  it('seal the token so only the code opens it', () => {
    const token = newToken();
    const code = normalizePairingCode(newPairingCode())!;
    const sealed = sealToken(token, code);
    expect(sealed).not.toContain(token);
    expect(unsealToken(sealed, code)).toBe(token);
    expect(unsealToken(sealed, normalizePairingCode(newPairingCode())!)).toBeUndefined();
    expect(unsealToken('garbage', code)).toBeUndefined();
    expect(hashPairingCode(code)).not.toBe(hashToken(code));
  });
});
