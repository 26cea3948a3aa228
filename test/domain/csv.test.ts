import { describe, expect, it } from 'vitest';
import { LONG_CSV_COLUMNS, csvDocument, longCsvRows, wideCsvRows } from '../../src/domain/csv';
import { hjerteromAlta } from '../../src/domain/presets';
import { rollUp } from '../../src/domain/tally';
import { LONG_CSV_HEADER } from '../../src/shared/protocol';

const day = {
  date: '2026-11-23',
  totals: rollUp([
    { counter: 'visit', option: 'first-time', hour: 13, inc: 4, dec: 0 },
    { counter: 'visit', hour: 13, inc: 21, dec: 1 },
    { counter: 'middag', inc: 31, dec: 0 },
    { counter: 'bingo', option: 'cash', inc: 12, dec: 0, incNok: 120, decNok: 0 },
  ]),
};

describe('a CSV document', () => {
  it('starts with a BOM, separates with ; and ends every row with CRLF, the last one too', () => {
    expect(
      csvDocument([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBe('\uFEFFa;b\r\n1;2\r\n');
  });

  it('quotes cells with ; " CR or LF, doubling the quotes', () => {
    expect(csvDocument([['x;y', 'si "hei"', 'to\nlinjer', 'cr\r', 'vanlig']])).toBe(
      '\uFEFF"x;y";"si ""hei""";"to\nlinjer";"cr\r";vanlig\r\n',
    );
  });

  it('writes undefined as an empty cell and numbers plainly, without thousands separators', () => {
    expect(csvDocument([[undefined, 1234567, -5, 0, 'æøå']])).toBe('\uFEFF;1234567;-5;0;æøå\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvDocument([['=SUM(A1)', '+1', '-1', '@cmd', -1]])).toBe(
      "\uFEFF'=SUM(A1);'+1;'-1;'@cmd;-1\r\n",
    );
    expect(csvDocument([['=A1;B1']])).toBe('\uFEFF"\'=A1;B1"\r\n');
  });

  it('is empty but for the BOM when there are no rows', () => {
    expect(csvDocument([])).toBe('\uFEFF');
  });
});

describe('the long layout', () => {
  it("has the protocol's days.csv header", () => {
    expect([...LONG_CSV_COLUMNS]).toEqual([...LONG_CSV_HEADER]);
  });

  it('gives one row per total, empty cells for absent option, hour and amount', () => {
    expect(csvDocument(longCsvRows([day]))).toBe(
      '\uFEFF' +
        [
          'date;counter;option;hour;net;amount_nok',
          '2026-11-23;bingo;;;12;120',
          '2026-11-23;bingo;cash;;12;120',
          '2026-11-23;middag;;;31;',
          '2026-11-23;visit;;;24;',
          '2026-11-23;visit;first-time;;4;',
          '2026-11-23;visit;;13;24;',
        ]
          .map((line) => `${line}\r\n`)
          .join(''),
    );
  });
});

describe('the wide layout', () => {
  it('has one row per day and a column per counter, option and sale amount, headed by ids', () => {
    const rows = wideCsvRows([day, { date: '2026-11-24', totals: [] }], hjerteromAlta.counters);
    expect(rows[0]).toEqual([
      'date',
      'visit',
      'visit:first-time',
      'visit:returning',
      'middag',
      'brodmat',
      'bingo',
      'bingo:cash',
      'bingo:vipps',
      'bingo:nok',
      'samtale-enerom',
      'telefonsamtale',
      'hjemmebesok',
      'folgetjeneste',
    ]);
    expect(rows[1]).toEqual(['2026-11-23', 24, 4, 0, 31, 0, 12, 12, 0, 120, 0, 0, 0, 0]);
    expect(rows[2]).toEqual(['2026-11-24', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
