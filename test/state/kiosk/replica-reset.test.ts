// Noticing a reset database: new while the pairing survived.
import { beforeEach, describe, expect, it } from 'vitest';
import { createReplicaResetStore } from '../../../src/state/kiosk/replica-reset.ts';
import { readSetting, removeSetting, writeSetting } from '../../../src/storage/settings.ts';

const PAIRING = { endpoint: 'https://terskel.example', token: 't', site: 'alta', device: 'd1' };

beforeEach(async () => {
  await removeSetting('replica');
  await removeSetting('device');
  localStorage.clear();
});

describe('the replica reset store', () => {
  it('a first start remembers the replica (and its copy for the cold start), no reset', async () => {
    const reset = createReplicaResetStore({ now: () => 5 });
    await reset.notice('r1');
    expect(await readSetting('replica')).toEqual({ id: 'r1' });
    expect(localStorage.getItem('terskel:replica')).toBe('r1');
    expect(reset.databaseReset.get()).toBe(false);
  });

  it('a new replica with the pairing kept is a reset, remembered across starts until dismissed', async () => {
    await writeSetting('replica', { id: 'r1' });
    await writeSetting('device', PAIRING);
    const reset = createReplicaResetStore({ now: () => 5 });
    await reset.notice('r2');
    expect(reset.databaseReset.get()).toBe(true);
    expect(await readSetting('replica')).toEqual({ id: 'r2', resetAt: 5 });
    const nextStart = createReplicaResetStore({ now: () => 9 });
    await nextStart.notice('r2');
    expect(nextStart.databaseReset.get()).toBe(true);
    await nextStart.dismiss(Promise.resolve('r2'));
    expect(nextStart.databaseReset.get()).toBe(false);
    expect(await readSetting('replica')).toEqual({ id: 'r2' });
  });

  it('a new replica without a pairing is no reset (everything was wiped)', async () => {
    await writeSetting('replica', { id: 'r1' });
    const reset = createReplicaResetStore({ now: () => 5 });
    await reset.notice('r2');
    expect(reset.databaseReset.get()).toBe(false);
    expect(await readSetting('replica')).toEqual({ id: 'r2' });
  });
});
