// The funder report as the tablet computes and words it, for one site or all together: print
// and the tablet's CSV, with the note that opening hours are the tablet's to report.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FunderReportPanel } from '../../../src/dashboard/FunderReportPanel.tsx';
import { DATA, DECEMBER } from './fixtures.ts';

const rowCells = (table: HTMLElement, name: RegExp | string) =>
  within(within(table).getByRole('rowheader', { name }).closest('tr')!)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe("the dashboard's funder report", () => {
  it('sums all sites, beside last year, and switches to one site', () => {
    render(<FunderReportPanel data={DATA} range={DECEMBER} today="2026-12-05" save={() => {}} />);
    expect(
      screen.getByRole('heading', {
        name: 'Rapport til tilskuddsgiver: Alle steder samlet, 1.12.2026–31.12.2026',
      }).tagName,
    ).toBe('H3');
    const months = screen.getByRole('region', { name: 'Besøk per måned' });
    expect(rowCells(within(months).getByRole('table'), /desember/)).toEqual(['37', '9']);
    const meals = within(screen.getByRole('region', { name: 'Måltider' })).getByRole('table');
    expect(rowCells(meals, 'Middag')).toEqual(['25']);
    const volunteers = within(screen.getByRole('region', { name: /Frivillige/ })).getByRole(
      'table',
    );
    expect(rowCells(volunteers, /timer/i)).toEqual(['4,5']);
    expect(screen.getByText(/serveren kjenner ikke stedenes åpningstider/).tagName).toBe('P');

    fireEvent.change(screen.getByRole('combobox', { name: 'Rapporten gjelder' }), {
      target: { value: 'steg-for-steg' },
    });
    expect(
      screen.getByRole('heading', { name: /^Rapport til tilskuddsgiver: Steg for steg,/ }).tagName,
    ).toBe('H3');
    const stegMonths = within(screen.getByRole('region', { name: 'Besøk per måned' })).getByRole(
      'table',
    );
    expect(rowCells(stegMonths, /desember/)).toEqual(['5']);
  });

  it("prints, and downloads the tablet's CSV (Del;Post;Mål;Verdi)", () => {
    const saved: Array<{ name: string; text: string }> = [];
    let printed = 0;
    render(
      <FunderReportPanel
        data={DATA}
        range={DECEMBER}
        today="2026-12-05"
        save={(name, text) => saved.push({ name, text })}
        print={() => printed++}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(printed).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Last ned rapporten som CSV' }));
    expect(saved[0]!.name).toBe('tilskuddsrapport-alle-2026-12-01-2026-12-31.csv');
    const lines = saved[0]!.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFDel;Post;Mål;Verdi');
    expect(lines).toContain('Måltider;Middag;Antall;25');
  });
});
