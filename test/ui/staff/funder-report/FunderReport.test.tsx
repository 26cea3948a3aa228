import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileHandOver } from '../../../../src/state/export.ts';
import type { EndpointTotalsReader } from '../../../../src/state/reports.ts';
import { FunderReport } from '../../../../src/ui/staff/funder-report/FunderReport.tsx';
import { EndpointTotalsContext, StoreContext } from '../../../../src/ui/store-context.ts';
import { FUNDER_CONFIG, funderYearCounts } from '../../../support/funder-year.ts';
import { testKiosk, type TestKiosk } from '../../../support/kiosk.ts';
import { seedFrozen } from '../../../support/staff-seed.ts';
import '../../../../src/i18n/staff.ts';

/** Thursday 26 November 2026, 15:00 in Oslo: "last calendar year" is 2025. */
const NOW = Date.UTC(2026, 10, 26, 14, 0);

async function seededYear(): Promise<TestKiosk> {
  const kiosk = testKiosk({ now: NOW, config: FUNDER_CONFIG });
  const storage = await kiosk.storage;
  await seedFrozen(storage.db, '6f1c2a52-3b0e-4c55-9d1e-2a7b8c9d0e1f', funderYearCounts());
  return kiosk;
}

function renderReport(
  kiosk: TestKiosk,
  props: { handOver?: FileHandOver; print?: () => void } = {},
  endpointTotals?: EndpointTotalsReader,
) {
  render(
    <StoreContext.Provider value={kiosk.store}>
      <EndpointTotalsContext.Provider value={endpointTotals}>
        <FunderReport role="lead" {...props} />
      </EndpointTotalsContext.Provider>
    </StoreContext.Provider>,
  );
}

/** The text of a row's value cells, spaces made plain ("4 800", not "4\u00a0800"). */
function cells(region: string, row: string): string[] {
  const section = screen.getByRole('region', { name: region });
  return rowCells(section, row);
}

/** A row's value cells, found by its row header's exact name. */
function rowCells(section: HTMLElement, row: string): string[] {
  const found = within(section).getByRole('rowheader', { name: row }).closest('tr')!;
  return within(found)
    .getAllByRole('cell')
    .map((cell) => (cell.textContent ?? '').replace(/\s/g, ' '));
}

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

afterEach(cleanup);

describe('the funder report for a seeded year', () => {
  it('shows last calendar year: 4,800 visits, 40 % answered, anslag 2,125 distinct and 775 new', async () => {
    renderReport(await seededYear());
    await screen.findByRole('article', {
      name: 'Rapport til tilskuddsgivere: Blå Kors Hjerterom Alta: 2025-01-01–2025-12-31',
    });
    expect((screen.getByLabelText('Fra dato') as HTMLInputElement).value).toBe('2025-01-01');
    expect((screen.getByLabelText('Til dato') as HTMLInputElement).value).toBe('2025-12-31');
    expect(cells('Åpningstid og besøk (KOSTRA)', 'Besøk i alt')).toEqual(['4 800', '50']);
    expect(cells('Åpningstid og besøk (KOSTRA)', 'Åpne dager')).toEqual(['252', '252']);
    // Last year only two days were recorded: the rest of its opening days are not zeros.
    expect(cells('Åpningstid og besøk (KOSTRA)', 'Åpne dager ikke registrert')).toEqual([
      '10',
      '250',
    ]);
    expect(cells('Åpningstid og besøk (KOSTRA)', 'Gjennomsnittlig besøk per åpen dag')[0]).toBe(
      '19,8',
    );
    expect(cells('Åpningstid og besøk (KOSTRA)', 'Uker åpent')[0]).toBe('52');
    expect(cells('Anslag over personer', 'Ulike personer (anslag)')).toEqual(['2 125']);
    expect(cells('Anslag over personer', 'Nye personer (anslag)')).toEqual(['775']);
    const estimate = screen.getByRole('region', { name: 'Anslag over personer' });
    expect(plain(estimate.textContent)).toContain('andelen besøk som svarte (40 %)');
    expect(cells('Første gang her?', 'Ja, første gang noensinne')).toEqual(['310', '6 %']);
    expect(cells('Første gang her?', 'Første gang i år')).toEqual(['540', '11 %']);
    expect(cells('Første gang her?', 'I alt')[0]).toBe('4 800');
    expect(cells('Om rapporten', 'Kilde')).toEqual(['Viser tallene fra dette nettbrettet']);
  });

  it('gives months, weekdays, meals, programme, volunteers and sales', async () => {
    renderReport(await seededYear());
    await screen.findByRole('article');
    const months = within(screen.getByRole('region', { name: 'Besøk per måned' })).getAllByRole(
      'row',
    );
    expect(months).toHaveLength(13);
    expect(cells('Besøk per måned', 'mars 2025')[1]).toBe('50');
    const weekdays = within(screen.getByRole('region', { name: 'Besøk per ukedag' }))
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(weekdays).toEqual(['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag']);
    expect(cells('Frivillige', 'Frivillige timer')).toEqual(['3 630']);
    // 43 recorded Thursdays: 5 cash boards (50 kr) and 3 Vipps boards (30 kr) each.
    expect(cells('Salg', 'Bingobrett')).toEqual(['344', '3 440']);
    expect(cells('Salg', 'Bingobrett: Kontant')).toEqual(['215', '2 150']);
    expect(cells('Salg', 'Bingobrett: Vipps')).toEqual(['129', '1 290']);
    // Planned on every opening day, recorded or not; bingo on the 48 Thursdays not a holiday.
    expect(cells('Program på åpne dager', 'Ord for dagen')).toEqual(['252']);
    expect(cells('Program på åpne dager', 'Bingo')).toEqual(['48']);
    expect(cells('Måltider', 'Middag')[0]).not.toBe('0');
  });

  it('shows a count of 1–4 as "under 5" and hides the one that would give it away', async () => {
    renderReport(await seededYear());
    await screen.findByRole('article');
    expect(cells('Hvordan var det i dag?', 'Misfornøyd')).toEqual(['under 5', 'skjult']);
    expect(cells('Hvordan var det i dag?', 'Nøytral')).toEqual(['skjult', 'skjult']);
    expect(cells('Hvordan var det i dag?', 'Fornøyd')).toEqual(['400', '88 %']);
  });

  it('refuses a period whose to date is before its from date', async () => {
    renderReport(await seededYear());
    await screen.findByRole('article');
    fireEvent.change(screen.getByLabelText('Til dato'), { target: { value: '2024-12-31' } });
    expect(screen.getByRole('alert').textContent).toBe(
      'Til-datoen er før fra-datoen. Velg en periode som slutter etter at den begynner.',
    );
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('prints, and downloads a CSV whose every figure is the one on screen', async () => {
    const print = vi.fn();
    const files: Array<{ name: string; blob: Blob }> = [];
    renderReport(await seededYear(), {
      print,
      handOver: { download: (blob, name) => files.push({ name, blob }) },
    });
    await screen.findByRole('article');
    fireEvent.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Last ned CSV' }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toBe('terskel-hjerterom-alta-rapport-2025-01-01-2025-12-31.csv');
    const text = new TextDecoder().decode(await files[0]!.blob.arrayBuffer());
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Del', 'Post', 'Mål', 'Verdi']);
    let compared = 0;
    for (const [section, item, measure, value] of rows.slice(1)) {
      if (measure === '' || section === 'Om rapporten') continue;
      const region = screen.getByRole('region', { name: section! });
      const column = within(region)
        .getAllByRole('columnheader')
        .findIndex((header) => `${header.textContent}` === measure!.replace(' (%)', ''));
      const shown = rowCells(region, item!)[column];
      const number = (text: string) => Number(text.replace(/[\s%]/g, '').replace(',', '.'));
      if (/^[\d,]+$/.test(value!)) {
        // The screen rounds a share to whole percent and a decimal to one place, as the CSV does.
        const tolerance = measure!.endsWith('(%)') ? 0.5 : 0;
        expect(
          Math.abs(number(shown!) - number(value!)),
          `${section} / ${item} / ${measure}: ${shown} against ${value}`,
        ).toBeLessThanOrEqual(tolerance);
      } else {
        expect(shown, `${section} / ${item} / ${measure}`).toBe(value === '' ? '–' : value);
      }
      compared += 1;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("shows all the site's tablets when the endpoint answers, and says so", async () => {
    const kiosk = await seededYear();
    const asked: string[] = [];
    const reader: EndpointTotalsReader = (from, to) => {
      asked.push(`${from}/${to}`);
      return Promise.resolve(
        from === '2025-01-01'
          ? [
              {
                date: '2025-03-03',
                replicas: 2,
                closed: true,
                totals: [{ counter: 'visit', net: 9000 }],
              },
            ]
          : [],
      );
    };
    renderReport(kiosk, {}, reader);
    await screen.findByRole('article');
    expect(asked.sort()).toEqual(['2024-01-01/2024-12-31', '2025-01-01/2025-12-31']);
    expect(cells('Om rapporten', 'Kilde')).toEqual(['Viser tallene fra alle nettbrettene']);
    expect(cells('Åpningstid og besøk (KOSTRA)', 'Besøk i alt')).toEqual(['9 000']);
  });

  it("falls back to this tablet's days when the endpoint cannot be reached", async () => {
    const kiosk = await seededYear();
    renderReport(kiosk, {}, () => Promise.reject(new TypeError('offline')));
    await screen.findByRole('article');
    expect(cells('Om rapporten', 'Kilde')).toEqual(['Viser tallene fra dette nettbrettet']);
    expect(cells('Åpningstid og besøk (KOSTRA)', 'Besøk i alt')).toEqual(['4 800', '50']);
  });

  it('says so when the figures cannot be read, rather than show zeros', async () => {
    const kiosk = testKiosk({
      now: NOW,
      config: FUNDER_CONFIG,
      deps: { openStorage: () => Promise.reject(new Error('IndexedDB is gone')) },
    });
    renderReport(kiosk);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tallene kunne ikke leses fra nettbrettet. Prøv igjen, eller start Terskel på nytt.',
    );
    expect(screen.queryByRole('article')).toBeNull();
  });
});

describe("the funder report's opening hours as they were each day", () => {
  it('says how many days with figures kept no opening and fell back to the schedule', async () => {
    const kiosk = await seededYear();
    const { db } = await kiosk.storage;
    const seeded = await db.days
      .where('day')
      .between('2025-01-01', '2025-12-31', true, true)
      .toArray();
    const [first] = seeded;
    // The first recorded day kept 10:00–22:00; the schedule now says otherwise.
    await db.days.put({
      ...first!,
      opening: { open: true, hours: { open: '10:00', close: '22:00' } },
    });
    renderReport(kiosk);
    const note = await screen.findByText(/dager med tall er fra før Terskel/);
    expect(plain(note.textContent)).toContain(`${seeded.length - 1} dager med tall`);
  });
});
