// The dashboard's reading of a tablet's record: silent after more than two of its site's
// counting days (today only once the site has counted today), its clock against the endpoint's,
// and storage in decimal units as phones show it.
import { describe, expect, it } from 'vitest';
import type { AdminDevice } from '../../../src/dashboard/api.ts';
import { bytes, clockSkewMs, silence, siteRhythm } from '../../../src/dashboard/health.ts';
import { ALTA } from './fixtures.ts';

// Saturday 5 December, midday.
const NOW = new Date('2026-12-05T12:00:00');
const seenOn = (lastSeenAt: string | null, changes: Partial<AdminDevice> = {}): AdminDevice => ({
  ...ALTA.devices[1]!,
  lastSeenAt,
  ...changes,
});

describe("the dashboard's reading of a tablet's health", () => {
  it('counts today only once the site has counted today', () => {
    // A site counting on Thursdays, Fridays and Saturdays; the tablet last synced on Wednesday.
    const dates = ['2026-11-26', '2026-11-27', '2026-11-28'];
    const quiet = siteRhythm(dates)!;
    expect(silence(seenOn('2026-12-02T15:00:00'), NOW, quiet)).toEqual({
      silent: false,
      rule: 'openingDays',
    });
    // Another tablet has counted today: Thursday, Friday and today make three.
    const counting = siteRhythm([...dates, '2026-12-05'])!;
    expect(silence(seenOn('2026-12-02T15:00:00'), NOW, counting).silent).toBe(true);
    // Synced this morning: today is not missed.
    expect(silence(seenOn('2026-12-05T08:00:00'), NOW, counting).silent).toBe(false);
  });

  it('judges a tablet that never synced from when it was added, and never a revoked one', () => {
    const rhythm = siteRhythm(ALTA.countedDates)!;
    expect(silence(seenOn(null, { createdAt: '2026-11-20T10:00:00' }), NOW, rhythm).silent).toBe(
      true,
    );
    expect(silence(seenOn(null, { createdAt: '2026-12-04T10:00:00' }), NOW, rhythm).silent).toBe(
      false,
    );
    const revoked = seenOn('2026-01-01T10:00:00', { revokedAt: '2026-01-02T10:00:00' });
    expect(silence(revoked, NOW, rhythm).silent).toBe(false);
    expect(siteRhythm([])).toBeUndefined();
  });

  it("measures the tablet's clock against the endpoint's, and says nothing without both", () => {
    const health = ALTA.devices[0]!.health!;
    const at = '2026-12-05T09:00:00.000Z';
    expect(clockSkewMs(seenOn(null, { health, healthAt: at }))).toBe(7 * 60_000);
    const slow = { ...health, clock: '2026-12-05T08:58:00.000Z' };
    expect(clockSkewMs(seenOn(null, { health: slow, healthAt: at }))).toBe(-2 * 60_000);
    expect(clockSkewMs(seenOn(null, { health, healthAt: null }))).toBeUndefined();
    expect(clockSkewMs(seenOn(null))).toBeUndefined();
  });

  it('writes storage in decimal units', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(bytes(512))).toBe('512 B');
    expect(plain(bytes(1_843_200))).toBe('1,8 MB');
    expect(plain(bytes(2_147_483_648))).toBe('2,1 GB');
    expect(plain(bytes(64_000_000_000_000))).toBe('64 TB');
  });
});
