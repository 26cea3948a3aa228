// The anslag as the report words it: a number, "færre enn 5", too few answers, a period that
// cannot carry one, and nothing at all for a site that does not ask.
import { describe, expect, it } from 'vitest';
import { enAinnaPlass, hjerteromAlta } from '../../../../src/domain/presets/index.ts';
import { createTranslator } from '../../../../src/i18n/index.ts';
import { buildFunderReport } from '../../../../src/state/funder-report/index.ts';
import type { SiteConfig } from '../../../../src/shared/site-config.ts';
import { reportSections, type Cell } from '../../../../src/ui/staff/funder-report/sections.ts';
import '../../../../src/i18n/staff.ts';

const nb = createTranslator('nb');

/** The estimate section of a report over one Monday's visits and first-time answers. */
function estimateOf(
  answers: Record<string, number>,
  { from = '2025-01-01', to = '2025-12-31', config = hjerteromAlta as SiteConfig } = {},
) {
  const totals = [
    { counter: 'visit', net: 200 },
    ...Object.entries(answers).map(([option, net]) => ({ counter: 'forste-gang', option, net })),
  ];
  const outcome = buildFunderReport(
    from,
    to,
    { source: 'tablet', days: [{ date: '2025-01-06', totals }], lastYearDays: [] },
    config,
    '2026-01-05',
  );
  if (!outcome.ok) throw new Error(outcome.reason);
  return reportSections(outcome.view, config, nb).find((section) => section.id === 'estimate');
}

const text = (cell: Cell | undefined) =>
  cell?.kind === 'text' ? cell.text : cell?.kind === 'count' ? cell.value : cell?.kind;

describe('the anslag as the funder report words it', () => {
  it('says "færre enn 5" new people when 1–4 answered "first time ever"', () => {
    const estimate = estimateOf({ noensinne: 3, 'forste-i-ar': 97 });
    expect(estimate?.rows.map((row) => [row.label, text(row.cells[0])])).toEqual([
      ['Ulike personer (anslag)', 200],
      ['Nye personer (anslag)', 'færre enn 5'],
    ]);
    expect(estimate?.note).toMatch(/andelen besøk som svarte \(50\s%\)/);
  });

  it('gives no figure from too few answers, and says how few', () => {
    const estimate = estimateOf({ noensinne: 10, 'forste-i-ar': 20, 'no-answer': 170 });
    expect(estimate?.rows).toEqual([]);
    expect(estimate?.note).toMatch(/^For få svar til et anslag: 30 svar, 15\s% av besøkene/);
  });

  it('gives none for a period that does not start on 1 January', () => {
    const estimate = estimateOf({ noensinne: 50, 'forste-i-ar': 50 }, { from: '2025-01-02' });
    expect(estimate?.rows).toEqual([]);
    expect(estimate?.note).toBe(
      'Anslag gis bare for en periode som begynner 1. januar og slutter samme år.',
    );
  });

  it('shows no estimate at all for a site that does not ask the first-time question', () => {
    expect(estimateOf({ noensinne: 50 }, { config: enAinnaPlass })).toBeUndefined();
  });
});
