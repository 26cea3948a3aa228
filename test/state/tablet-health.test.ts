import { describe, expect, it } from 'vitest';
import {
  displayOf,
  EXPORT_STALE_MS,
  gatherTabletHealth,
  healthChecks,
  SYNC_STALE_MS,
  type CheckId,
  type CheckLine,
  type HealthSources,
  type TabletHealth,
  uploadHealthOf,
} from '../../src/state/tablet-health.ts';
import { healthSchema } from '../../src/shared/protocol.ts';

const NOW = Date.UTC(2026, 11, 3, 12, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A tablet with nothing to do: installed, persistent, controlled, awake, synced an hour ago. */
function healthy(): TabletHealth {
  return {
    appVersion: '0.1.0',
    checkedAt: NOW,
    display: { standalone: true, ios: true },
    storage: { persisted: true, usageBytes: 2_000_000, quotaBytes: 600_000_000 },
    offline: { serviceWorker: true, controlled: true, updateWaiting: false },
    wakeLock: 'held',
    clock: { skewMs: 1200, source: 'endpoint' },
    sync: { paired: true, needsPairing: false, lastSuccessAt: NOW - HOUR },
    lastExportAt: null,
    unsavedTaps: 0,
  };
}

/** The one line of a check, for a tablet that differs from a healthy one by `change`. */
function lineOf(check: CheckId, change: (health: TabletHealth) => void = () => {}): CheckLine {
  const health = healthy();
  change(health);
  const line = healthChecks(health).find((candidate) => candidate.check === check);
  if (line === undefined) throw new Error(`no ${check} line`);
  return line;
}

describe('the self-test rule', () => {
  it('a healthy, paired tablet has one line per check, all fine, in a fixed order', () => {
    const lines = healthChecks(healthy());
    expect(lines.map((line) => line.check)).toEqual([
      'installed',
      'persisted',
      'space',
      'offline',
      'update',
      'wakeLock',
      'clock',
      'sync',
      'export',
    ]);
    expect(lines.filter((line) => line.status !== 'ok')).toEqual([]);
  });

  it('a browser tab asks to be added to the Home Screen on an iPad, installed elsewhere', () => {
    expect(lineOf('installed', (h) => (h.display = { standalone: false, ios: true }))).toEqual({
      check: 'installed',
      status: 'warn',
      message: 'selfTest.installed.ios',
    });
    expect(lineOf('installed', (h) => (h.display = { standalone: false, ios: false }))).toEqual({
      check: 'installed',
      status: 'warn',
      message: 'selfTest.installed.browser',
    });
  });

  it('storage that is not persistent warns; a browser that does not say is unknown', () => {
    expect(lineOf('persisted', (h) => (h.storage.persisted = false)).status).toBe('warn');
    expect(lineOf('persisted', (h) => (h.storage.persisted = null))).toEqual({
      check: 'persisted',
      status: 'unknown',
      message: 'selfTest.persisted.unknown',
    });
  });

  it('storage from 80 % of the quota warns, with usage and quota; no estimate is unknown', () => {
    expect(lineOf('space')).toEqual({
      check: 'space',
      status: 'ok',
      message: 'selfTest.space.ok',
      values: { used: 2_000_000, quota: 600_000_000 },
    });
    const full = lineOf('space', (h) => (h.storage.usageBytes = 480_000_000));
    expect([full.status, full.message]).toEqual(['warn', 'selfTest.space.warn']);
    expect(lineOf('space', (h) => (h.storage.usageBytes = 479_999_999)).status).toBe('ok');
    expect(lineOf('space', (h) => (h.storage.quotaBytes = null)).status).toBe('unknown');
  });

  it('a page no service worker controls is told to reopen online; no service worker at all warns', () => {
    expect(lineOf('offline', (h) => (h.offline.controlled = false)).message).toBe(
      'selfTest.offline.reload',
    );
    expect(
      lineOf('offline', (h) => (h.offline = { ...h.offline, serviceWorker: false })).message,
    ).toBe('selfTest.offline.unsupported');
  });

  it('a waiting version and a screen not kept awake each warn', () => {
    expect(lineOf('update', (h) => (h.offline.updateWaiting = true)).status).toBe('warn');
    expect(lineOf('wakeLock', (h) => (h.wakeLock = 'not-held')).status).toBe('warn');
    expect(lineOf('wakeLock', (h) => (h.wakeLock = 'unsupported')).status).toBe('warn');
  });

  it.each([
    [5 * MINUTE, 'ok'],
    [5 * MINUTE + 1, 'warn'],
    [-5 * MINUTE, 'ok'],
    [-5 * MINUTE - 1, 'warn'],
  ] as const)('a clock %i ms from the endpoint is %s', (skewMs, status) => {
    expect(lineOf('clock', (h) => (h.clock = { skewMs, source: 'endpoint' })).status).toBe(status);
  });

  it('a wrong clock says by how many minutes', () => {
    expect(
      lineOf('clock', (h) => (h.clock = { skewMs: -12 * MINUTE, source: 'endpoint' })),
    ).toEqual({
      check: 'clock',
      status: 'warn',
      message: 'selfTest.clock.warn',
      values: { minutes: 12 },
    });
  });

  it('the clock is unknown offline, and unknown with another sentence when not paired', () => {
    expect(lineOf('clock', (h) => (h.clock = { skewMs: null, source: 'unreachable' }))).toEqual({
      check: 'clock',
      status: 'unknown',
      message: 'selfTest.clock.unknown',
    });
    expect(lineOf('clock', (h) => (h.clock = { skewMs: null, source: 'not-paired' })).message).toBe(
      'selfTest.clock.notPaired',
    );
  });

  it('a paired tablet warns when its last sync is over a day old, never happened, or it must pair again', () => {
    expect(lineOf('sync')).toEqual({
      check: 'sync',
      status: 'ok',
      message: 'selfTest.sync.ok',
      values: { at: NOW - HOUR },
    });
    expect(lineOf('sync', (h) => (h.sync.lastSuccessAt = NOW - SYNC_STALE_MS)).status).toBe('ok');
    expect(lineOf('sync', (h) => (h.sync.lastSuccessAt = NOW - SYNC_STALE_MS - 1)).message).toBe(
      'selfTest.sync.stale',
    );
    expect(lineOf('sync', (h) => (h.sync.lastSuccessAt = null)).message).toBe(
      'selfTest.sync.never',
    );
    expect(lineOf('sync', (h) => (h.sync.needsPairing = true)).message).toBe(
      'selfTest.sync.pairAgain',
    );
    expect(lineOf('sync', (h) => (h.sync.paired = false)).status).toBe('unknown');
  });

  it('an unpaired tablet without an export in the last week is told to make a backup', () => {
    const unpaired = (h: TabletHealth) => (h.sync = { ...h.sync, paired: false });
    expect(lineOf('export', unpaired)).toEqual({
      check: 'export',
      status: 'warn',
      message: 'selfTest.export.warn',
    });
    expect(
      lineOf('export', (h) => {
        unpaired(h);
        h.lastExportAt = NOW - EXPORT_STALE_MS;
      }),
    ).toEqual({
      check: 'export',
      status: 'ok',
      message: 'selfTest.export.ok',
      values: { at: NOW - EXPORT_STALE_MS },
    });
    expect(
      lineOf('export', (h) => {
        unpaired(h);
        h.lastExportAt = NOW - EXPORT_STALE_MS - 1;
      }).status,
    ).toBe('warn');
    // Paired, the endpoint keeps a copy: no export is no reason to act.
    expect(lineOf('export')).toEqual({
      check: 'export',
      status: 'ok',
      message: 'selfTest.export.none',
    });
  });
});

/** Sources of a paired tablet whose every fact is known. */
function sources(overrides: Partial<HealthSources> = {}): HealthSources {
  return {
    now: () => NOW,
    appVersion: '0.1.0',
    display: () => ({ standalone: false, ios: true }),
    persisted: () => Promise.resolve(true),
    estimate: () => Promise.resolve({ usage: 1234, quota: 5678 }),
    serviceWorker: () => ({ supported: true, controlled: true }),
    updateWaiting: () => false,
    wakeLock: () => 'held',
    sync: () => ({ paired: true, needsPairing: false, lastSuccessAt: NOW - HOUR }),
    endpointClock: () => Promise.resolve({ skewMs: 90_000.4 }),
    lastExportAt: () => Promise.resolve(undefined),
    unsavedTaps: () => 2,
    timeoutMs: 50,
    ...overrides,
  };
}

describe('the tablet health object', () => {
  it('is plain JSON data of a fixed shape, without the names in the sync status', async () => {
    const health = await gatherTabletHealth(
      sources({
        sync: () =>
          ({
            paired: true,
            needsPairing: false,
            lastSuccessAt: NOW - HOUR,
            site: 'hjerterom-alta',
            endpoint: 'https://terskel.example',
            device: 'door',
          }) as ReturnType<HealthSources['sync']>,
      }),
    );
    expect(health).toEqual({
      appVersion: '0.1.0',
      checkedAt: NOW,
      display: { standalone: false, ios: true },
      storage: { persisted: true, usageBytes: 1234, quotaBytes: 5678 },
      offline: { serviceWorker: true, controlled: true, updateWaiting: false },
      wakeLock: 'held',
      clock: { skewMs: 90_000, source: 'endpoint' },
      sync: { paired: true, needsPairing: false, lastSuccessAt: NOW - HOUR },
      lastExportAt: null,
      unsavedTaps: 2,
    });
    expect(JSON.parse(JSON.stringify(health))).toEqual(health);
    expect(JSON.stringify(health)).not.toMatch(/hjerterom|example|door/);
  });

  it('a fact that never settles or fails is null after the timeout, and the rest still arrive', async () => {
    const never = () => new Promise<never>(() => undefined);
    const health = await gatherTabletHealth(
      sources({
        persisted: never,
        estimate: () => Promise.reject(new Error('no storage manager')),
        endpointClock: never,
        lastExportAt: never,
      }),
    );
    expect(health.storage).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
    expect(health.clock).toEqual({ skewMs: null, source: 'unreachable' });
    expect(health.lastExportAt).toBeNull();
    expect(health.wakeLock).toBe('held');
  });

  it('an endpoint hiding its Date header falls back to the skew the last upload measured', async () => {
    const unreadable = () => Promise.resolve({ problem: 'unreadable' as const });
    const withSkew = await gatherTabletHealth(
      sources({
        endpointClock: unreadable,
        sync: () => ({ paired: true, needsPairing: false, skewMs: -400_000 }),
      }),
    );
    expect(withSkew.clock).toEqual({ skewMs: -400_000, source: 'last-upload' });
    const without = await gatherTabletHealth(sources({ endpointClock: unreadable }));
    expect(without.clock).toEqual({ skewMs: null, source: 'unreadable' });
  });

  it('an unpaired tablet does not look at any clock', async () => {
    const health = await gatherTabletHealth(
      sources({
        sync: () => ({ paired: false, needsPairing: false }),
        endpointClock: () => Promise.resolve(undefined),
      }),
    );
    expect(health.clock).toEqual({ skewMs: null, source: 'not-paired' });
    expect(health.sync).toEqual({ paired: false, needsPairing: false, lastSuccessAt: null });
  });
});

describe('installed or in a browser tab', () => {
  const media = (standalone: boolean) => (query: string) => ({
    matches: standalone && query === '(display-mode: standalone)',
  });

  it('reads the display mode, and iOS by navigator.standalone', () => {
    expect(displayOf(media(true), {})).toEqual({ standalone: true, ios: false });
    expect(displayOf(media(false), {})).toEqual({ standalone: false, ios: false });
    expect(displayOf(media(false), { standalone: true })).toEqual({ standalone: true, ios: true });
    expect(displayOf(media(false), { standalone: false })).toEqual({
      standalone: false,
      ios: true,
    });
    expect(displayOf(undefined, {})).toEqual({ standalone: false, ios: false });
  });
});

describe('the health an upload carries (protocol version 2)', () => {
  it("is the self-test's facts: installed, storage, unsaved taps, no error, the clock", () => {
    const health = uploadHealthOf(healthy());
    expect(health).toEqual({
      appVersion: '0.1.0',
      installed: true,
      persisted: true,
      usageBytes: 2_000_000,
      quotaBytes: 600_000_000,
      unsavedTaps: 0,
      lastError: null,
      clock: new Date(NOW).toISOString(),
    });
    expect(healthSchema.safeParse(health).success).toBe(true);
  });

  it('unknown storage facts stay null; a browser tab is not installed', () => {
    const facts = healthy();
    facts.display.standalone = false;
    facts.storage = { persisted: null, usageBytes: null, quotaBytes: null };
    facts.unsavedTaps = 3;
    expect(uploadHealthOf(facts)).toMatchObject({
      installed: false,
      persisted: null,
      usageBytes: null,
      quotaBytes: null,
      unsavedTaps: 3,
    });
  });

  it('the last sync error is one plain line of at most 120 characters', () => {
    const health = uploadHealthOf(healthy(), {
      code: 'refused',
      detail: `Bad\u0000 gateway\n\u202e${'x'.repeat(200)}`,
    });
    expect(health.lastError).toBe(`refused: Bad gateway${'x'.repeat(100)}`);
    expect(health.lastError).toHaveLength(120);
    expect(healthSchema.safeParse(health).success).toBe(true);
    expect(uploadHealthOf(healthy(), { code: 'no-contact', detail: 'offline' }).lastError).toBe(
      'no-contact: offline',
    );
  });

  it('an app version is cut to 32 characters without control characters', () => {
    const facts = healthy();
    facts.appVersion = `1.2.3\u0007-${'beta'.repeat(20)}`;
    const health = uploadHealthOf(facts);
    expect(health.appVersion).toBe(`1.2.3-${'beta'.repeat(20)}`.slice(0, 32));
    expect(healthSchema.safeParse(health).success).toBe(true);
  });
});
