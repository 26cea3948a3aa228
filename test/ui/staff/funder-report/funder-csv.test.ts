// The funder report's CSV read back with an independent parser (papaparse): every figure of
// the seeded year comes back as the report computed it, under Norwegian headings.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ReportDay } from '../../../../src/domain/funder-report.ts';
import { dayTotals } from '../../../../src/domain/reports.ts';
import { createTranslator } from '../../../../src/i18n/index.ts';
import { buildFunderReport } from '../../../../src/state/funder-report/index.ts';
import { funderReportCsv } from '../../../../src/ui/staff/funder-report/funder-csv.ts';
import { reportSections } from '../../../../src/ui/staff/funder-report/sections.ts';
import { FUNDER_CONFIG, FUNDER_YEAR, funderYearCounts } from '../../../support/funder-year.ts';
import '../../../../src/i18n/staff.ts';

function yearDays(): ReportDay[] {
  const byDay = new Map<string, ReturnType<typeof funderYearCounts>>();
  for (const count of funderYearCounts()) {
    byDay.set(count.day, [...(byDay.get(count.day) ?? []), count]);
  }
  return [...byDay].map(([date, counts]) => ({
    date,
    totals: dayTotals(counts.map(({ day: _day, ...count }) => ({ ...count, dec: 0 }))),
  }));
}

function csvOfYear() {
  const days = yearDays();
  const outcome = buildFunderReport(
    FUNDER_YEAR.from,
    FUNDER_YEAR.to,
    { source: 'tablet', days, lastYearDays: days },
    FUNDER_CONFIG,
    '2026-01-05',
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  const nb = createTranslator('nb');
  const text = funderReportCsv(reportSections(outcome.view, FUNDER_CONFIG, nb), nb);
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ';',
    skipEmptyLines: true,
  }).data;
  /** The value of section / item / measure; throws when there is no such line. */
  const value = (section: string, item: string, measure: string) => {
    const found = rows.filter(([s, i, m]) => s === section && i === item && m === measure);
    if (found.length !== 1) throw new Error(`${found.length} lines ${section}/${item}/${measure}`);
    return found[0]![3];
  };
  return { text, rows, value, report: outcome.view.report };
}

describe('the funder report as CSV', () => {
  it('is Excel-ready: BOM, semicolons, CRLF, Norwegian headings', () => {
    const { text, rows } = csvOfYear();
    expect(text.startsWith('\uFEFFDel;Post;Mål;Verdi\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows.every((row) => row.length === 4)).toBe(true);
  });

  it('parses back to the figures of the seeded year', () => {
    const { value, report } = csvOfYear();
    const kostra = 'Åpningstid og besøk (KOSTRA)';
    expect(value(kostra, 'Besøk i alt', 'Perioden')).toBe('4800');
    expect(value(kostra, 'Besøk i alt', 'Samme periode i fjor')).toBe('50');
    expect(value(kostra, 'Åpne dager', 'Perioden')).toBe('252');
    expect(value(kostra, 'Åpne dager ikke registrert', 'Perioden')).toBe('10');
    expect(value(kostra, 'Åpningstimer', 'Perioden')).toBe(
      report.opening.openingHours.toFixed(1).replace('.', ','),
    );
    expect(value(kostra, 'Gjennomsnittlig besøk per åpen dag', 'Perioden')).toBe('19,8');
    expect(value(kostra, 'Dager åpent per uke', 'Perioden')).toBe('4,8');
    expect(value(kostra, 'Uker åpent', 'Perioden')).toBe('52');
    expect(value('Anslag over personer', 'Ulike personer (anslag)', 'Antall')).toBe('2125');
    expect(value('Anslag over personer', 'Nye personer (anslag)', 'Antall')).toBe('775');
    expect(value('Første gang her?', 'Ja, første gang noensinne', 'Antall')).toBe('310');
    expect(value('Første gang her?', 'Ja, første gang noensinne', 'Andel (%)')).toBe('6,5');
    expect(value('Første gang her?', 'Første gang i år', 'Antall')).toBe('540');
    expect(value('Første gang her?', 'Ikke svart', 'Antall')).toBe('2880');
    expect(value('Hvordan var det i dag?', 'Misfornøyd', 'Antall')).toBe('under 5');
    expect(value('Hvordan var det i dag?', 'Misfornøyd', 'Andel (%)')).toBe('skjult');
    expect(value('Frivillige', 'Frivillige timer', 'Antall')).toBe('3630,0');
    expect(value('Frivillige', 'Frivillige', 'Antall')).toBe('484');
    expect(value('Salg', 'Bingobrett: Vipps', 'Beløp (kr)')).toBe('1290');
    expect(value('Måltider', 'Middag', 'Antall')).toBe(String(report.meals[0]!.count));
    const months = report.visits.perMonth.map((month) =>
      Number(value('Besøk per måned', `${monthName(month.month)}`, 'Perioden')),
    );
    expect(months).toEqual(report.visits.perMonth.map((month) => month.visits));
    expect(months.reduce((sum, n) => sum + n, 0)).toBe(4800);
  });
});

const monthName = (month: string) =>
  new Intl.DateTimeFormat('nb', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
