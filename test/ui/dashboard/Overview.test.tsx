// Every site side by side from their sums: each figure beside the same period last year, in
// Norwegian, with site names, not slugs; a figure a site has no data for says so in words.
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Overview } from '../../../src/dashboard/Overview.tsx';
import { DECEMBER, SUMS } from './fixtures.ts';

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe("the dashboard's overview of every site", () => {
  it('shows visits, meals, activities and volunteer hours beside last year, site by site', () => {
    render(<Overview data={SUMS} range={DECEMBER} />);
    const table = screen.getByRole('table', { name: /Alle steder, 1\.12\.2026–31\.12\.2026/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual([
      'Sted',
      'Besøk',
      'Besøk i fjor',
      'Måltider',
      'Måltider i fjor',
      'Aktiviteter',
      'Aktiviteter i fjor',
      'Frivillige timer',
      'Frivillige timer i fjor',
    ]);
    const alta = within(table).getByRole('row', { name: /Blå Kors Hjerterom Alta/ });
    expect(cellsOf(alta)).toEqual(['32', '9', '25', '7', '2', 'ingen tall', '4,5', 'ingen tall']);
    const steg = within(table).getByRole('row', { name: /Steg for steg/ });
    expect(cellsOf(steg)).toEqual([
      '5',
      'ingen tall',
      'ingen tall',
      'ingen tall',
      'ingen tall',
      'ingen tall',
      'ingen tall',
      'ingen tall',
    ]);
    const sum = within(table).getByRole('row', { name: /^Alle steder/ });
    expect(cellsOf(sum)?.slice(0, 2)).toEqual(['37', '9']);
  });

  it('leaves out a figure no site has, and says when there are no sites', () => {
    const onlyVisits = [SUMS[1]!];
    const { unmount } = render(<Overview data={onlyVisits} range={DECEMBER} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Sted',
      'Besøk',
      'Besøk i fjor',
    ]);
    unmount();
    render(<Overview data={[]} range={DECEMBER} />);
    expect(screen.getByText(/Ingen steder ennå/).textContent).toContain('site add');
  });
});
