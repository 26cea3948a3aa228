/**
 * Owns the funder report's CSV: the same rows as the screen, one figure a line under Norwegian
 * headings (Del;Post;Mål;Verdi), as Norwegian Excel opens it. Decimals use a comma; a share is
 * a percentage; "under 5" stays text, so nothing suppressed on screen is exact here.
 */
import { csvDocument, type CsvCell } from '../../../domain/csv.ts';
import type { Translator } from '../../../i18n/index.ts';
import type { Cell, Section } from './sections.ts';

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1).replace('.', ',');

/** A cell as the CSV writes it; undefined leaves it empty. */
export function csvValue(cell: Cell): CsvCell {
  switch (cell.kind) {
    case 'count':
    case 'nok':
      return cell.value;
    case 'decimal':
      return oneDecimal(cell.value);
    case 'share':
      return oneDecimal(cell.value * 100);
    case 'text':
      return cell.text;
    case 'none':
      return undefined;
  }
}

/** The CSV file's text: a heading row, then a line per figure (section, row, column, value). */
export function funderReportCsv(sections: readonly Section[], translator: Translator): string {
  const { t } = translator;
  const rows: CsvCell[][] = [
    [
      t('staff.funder.csv.section'),
      t('staff.funder.csv.item'),
      t('staff.funder.csv.measure'),
      t('staff.funder.csv.value'),
    ],
  ];
  for (const section of sections) {
    for (const row of section.rows) {
      row.cells.forEach((cell, i) => {
        const column = section.columns[i] ?? '';
        const measure = column === t('staff.funder.share') ? `${column} (%)` : column;
        rows.push([section.title, row.label, measure, csvValue(cell)]);
      });
    }
    if (section.note !== undefined) rows.push([section.title, section.note, undefined, undefined]);
  }
  return csvDocument(rows);
}
