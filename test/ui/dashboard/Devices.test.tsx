// Every tablet of a site with its health: last sync, app version, installed or in a tab, storage,
// unsaved taps, clock skew and last error, "—" when the tablet has not said; a tablet silent for
// more than two of its site's counting days says so in words, not by colour only.
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { AdminDevice, AdminSite } from '../../../src/dashboard/api.ts';
import { Devices } from '../../../src/dashboard/Devices.tsx';
import { ALTA, STEG } from './fixtures.ts';

// A Saturday; Alta counted on Monday, Tuesday and Wednesday (its countedDates).
const NOW = new Date('2026-12-05T12:00:00.000Z');

const HEADERS = [
  'Navn',
  'Sist synkronisert',
  'Appversjon',
  'Kjører som',
  'Lagring',
  'Ulagrede trykk',
  'Klokkeavvik',
  'Siste feil',
  'Status',
];

/** A tablet's row as its column headers name its cells, spaces as plain spaces. */
function rowOf(table: HTMLElement, name: RegExp): Record<string, string> {
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent);
  const row = within(table).getByRole('row', { name });
  const cells = within(row).getAllByRole('cell');
  return Object.fromEntries(
    cells.map((cell, index) => [headers[index + 1], cell.textContent!.replace(/\s/g, ' ')]),
  );
}

const tablet = (changes: Partial<AdminDevice>): AdminDevice => ({
  ...ALTA.devices[1]!,
  ...changes,
});
const withDevices = (
  site: AdminSite,
  devices: AdminDevice[],
  countedDates = ALTA.countedDates,
): AdminSite => ({ ...site, devices, countedDates });

describe("the dashboard's list of tablets", () => {
  it("shows each tablet's health under named column headers, and — where it has not said", () => {
    render(<Devices sites={[ALTA, STEG]} now={NOW} />);
    const table = screen.getByRole('table', { name: 'Nettbrett på Blå Kors Hjerterom Alta' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(HEADERS);
    const door = rowOf(table, /^Døra/);
    expect(door).toEqual({
      'Sist synkronisert': expect.stringMatching(/05\.12\.2026/),
      Appversjon: '0.2.0',
      'Kjører som': 'installert app',
      Lagring: 'varig lagring, 1,8 MB av 2,1 GB brukt',
      'Ulagrede trykk': '0',
      // The tablet's clock said 09:07 when the endpoint's said 09:00: off by more than the five
      // minutes the endpoint allows a closing, so it stands out.
      Klokkeavvik: '7 min foran',
      'Siste feil': 'ingen',
      Status: 'aktiv',
    });
    expect(within(table).getByText('7 min foran').tagName).toBe('STRONG');
    // A tablet of version 1 has said nothing of its health: only its upload's app version.
    expect(rowOf(table, /^Kjøkkenet/)).toEqual({
      'Sist synkronisert': expect.stringMatching(/01\.12\.2026/),
      Appversjon: 'terskel/0.0.9',
      'Kjører som': '—',
      Lagring: '—',
      'Ulagrede trykk': '—',
      Klokkeavvik: '—',
      'Siste feil': '—',
      // Four days, but only one of them (Wednesday) a day Alta counts: not silent.
      Status: 'aktiv',
    });
    expect(rowOf(table, /^Uten navn \(33333333\)/).Status).toMatch(/^tilbakekalt 03\.10\.2026/);
    expect(screen.queryByText(/^Stille/)).toBeNull();
    const empty = screen.getByRole('table', { name: 'Nettbrett på Steg for steg' });
    expect(within(empty).getByRole('cell').textContent).toBe('Ingen nettbrett ennå.');
    // A reader sees no control.
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('columnheader', { name: 'Endre' })).toBeNull();
  });

  it('words partial health: storage that may be cleared, unknown usage, unsaved taps, an error', () => {
    const health = ALTA.devices[0]!.health!;
    const worried = tablet({
      label: 'Baren',
      health: {
        ...health,
        installed: false,
        persisted: false,
        usageBytes: null,
        unsavedTaps: 3,
        lastError: 'Lagringen er full',
        clock: '2026-12-05T08:59:30.000Z',
      },
      healthAt: '2026-12-05T09:00:00.000Z',
    });
    const unsure = tablet({
      label: 'Hylla',
      health: { ...health, persisted: null, clock: '2026-12-05T06:00:00.000Z' },
      healthAt: '2026-12-05T09:00:00.000Z',
    });
    render(<Devices sites={[withDevices(ALTA, [worried, unsure])]} now={NOW} />);
    const table = screen.getByRole('table', { name: 'Nettbrett på Blå Kors Hjerterom Alta' });
    expect(rowOf(table, /^Baren/)).toMatchObject({
      'Kjører som': 'nettleserfane',
      Lagring: 'kan bli slettet av nettleseren, bruk ukjent',
      'Ulagrede trykk': '3',
      Klokkeavvik: 'i takt',
      'Siste feil': 'Lagringen er full',
    });
    expect(within(table).getByText('kan bli slettet av nettleseren').tagName).toBe('STRONG');
    expect(within(table).getByText('3').tagName).toBe('STRONG');
    expect(rowOf(table, /^Hylla/)).toMatchObject({
      Lagring: 'ukjent om varig, 1,8 MB av 2,1 GB brukt',
      Klokkeavvik: '3 t bak',
    });
  });

  it("calls a tablet silent after more than two of its site's counting days", () => {
    // Since Wednesday 25 November Alta has counted Monday 30th, Tuesday 1st and Wednesday 2nd.
    const gone = tablet({ label: 'Baren', lastSeenAt: '2026-11-25T09:00:00.000Z' });
    render(<Devices sites={[withDevices(ALTA, [ALTA.devices[1]!, gone])]} now={NOW} />);
    const table = screen.getByRole('table', { name: 'Nettbrett på Blå Kors Hjerterom Alta' });
    expect(rowOf(table, /^Baren/).Status).toBe('Stille i over to åpningsdager');
    expect(within(table).getByText('Stille i over to åpningsdager').tagName).toBe('STRONG');
    expect(within(table).getByRole('row', { name: /^Baren/ }).className).toBe('silent');
    expect(within(table).getByRole('row', { name: /^Kjøkkenet/ }).className).toBe('');
    expect(
      screen.getByText('1 nettbrett har vært stille i over to av stedets åpningsdager.').tagName,
    ).toBe('P');
  });

  it("sees a site's only tablet go quiet by the weekdays the site counts on", () => {
    // Steg for steg counts on Wednesdays; its one tablet sends nothing, so no new day shows up.
    const steg = (lastSeenAt: string) =>
      withDevices(STEG, [tablet({ label: 'Alene', lastSeenAt })], ['2026-11-04', '2026-11-11']);
    const { unmount } = render(<Devices sites={[steg('2026-11-24T09:00:00.000Z')]} now={NOW} />);
    // Two Wednesdays since Tuesday 24th: not yet.
    expect(screen.queryByText(/^Stille/)).toBeNull();
    unmount();
    render(<Devices sites={[steg('2026-11-17T09:00:00.000Z')]} now={NOW} />);
    expect(screen.getByText('Stille i over to åpningsdager').tagName).toBe('STRONG');
  });

  it('falls back to two whole days when the site has no counted day to learn from', () => {
    const site = (lastSeenAt: string) => [withDevices(STEG, [tablet({ lastSeenAt })], [])];
    const { unmount } = render(<Devices sites={site('2026-12-03T12:00:01.000Z')} now={NOW} />);
    expect(screen.queryByText(/^Stille/)).toBeNull();
    unmount();
    render(<Devices sites={site('2026-12-03T11:59:59.000Z')} now={NOW} />);
    expect(screen.getByText('Stille i over to døgn').tagName).toBe('STRONG');
    expect(screen.getByText('1 nettbrett har vært stille i over to døgn.').tagName).toBe('P');
  });
});
