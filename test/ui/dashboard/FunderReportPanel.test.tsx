// The funder report as the tablet computes and words it, for one site or all together, made when
// the lead asks («Lag rapport») from the days it needs, read once: print and the tablet's CSV,
// with the note that opening hours are the tablet's to report.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FunderReportPanel } from '../../../src/dashboard/FunderReportPanel.tsx';
import { siteDaysCache } from '../../../src/dashboard/site-days.ts';
import type { Save } from '../../../src/dashboard/download.ts';
import { ALTA, DECEMBER, STEG, fakeApi } from './fixtures.ts';

const rowCells = (table: HTMLElement, name: RegExp | string) =>
  within(within(table).getByRole('rowheader', { name }).closest('tr')!)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

/** The panel over the fake endpoint, whose reading of days is written to `asked`. */
function panel(asked: string[], save: Save = () => {}, print = () => {}) {
  const days = siteDaysCache(
    fakeApi(asked),
    () => {},
    () => {},
  );
  render(
    <FunderReportPanel
      sites={[ALTA, STEG]}
      range={DECEMBER}
      today="2026-12-05"
      days={days}
      save={save}
      print={print}
    />,
  );
}

const make = () => fireEvent.click(screen.getByRole('button', { name: 'Lag rapport' }));
const disabled = (name: string) =>
  (screen.getByRole('button', { name }) as HTMLButtonElement).disabled;

describe("the dashboard's funder report", () => {
  it("is made only when asked, for all sites from every site's days, beside last year", async () => {
    const asked: string[] = [];
    panel(asked);
    expect(screen.queryByRole('heading', { name: /^Rapport til tilskuddsgiver/ })).toBeNull();
    expect(disabled('Skriv ut')).toBe(true);
    expect(disabled('Last ned rapporten som CSV')).toBe(true);
    expect(asked).toEqual([]);
    make();
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain(
      'Henter dagene til rapporten …',
    );
    await screen.findByRole('heading', {
      name: 'Rapport til tilskuddsgiver: Alle steder samlet, 1.12.2026–31.12.2026',
    });
    expect(asked.sort()).toEqual([
      'days hjerterom-alta 2025-12-01 2025-12-31',
      'days hjerterom-alta 2026-12-01 2026-12-31',
      'days steg-for-steg 2025-12-01 2025-12-31',
      'days steg-for-steg 2026-12-01 2026-12-31',
    ]);
    expect(disabled('Skriv ut')).toBe(false);
    expect(disabled('Last ned rapporten som CSV')).toBe(false);
    const months = screen.getByRole('region', { name: 'Besøk per måned' });
    expect(rowCells(within(months).getByRole('table'), /desember/)).toEqual(['37', '9']);
    const meals = within(screen.getByRole('region', { name: 'Måltider' })).getByRole('table');
    expect(rowCells(meals, 'Middag')).toEqual(['25']);
    const volunteers = within(screen.getByRole('region', { name: /Frivillige/ })).getByRole(
      'table',
    );
    expect(rowCells(volunteers, /timer/i)).toEqual(['4,5']);
    expect(screen.getByText(/serveren kjenner ikke stedenes åpningstider/).tagName).toBe('P');
  });

  it('asks again when the scope changes, and reads no site it has read already', async () => {
    const asked: string[] = [];
    panel(asked);
    make();
    await screen.findByRole('heading', { name: /^Rapport til tilskuddsgiver: Alle steder/ });
    fireEvent.change(screen.getByRole('combobox', { name: 'Rapporten gjelder' }), {
      target: { value: 'steg-for-steg' },
    });
    // The report of all sites is not this one: gone, and nothing to print until it is made.
    expect(screen.queryByRole('heading', { name: /^Rapport til tilskuddsgiver/ })).toBeNull();
    expect(disabled('Skriv ut')).toBe(true);
    expect(screen.getByText('Velg hva rapporten gjelder, og trykk «Lag rapport».').tagName).toBe(
      'P',
    );
    make();
    await screen.findByRole('heading', { name: /^Rapport til tilskuddsgiver: Steg for steg,/ });
    const stegMonths = within(screen.getByRole('region', { name: 'Besøk per måned' })).getByRole(
      'table',
    );
    expect(rowCells(stegMonths, /desember/)).toEqual(['5']);
    expect(asked).toHaveLength(4);
  });

  it('says when the days cannot be read, and shows no report', async () => {
    const failing = {
      ...fakeApi(),
      days: () => Promise.reject(new Error('offline')),
    };
    render(
      <FunderReportPanel
        sites={[ALTA]}
        range={DECEMBER}
        today="2026-12-05"
        days={siteDaysCache(
          failing,
          () => {},
          () => {},
        )}
        save={() => {}}
      />,
    );
    make();
    const status = await screen.findByText(/^Fikk ikke kontakt med serveren/);
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('heading', { name: /^Rapport til tilskuddsgiver/ })).toBeNull();
    expect(disabled('Skriv ut')).toBe(true);
  });

  it("prints, and downloads the tablet's CSV (Del;Post;Mål;Verdi)", async () => {
    const saved: Array<{ name: string; text: string }> = [];
    let printed = 0;
    panel(
      [],
      (name, text) => saved.push({ name, text }),
      () => printed++,
    );
    make();
    await screen.findByRole('heading', { name: /^Rapport til tilskuddsgiver/ });
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(printed).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Last ned rapporten som CSV' }));
    expect(saved[0]!.name).toBe('tilskuddsrapport-alle-2026-12-01-2026-12-31.csv');
    const lines = saved[0]!.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFDel;Post;Mål;Verdi');
    expect(lines).toContain('Måltider;Middag;Antall;25');
  });
});
