import { describe, expect, it } from 'vitest';
import {
  configLabels,
  LONG_CSV_COLUMNS,
  csvDocument,
  longCsvRows,
  namedLongCsvRows,
  wideCsvRows,
  type CsvWords,
} from '../../src/domain/csv';
import { hjerteromAlta } from '../../src/domain/presets';
import { rollUp } from '../../src/domain/tally';
import { volunteerCounters } from '../../src/domain/volunteer-hours';
import { readFileSync } from 'node:fs';

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
  it("labels rows by the configuration's names, a counter's options as 'counter: option'", () => {
    const label = configLabels([
      {
        id: 'bingo',
        kind: 'sale',
        name: { nb: 'Bingobrett', en: 'Bingo boards' },
        byHour: false,
        options: [{ id: 'cash', name: { nb: 'Kontant' } }],
        enabled: false,
      },
    ]);
    expect(
      csvDocument(longCsvRows([day], label))
        .split('\r\n')
        .slice(1, 3),
    ).toEqual([
      '2026-11-23;bingo;;;12;120;Bingobrett',
      '2026-11-23;bingo;cash;;12;120;Bingobrett: Kontant',
    ]);
    expect(label('middag')).toBeUndefined();
    expect(label('bingo', 'card')).toBeUndefined();
  });

  it("has the protocol's days.csv header, as docs/PROTOCOL.md writes it", () => {
    const protocol = readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');
    const header = /header `([a-z_;]+)`/.exec(protocol)?.[1];
    expect(LONG_CSV_COLUMNS.join(';')).toBe(header);
  });

  it('gives one row per total, empty cells for absent option, hour and amount', () => {
    expect(csvDocument(longCsvRows([day]))).toBe(
      '\uFEFF' +
        [
          'date;counter;option;hour;net;amount_nok;label',
          '2026-11-23;bingo;;;12;120;',
          '2026-11-23;bingo;cash;;12;120;',
          '2026-11-23;middag;;;31;;',
          '2026-11-23;visit;;;24;;',
          '2026-11-23;visit;first-time;;4;;',
          '2026-11-23;visit;;13;24;;',
        ]
          .map((line) => `${line}\r\n`)
          .join(''),
    );
  });
});

const WORDS: CsvWords = {
  date: 'Dato',
  row: 'Rad',
  total: 'Totalt',
  perAnswer: 'Per svar',
  perHour: 'Per time',
  closing: 'Dagsoppgjør',
  counter: 'Teller',
  answer: 'Svar',
  hour: 'Time',
  count: 'Antall',
  kroner: 'Kroner',
  counterKroner: '{counter}, kroner',
  closed: 'Dagen avsluttet',
  cashCounted: 'Opptalt kontant, kroner',
  yes: 'Ja',
  no: 'Nei',
  questionAnswer: '{question}: {answer}',
  volunteerHours: 'Frivillige timer',
};

describe('the wide layout', () => {
  it('has one row per day and a column per counter, option and sale amount, headed by names', () => {
    const rows = wideCsvRows(
      [
        { ...day, closed: true, cashCountedNok: 120 },
        { date: '2026-11-24', totals: [] },
      ],
      hjerteromAlta.counters,
      WORDS,
      'nb',
    );
    expect(rows[0]).toEqual([
      'Dato',
      'Besøk',
      'Første gang',
      'Har vært her før',
      'Middag',
      'Brødskiver og frukt',
      'Bingobrett',
      'Kontant',
      'Vipps',
      'Bingobrett, kroner',
      'Samtale i enerom',
      'Telefonsamtale',
      'Hjemmebesøk',
      'Følgetjeneste',
      'Dagen avsluttet',
      'Opptalt kontant, kroner',
    ]);
    expect(rows[1]).toEqual(['2026-11-23', 24, 4, 0, 31, 0, 12, 12, 0, 120, 0, 0, 0, 0, 'Ja', 120]);
    expect(rows[2]).toEqual([
      '2026-11-24',
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      'Nei',
      undefined,
    ]);
  });

  it('uses the names in the language asked for, bokmål where a name has no translation', () => {
    const counters = hjerteromAlta.counters.map((counter) =>
      counter.id === 'middag' ? { ...counter, name: { nb: 'Middag' } } : counter,
    );
    const [header] = wideCsvRows([], counters, WORDS, 'en');
    expect(header?.slice(1, 5)).toEqual(['Visits', 'First time', 'Been here before', 'Middag']);
  });

  it('prefixes an option with its counter where two columns would read the same', () => {
    const counters = [
      {
        id: 'kaffe',
        kind: 'sale' as const,
        name: { nb: 'Kaffe' },
        byHour: false,
        options: [{ id: 'cash', name: { nb: 'Kontant' } }],
      },
      {
        id: 'bingo',
        kind: 'sale' as const,
        name: { nb: 'Bingo' },
        byHour: false,
        options: [
          { id: 'cash', name: { nb: 'Kontant' } },
          { id: 'vipps', name: { nb: 'Vipps' } },
        ],
      },
    ];
    const [header] = wideCsvRows([], counters, WORDS, 'nb');
    expect(header).toEqual([
      'Dato',
      'Kaffe',
      'Kaffe, Kontant',
      'Kaffe, kroner',
      'Bingo',
      'Bingo, Kontant',
      'Vipps',
      'Bingo, kroner',
      'Dagen avsluttet',
      'Opptalt kontant, kroner',
    ]);
  });

  it('quotes a name with ; or " and keeps æøå', () => {
    const counters = [
      {
        id: 'vaffel',
        kind: 'meal' as const,
        name: { nb: 'Vaffel; "stor" på kjøkkenet' },
        byHour: false,
      },
    ];
    expect(csvDocument(wideCsvRows([], counters, WORDS, 'nb'))).toBe(
      '\uFEFFDato;"Vaffel; ""stor"" på kjøkkenet";Dagen avsluttet;Opptalt kontant, kroner\r\n',
    );
  });
});

describe("the tablet's long layout", () => {
  it('says on each row whether it is a total, per answer or per hour, and adds the closing', () => {
    const rows = namedLongCsvRows(
      [{ ...day, closed: true, cashCountedNok: 100 }],
      hjerteromAlta.counters,
      WORDS,
      'nb',
    );
    expect(rows).toEqual([
      ['Dato', 'Rad', 'Teller', 'Svar', 'Time', 'Antall', 'Kroner'],
      ['2026-11-23', 'Totalt', 'Bingobrett', undefined, undefined, 12, 120],
      ['2026-11-23', 'Per svar', 'Bingobrett', 'Kontant', undefined, 12, 120],
      ['2026-11-23', 'Totalt', 'Middag', undefined, undefined, 31, undefined],
      ['2026-11-23', 'Totalt', 'Besøk', undefined, undefined, 24, undefined],
      ['2026-11-23', 'Per svar', 'Besøk', 'Første gang', undefined, 4, undefined],
      ['2026-11-23', 'Per time', 'Besøk', undefined, 13, 24, undefined],
      [
        '2026-11-23',
        'Dagsoppgjør',
        'Opptalt kontant, kroner',
        undefined,
        undefined,
        undefined,
        100,
      ],
    ]);
  });

  it('names a counter no longer in the config by its id, and an open day has no closing row', () => {
    const rows = namedLongCsvRows(
      [{ date: '2026-11-23', totals: rollUp([{ counter: 'kaffe', inc: 2, dec: 0 }]) }],
      hjerteromAlta.counters,
      WORDS,
      'nb',
    );
    expect(rows.slice(1)).toEqual([
      ['2026-11-23', 'Totalt', 'kaffe', undefined, undefined, 2, undefined],
    ]);
  });
});

describe('door questions and volunteer hours in the lead’s layouts', () => {
  const firstTime = {
    counter: 'forste-gang',
    name: 'Første gang her?',
    answers: [
      { option: 'noensinne', name: 'Ja, første gang noensinne' },
      { option: 'no-answer', name: 'Ikke svart' },
    ],
  };
  const counters = [
    ...hjerteromAlta.counters.filter((counter) => counter.id === 'visit'),
    ...volunteerCounters(),
  ];
  const answeredDay = {
    date: '2026-11-25',
    totals: rollUp([
      { counter: 'visit', hour: 11, inc: 3, dec: 0 },
      { counter: 'forste-gang', option: 'noensinne', inc: 2, dec: 0 },
      { counter: 'forste-gang', option: 'no-answer', inc: 1, dec: 0 },
      { counter: 'frivillige', inc: 2, dec: 0 },
      { counter: 'frivillig-minutter', inc: 450, dec: 0 },
    ]),
  };

  it('wide: a column per answer headed "question: answer", and hours with a comma', () => {
    const rows = wideCsvRows([answeredDay], counters, WORDS, 'nb', [firstTime]);
    expect(rows).toEqual([
      [
        'Dato',
        'Besøk',
        'Første gang',
        'Har vært her før',
        'Frivillige',
        'Frivillige timer',
        'Første gang her?: Ja, første gang noensinne',
        'Første gang her?: Ikke svart',
        'Dagen avsluttet',
        'Opptalt kontant, kroner',
      ],
      ['2026-11-25', 3, 0, 0, 2, '7,5', 2, 1, 'Nei', undefined],
    ]);
  });

  it('long: answers are per-answer rows, never total rows, and hours read as hours', () => {
    const rows = namedLongCsvRows([answeredDay], counters, WORDS, 'nb', [firstTime]);
    expect(rows.slice(1)).toEqual([
      ['2026-11-25', 'Per svar', 'Første gang her?', 'Ikke svart', undefined, 1, undefined],
      [
        '2026-11-25',
        'Per svar',
        'Første gang her?',
        'Ja, første gang noensinne',
        undefined,
        2,
        undefined,
      ],
      ['2026-11-25', 'Totalt', 'Frivillige timer', undefined, undefined, '7,5', undefined],
      ['2026-11-25', 'Totalt', 'Frivillige', undefined, undefined, 2, undefined],
      ['2026-11-25', 'Totalt', 'Besøk', undefined, undefined, 3, undefined],
      ['2026-11-25', 'Per time', 'Besøk', undefined, 11, 3, undefined],
    ]);
  });

  it('a day with no answers gives zeros, and no rows in the long layout', () => {
    const quiet = { date: '2026-11-26', totals: [] };
    expect(wideCsvRows([quiet], counters, WORDS, 'nb', [firstTime])[1]).toEqual([
      '2026-11-26',
      0,
      0,
      0,
      0,
      '0',
      0,
      0,
      'Nei',
      undefined,
    ]);
    expect(namedLongCsvRows([quiet], counters, WORDS, 'nb', [firstTime])).toHaveLength(1);
  });
});
