// A stored configuration with any field broken must never blank the door (issue 16).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { businessDayOf } from '../../src/domain/business-day.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { siteConfigSchema, type SiteConfig } from '../../src/shared/site-config.ts';
import { loadConfig, paintCopyConfig } from '../../src/state/site-config.ts';
import { writePaintCopy, writeSetting } from '../../src/storage/settings.ts';
import { App } from '../../src/ui/App.tsx';
import { MONDAY_1250, net, testKiosk, totalsOf } from '../support/kiosk.ts';
import { clearSettings, TEST_PINS } from '../support/staff.ts';

type Json = unknown;

/** Every field path of a configuration, nested ones included (an array's first item stands for all). */
function fieldPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) {
    return value.length > 0 ? [...here, ...fieldPaths(value[0], [...path, 0])] : here;
  }
  if (typeof value === 'object' && value !== null) {
    return [
      ...here,
      ...Object.entries(value).flatMap(([key, inner]) => fieldPaths(inner, [...path, key])),
    ];
  }
  return here;
}

/** An invalid value of a field: the wrong type, and out of range for a number. */
function invalidValues(value: Json): Json[] {
  if (typeof value === 'number') return ['x', -1, 1e9];
  if (typeof value === 'string') return [42, ''];
  if (typeof value === 'boolean') return ['ja'];
  if (Array.isArray(value)) return ['x', [null]];
  return [null, 7];
}

function mutated(path: (string | number)[], replacement: Json): SiteConfig {
  const config = structuredClone(hjerteromAlta) as unknown as Record<string | number, Json>;
  let parent = config;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  parent[path[path.length - 1]!] = replacement;
  return config as unknown as SiteConfig;
}

function valueAt(path: (string | number)[]): Json {
  return path.reduce<Json>(
    (inner, key) => (inner as Record<string | number, Json>)[key],
    hjerteromAlta,
  );
}

const cases = [
  ...fieldPaths(hjerteromAlta).flatMap((path) =>
    invalidValues(valueAt(path)).map(
      (replacement) =>
        [`${path.join('.')} = ${JSON.stringify(replacement)}`, path, replacement] as const,
    ),
  ),
  ['timeZone = "Europe/Olso"', ['timeZone'], 'Europe/Olso'] as const,
];

beforeEach(async () => {
  location.hash = '';
  localStorage.clear();
  await clearSettings();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Holds the staff corner for its two seconds without waiting for them. */
async function holdStaffCorner() {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
  fireEvent.pointerDown(
    await screen.findByRole('button', { name: 'Personale (hold inne i to sekunder)' }),
  );
  vi.advanceTimersByTime(2_000);
  vi.useRealTimers();
}

describe('a stored configuration with a broken field', () => {
  it.each(cases)(
    '%s: the door shows Sjekk inn, counts a tap and opens staff mode',
    async (_, path, replacement) => {
      // The stored configuration and the first paint's copy both carry the broken field.
      const broken = mutated([...path], replacement);
      await writeSetting('config', broken);
      writePaintCopy(broken);
      let loaded: Promise<unknown> | undefined;
      const kiosk = testKiosk({
        config: paintCopyConfig() ?? hjerteromAlta,
        deps: { loadConfig: () => (loaded = loadConfig()) },
      });
      render(<App store={kiosk.store} />);
      await vi.waitFor(() => loaded ?? Promise.reject(new Error('not loaded yet')));
      // The door has settled on a configuration that validates (a fallback, for a broken one).
      await waitFor(() =>
        expect(siteConfigSchema.safeParse(kiosk.store.config.get()).success).toBe(true),
      );
      fireEvent.click(await screen.findByRole('button', { name: 'Sjekk inn' }));
      const day = businessDayOf(MONDAY_1250, 'Europe/Oslo', hjerteromAlta.cutoffHour);
      const storage = await kiosk.storage;
      await waitFor(async () => expect(net(await totalsOf(storage, day), 'visit')).toBe(1));
      await holdStaffCorner();
      expect(
        await screen.findByRole('heading', { name: 'Skriv inn PIN-koden' }, { timeout: 5_000 }),
      ).toBeVisible();
    },
  );
});

describe('the notice after a fallback', () => {
  it('says the door runs on a fallback configuration and names the broken field', async () => {
    const broken = mutated(['timeZone'], 'Europe/Olso');
    await writeSetting('config', broken);
    writePaintCopy(broken);
    const kiosk = testKiosk({ config: paintCopyConfig() ?? hjerteromAlta });
    render(<App store={kiosk.store} />);
    await holdStaffCorner();
    const pad = await screen.findByRole(
      'region',
      { name: 'Skriv inn PIN-koden' },
      { timeout: 5_000 },
    );
    for (const digit of TEST_PINS.lead) {
      fireEvent.click(within(pad).getByRole('button', { name: digit }));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
    const notice = await screen.findByText(/reservekonfigurasjon/, undefined, { timeout: 5_000 });
    expect(notice).toBeVisible();
    expect(notice.textContent).toContain('(timeZone: ukjent tidssone)');
  });
});
