/**
 * Our own names of days and months for nynorsk and the languages Debian's Chromium lacks in Intl
 * (nn, se), exported by their catalogues' modules so they load with them (bokmål's are in
 * translate.ts, with the door). The words are CLDR's (what Node's full ICU prints); the order
 * "torsdag 3. desember" is Norwegian's, and a native speaker should check it for North Sámi.
 */
import { NORWEGIAN_MONTHS, type CalendarNames } from './translate.ts';

export const nnCalendar: CalendarNames = {
  weekdays: ['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'søndag'],
  months: NORWEGIAN_MONTHS,
};

export const seCalendar: CalendarNames = {
  weekdays: [
    'vuossárga',
    'maŋŋebárga',
    'gaskavahkku',
    'duorasdat',
    'bearjadat',
    'lávvardat',
    'sotnabeaivi',
  ],
  months: [
    'ođđajagemánnu',
    'guovvamánnu',
    'njukčamánnu',
    'cuoŋománnu',
    'miessemánnu',
    'geassemánnu',
    'suoidnemánnu',
    'borgemánnu',
    'čakčamánnu',
    'golggotmánnu',
    'skábmamánnu',
    'juovlamánnu',
  ],
};
