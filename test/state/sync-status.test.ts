import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATUS,
  keptStatus,
  restoredStatus,
  statusAfterRun,
} from '../../src/state/sync-status.ts';
import { restore } from '../../src/storage/setting-schemas.ts';

const held = [
  { replica: 'r', day: '2026-11-23', rev: 2, reason: 'invalid' as const, message: 'days.0: bad' },
];

describe('the sync status', () => {
  it('keeps a failed run as a code and the network’s own words, never a sentence', () => {
    const offline = statusAfterRun(
      EMPTY_STATUS,
      { kind: 'retry', status: 0, message: 'Failed to fetch', uploaded: 0 },
      [],
      10,
    );
    expect(offline.lastError).toEqual({ code: 'no-contact', detail: 'Failed to fetch' });
    expect(offline.needsPairing).toBe(false);
    const revoked = statusAfterRun(
      offline,
      { kind: 'unauthorized', status: 401, message: 'pair again', uploaded: 0 },
      [],
      20,
    );
    expect(revoked).toMatchObject({
      lastError: { code: 'refused', detail: 'pair again' },
      needsPairing: true,
    });
  });

  it('a run that went through clears the error and keeps what is held back', () => {
    const failed = { ...EMPTY_STATUS, lastError: { code: 'no-contact' as const, detail: 'x' } };
    const done = statusAfterRun(failed, { kind: 'done', uploaded: 3, held, skewMs: 4 }, held, 30);
    expect(done).toEqual({ ...EMPTY_STATUS, held, lastSuccessAt: 30, skewMs: 4 });
  });

  it('restores a kept status under the pairing as it is now, with nothing held or running', () => {
    const pairing = { endpoint: 'https://e', site: 'alta', device: 'd', token: 't' };
    expect(restoredStatus({ ...EMPTY_STATUS, held, waitingDays: 2 }, pairing)).toEqual({
      ...EMPTY_STATUS,
      waitingDays: 2,
      paired: true,
      endpoint: 'https://e',
      site: 'alta',
      device: 'd',
    });
    expect(restoredStatus(undefined, undefined)).toEqual(EMPTY_STATUS);
  });

  it('keeps when the health was last sent across a restart, and a run leaves it as it was', () => {
    const status = { ...EMPTY_STATUS, paired: true, healthSentAt: 1234 };
    const kept = restore('syncStatus', JSON.parse(JSON.stringify(keptStatus(status))));
    expect(kept.value?.healthSentAt).toBe(1234);
    expect(restoredStatus(kept.value, undefined).healthSentAt).toBe(1234);
    const after = statusAfterRun(status, { kind: 'done', uploaded: 0, held: [] }, [], 99);
    expect(after.healthSentAt).toBe(1234);
  });
});
