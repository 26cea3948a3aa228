import { describe, expect, it } from 'vitest';
import { closeTheDay } from '../../src/state/closing.ts';
import { testKiosk } from '../support/kiosk.ts';

describe('every other storage write goes through the reopen path', () => {
  it('closing the day works after the connection was dropped (as Safari does)', async () => {
    const kiosk = testKiosk();
    const { db, replica } = await kiosk.storage;
    db.close();
    expect(await closeTheDay(kiosk.store, '2026-11-23', '120', 120)).toEqual({ ok: true });
    expect((await db.days.get([replica, '2026-11-23']))?.cashCountedNok).toBe(120);
  });

  it('a write that still fails is reported to the caller, not swallowed', async () => {
    const kiosk = testKiosk();
    await expect(
      kiosk.store.write(() =>
        Promise.reject(Object.assign(new Error('nope'), { name: 'DataError' })),
      ),
    ).rejects.toThrow('nope');
  });
});
