// Every tablet of a site: name, last sync, app version, revoked; a tablet silent for more than
// two days says so in words, not by colour only.
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Devices } from '../../../src/dashboard/Devices.tsx';
import { ALTA, STEG } from './fixtures.ts';

const NOW = new Date('2026-12-05T12:00:00.000Z');

describe("the dashboard's list of tablets", () => {
  it('lists each tablet with its last sync, version and status; a silent one says so', () => {
    render(<Devices sites={[ALTA, STEG]} now={NOW} />);
    const table = screen.getByRole('table', { name: 'Nettbrett på Blå Kors Hjerterom Alta' });
    const door = within(table).getByRole('row', { name: /^Døra/ });
    const doorCells = within(door)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(doorCells[1]).toBe('terskel/0.1.0');
    expect(doorCells[2]).toBe('aktiv');
    expect(doorCells[0]).toMatch(/05\.12\.2026/);
    // Four days without a sync: the status says it, and the row is marked.
    const kitchen = within(table).getByRole('row', { name: /^Kjøkkenet/ });
    expect(within(kitchen).getAllByRole('cell')[2]!.textContent).toBe('Stille i over to døgn');
    expect(kitchen.className).toBe('silent');
    expect(door.className).toBe('');
    // A revoked tablet is not silent: it is revoked, with the date.
    const revoked = within(table).getByRole('row', { name: /^Uten navn \(33333333\)/ });
    expect(within(revoked).getAllByRole('cell')[2]!.textContent).toMatch(
      /^tilbakekalt 03\.10\.2026/,
    );
    expect(revoked.className).toBe('');
    expect(screen.getByText('1 nettbrett har vært stille i over to døgn.').tagName).toBe('P');
    const empty = screen.getByRole('table', { name: 'Nettbrett på Steg for steg' });
    expect(within(empty).getByRole('cell').textContent).toBe('Ingen nettbrett ennå.');
  });

  it('calls a tablet silent only after two whole days', () => {
    const justNow = { ...ALTA.devices[0]!, lastSeenAt: '2026-12-03T12:00:01.000Z' };
    const { unmount } = render(<Devices sites={[{ ...ALTA, devices: [justNow] }]} now={NOW} />);
    expect(screen.queryByText('Stille i over to døgn')).toBeNull();
    unmount();
    const gone = { ...justNow, lastSeenAt: '2026-12-03T11:59:59.000Z' };
    render(<Devices sites={[{ ...ALTA, devices: [gone] }]} now={NOW} />);
    expect(screen.getByText('Stille i over to døgn').tagName).toBe('STRONG');
  });
});
