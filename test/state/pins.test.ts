import { beforeEach, describe, expect, it } from 'vitest';
import { LOCK_MS, lockWaitMs, pinProblem } from '../../src/state/pin-policy.ts';
import {
  createPinStore,
  generateRecoveryCode,
  hashSecret,
  normalizeRecoveryCode,
  PIN_ITERATIONS,
  PinRuleError,
  verifySecret,
} from '../../src/state/pins.ts';
import { readSetting, writeSetting } from '../../src/storage/settings.ts';
import { clearSettings, seedStaffPins, TEST_PINS } from '../support/staff.ts';

const FAST = 1_000;

beforeEach(() => clearSettings());

/** A PIN store on the real idb-keyval settings, with a clock the test moves. */
function pinStore(clock = { now: Date.UTC(2026, 10, 23, 12, 0) }) {
  return { clock, pins: createPinStore({ iterations: FAST, now: () => clock.now }) };
}

describe('hashing', () => {
  it('a hash verifies its own secret and no other, with a random 16-byte salt', async () => {
    const first = await hashSecret('4821', FAST);
    const second = await hashSecret('4821', FAST);
    expect(atob(first.salt)).toHaveLength(16);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(first.iterations).toBe(FAST);
    expect(await verifySecret('4821', first)).toBe(true);
    expect(await verifySecret('4822', first)).toBe(false);
  });

  it('hashes with at least 100 000 iterations unless told otherwise', async () => {
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    expect((await hashSecret('4821')).iterations).toBe(PIN_ITERATIONS);
  });

  it('a recovery code is 12 Crockford base32 characters in three groups', () => {
    const code = generateRecoveryCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(generateRecoveryCode()).not.toBe(code);
  });

  it('a recovery code reads back however it was typed: case, spaces, O for 0, l for 1', () => {
    expect(normalizeRecoveryCode('7k3m q9xd-2hbf')).toBe('7K3MQ9XD2HBF');
    expect(normalizeRecoveryCode('O1lI')).toBe('0111');
  });
});

describe('PIN rules', () => {
  it('a PIN is 4–8 digits, typed the same twice', () => {
    expect(pinProblem('123', '123')).toBe('format');
    expect(pinProblem('123456789', '123456789')).toBe('format');
    expect(pinProblem('12a4', '12a4')).toBe('format');
    expect(pinProblem('1234', '1235')).toBe('mismatch');
    expect(pinProblem('1234', '1234')).toBeUndefined();
    expect(pinProblem('12345678', '12345678')).toBeUndefined();
  });

  it('set-up refuses equal PINs and short ones', async () => {
    const { pins } = pinStore();
    await expect(pins.setUp('123456', '123456')).rejects.toBeInstanceOf(PinRuleError);
    await expect(pins.setUp('123', '567890')).rejects.toBeInstanceOf(PinRuleError);
    expect(await pins.isSetUp()).toBe(false);
  });

  it('a new lead PIN needs at least 6 digits; the volunteer PIN still 4', async () => {
    const { pins } = pinStore();
    for (const lead of ['5678', '56789']) {
      await expect(pins.setUp('1234', lead)).rejects.toBeInstanceOf(PinRuleError);
    }
    expect(await pins.isSetUp()).toBe(false);
    await pins.setUp('1234', '567890');
    expect(await pins.tryPin('1234')).toEqual({ kind: 'ok', role: 'volunteer' });
    await expect(pins.replacePin('lead', '98765')).rejects.toBeInstanceOf(PinRuleError);
    expect(await pins.replacePin('lead', '987654')).toBe(true);
    expect(await pins.replacePin('volunteer', '4321')).toBe(true);
  });
});

describe('the PIN store', () => {
  it('stores only hashes: no PIN and no recovery code appear in the settings', async () => {
    const { pins } = pinStore();
    expect(await pins.isSetUp()).toBe(false);
    const code = await pins.setUp('4821', '975319');
    expect(await pins.isSetUp()).toBe(true);
    const stored = JSON.stringify(await readSetting('pins'));
    expect(stored).not.toContain('4821');
    expect(stored).not.toContain('975319');
    expect(stored).not.toContain(normalizeRecoveryCode(code));
    expect(stored).not.toContain(code);
  });

  it('the role is decided by which PIN matches', async () => {
    const { pins } = pinStore();
    await pins.setUp('4821', '975319');
    expect(await pins.tryPin('4821')).toEqual({ kind: 'ok', role: 'volunteer' });
    expect(await pins.tryPin('975319')).toEqual({ kind: 'ok', role: 'lead' });
    expect(await pins.tryPin('0000')).toEqual({ kind: 'wrong', remaining: 4 });
  });

  it('five wrong PINs lock the pad for five minutes, even for the right PIN', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    for (const remaining of [4, 3, 2, 1]) {
      expect(await pins.tryPin('9999')).toEqual({ kind: 'wrong', remaining });
    }
    expect(await pins.tryPin('9999')).toEqual({ kind: 'locked', until: clock.now + LOCK_MS });
    expect((await pins.tryPin(TEST_PINS.lead)).kind).toBe('locked');
    clock.now += LOCK_MS - 1000;
    expect((await pins.tryPin(TEST_PINS.lead)).kind).toBe('locked');
    clock.now += 2000;
    expect(await pins.tryPin(TEST_PINS.lead)).toEqual({ kind: 'ok', role: 'lead' });
  });

  it('a right PIN forgives earlier wrong ones', async () => {
    const { pins } = pinStore();
    await seedStaffPins();
    for (let i = 0; i < 4; i++) await pins.tryPin('9999');
    expect((await pins.tryPin(TEST_PINS.volunteer)).kind).toBe('ok');
    expect(await pins.tryPin('9999')).toEqual({ kind: 'wrong', remaining: 4 });
  });

  it('the lock survives a reload: a new store reading the same settings is locked too', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    for (let i = 0; i < 5; i++) await pins.tryPin('9999');
    const reloaded = pinStore({ now: clock.now + 60_000 }).pins;
    expect(await reloaded.lockedUntil()).toBe(clock.now + LOCK_MS);
    expect((await reloaded.tryPin(TEST_PINS.volunteer)).kind).toBe('locked');
  });

  it('a clock turned back does not stretch the lock beyond five minutes', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    for (let i = 0; i < 5; i++) await pins.tryPin('9999');
    const turnedBack = pinStore({ now: clock.now - 24 * 60 * 60 * 1000 }).pins;
    expect(await turnedBack.lockedUntil()).toBe(clock.now - 24 * 60 * 60 * 1000 + LOCK_MS);
  });

  it('the recovery code lifts the lock; a wrong code does not', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    for (let i = 0; i < 5; i++) await pins.tryPin('9999');
    expect(await pins.recover('AAAA-BBBB-CCCD')).toBe(false);
    expect(await pins.recover('')).toBe(false);
    expect(await pins.lockedUntil()).toBe(clock.now + LOCK_MS);
    expect(await pins.recover('aaaa bbbb cccc')).toBe(true);
    expect(await pins.lockedUntil()).toBeUndefined();
    expect((await pins.tryPin(TEST_PINS.lead)).kind).toBe('ok');
  });

  it('new PINs replace the old ones and come with a new recovery code', async () => {
    const { pins } = pinStore();
    await seedStaffPins();
    const code = await pins.setUp('5555', '666666');
    expect(code).not.toBe(TEST_PINS.recovery);
    expect((await pins.tryPin(TEST_PINS.lead)).kind).toBe('wrong');
    expect(await pins.tryPin('666666')).toEqual({ kind: 'ok', role: 'lead' });
    expect(await pins.recover(TEST_PINS.recovery)).toBe(false);
    expect(await pins.recover(code)).toBe(true);
  });

  /** Five wrong PINs: the pad's answer to the fifth. */
  async function lockOut(pins: ReturnType<typeof pinStore>['pins']) {
    for (let i = 0; i < 4; i++) await pins.tryPin('9999');
    return pins.tryPin('9999');
  }

  it('each lockout waits twice as long as the last, up to an hour: 5, 10, 20, 40, 60, 60 minutes', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    for (const minutes of [5, 10, 20, 40, 60, 60]) {
      expect(await lockOut(pins)).toEqual({ kind: 'locked', until: clock.now + minutes * 60_000 });
      clock.now += minutes * 60_000 - 1000;
      expect((await pins.tryPin(TEST_PINS.lead)).kind).toBe('locked');
      clock.now += 1000;
    }
    expect([1, 2, 3, 4, 5, 6].map(lockWaitMs)).toEqual(
      [5, 10, 20, 40, 60, 60].map((minutes) => minutes * 60_000),
    );
  });

  it('a right PIN after the wait starts the doubling again at five minutes', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    await lockOut(pins);
    clock.now += LOCK_MS;
    expect(await lockOut(pins)).toEqual({ kind: 'locked', until: clock.now + 2 * LOCK_MS });
    clock.now += 2 * LOCK_MS;
    expect(await pins.tryPin(TEST_PINS.volunteer)).toEqual({ kind: 'ok', role: 'volunteer' });
    expect(await lockOut(pins)).toEqual({ kind: 'locked', until: clock.now + LOCK_MS });
  });

  it('the recovery code lifts a long wait, and the next lockout waits five minutes', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    for (const minutes of [5, 10, 20]) {
      await lockOut(pins);
      clock.now += minutes * 60_000;
    }
    expect(await lockOut(pins)).toEqual({ kind: 'locked', until: clock.now + 40 * 60_000 });
    expect(await pins.recover(TEST_PINS.recovery)).toBe(true);
    expect(await pins.lockedUntil()).toBeUndefined();
    expect(await lockOut(pins)).toEqual({ kind: 'locked', until: clock.now + LOCK_MS });
  });

  it('the doubling survives a reload: a new store locks the next time for longer', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    await lockOut(pins);
    const reloaded = pinStore({ now: clock.now + LOCK_MS }).pins;
    expect(await reloaded.lockedUntil()).toBeUndefined();
    expect(await lockOut(reloaded)).toEqual({ kind: 'locked', until: clock.now + 3 * LOCK_MS });
    const again = pinStore({ now: clock.now + 2 * LOCK_MS }).pins;
    expect(await again.lockedUntil()).toBe(clock.now + 3 * LOCK_MS);
  });

  it('a lock stored before locks doubled reads as the first lockout', async () => {
    const { pins, clock } = pinStore();
    await seedStaffPins();
    // The old shape: no count of lockouts.
    await writeSetting('lock', { failures: 0, lockedUntil: clock.now + LOCK_MS });
    expect(await pins.lockedUntil()).toBe(clock.now + LOCK_MS);
    clock.now += LOCK_MS;
    expect(await lockOut(pins)).toEqual({ kind: 'locked', until: clock.now + 2 * LOCK_MS });
  });
});
