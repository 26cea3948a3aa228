// Staff-mode test support: PIN settings seeded or cleared, so each test starts where it says.
import { clear, createStore } from 'idb-keyval';
import type { StoredPins } from '../../src/state/pins.ts';
import { writeSetupHint } from '../../src/state/setup-hint.ts';
import { writeSetting } from '../../src/storage/settings.ts';

/** The PINs and recovery code of a seeded tablet. */
export const TEST_PINS = { volunteer: '1111', lead: '2222', recovery: 'AAAA-BBBB-CCCC' } as const;

// Hashed once with a single iteration (verification reads the count from the hash), so a
// seeded tablet costs a test nothing; `createPinStore` hashes with the real count.
const SEEDED_PINS: StoredPins = {
  schema: 1,
  volunteer: {
    salt: 'dm9sdW50ZWVyLXNhbHQtMQ==',
    hash: 'KczSmfJJvF2I+cKHoW2oPj2e5AecHl3pdu12YxtcG/s=',
    iterations: 1,
  },
  lead: {
    salt: 'bGVhZC1zYWx0LTEyMzQ1Ng==',
    hash: 'jaVpZwAnOALmQjhCJCWPDWSBwTONQfLN6BNsP1pQUik=',
    iterations: 1,
  },
  recovery: {
    salt: 'cmVjb3Zlcnktc2FsdC0xMg==',
    hash: 'txFz+A5s0naaDmzrWudTMJ+r3ZeNG4FHn/ysVKLLR+U=',
    iterations: 1,
  },
};

/**
 * Marks the tablet as set up with TEST_PINS. The write is queued at once, before anything a
 * test renders can read the settings (IndexedDB runs them in order), so callers need not await.
 */
export function seedStaffPins(): Promise<void> {
  writeSetupHint(true);
  return writeSetting('pins', SEEDED_PINS);
}

/** Empties the device settings (PINs, lock, config) and the set-up hint: a fresh tablet. */
export async function clearSettings(): Promise<void> {
  writeSetupHint(false);
  await clear(createStore('terskel-settings', 'settings'));
}
