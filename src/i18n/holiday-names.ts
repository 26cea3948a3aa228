/**
 * Norway's public holidays by their bokmål name (domain/holidays.ts), in every door language:
 * loaded with today's card after the first paint. A name it does not know stays bokmål.
 */
import type { Language, LocalizedText } from '../shared/site-config.ts';

const HOLIDAY_NAMES: Record<string, LocalizedText> = {
  '1. nyttårsdag': {
    nb: '1. nyttårsdag',
    nn: '1. nyttårsdag',
    se: 'Ođđajagebeaivi',
    en: 'New Year’s Day',
    uk: 'Новий рік',
    ar: 'رأس السنة الميلادية',
  },
  Skjærtorsdag: {
    nb: 'Skjærtorsdag',
    nn: 'Skjærtorsdag',
    se: 'Bassedorstat',
    en: 'Maundy Thursday',
    uk: 'Чистий четвер',
    ar: 'خميس العهد',
  },
  Langfredag: {
    nb: 'Langfredag',
    nn: 'Langfredag',
    se: 'Guhkesbearjadat',
    en: 'Good Friday',
    uk: 'Страсна пʼятниця',
    ar: 'الجمعة العظيمة',
  },
  '1. påskedag': {
    nb: '1. påskedag',
    nn: '1. påskedag',
    se: 'Beassášbeaivi',
    en: 'Easter Sunday',
    uk: 'Великдень',
    ar: 'عيد الفصح',
  },
  '2. påskedag': {
    nb: '2. påskedag',
    nn: '2. påskedag',
    se: 'Nuppi beassášbeaivi',
    en: 'Easter Monday',
    uk: 'Великодній понеділок',
    ar: 'اثنين الفصح',
  },
  'Offentlig høytidsdag': {
    nb: 'Offentlig høytidsdag',
    nn: 'Offentleg høgtidsdag',
    se: 'Bargiid beaivi',
    en: 'Labour Day',
    uk: 'День праці',
    ar: 'عيد العمال',
  },
  Grunnlovsdag: {
    nb: 'Grunnlovsdag',
    nn: 'Grunnlovsdag',
    se: 'Vuođđoláhkabeaivi',
    en: 'Constitution Day',
    uk: 'День Конституції',
    ar: 'يوم الدستور',
  },
  'Kristi himmelfartsdag': {
    nb: 'Kristi himmelfartsdag',
    nn: 'Kristi himmelfartsdag',
    se: 'Kristusa albmáimannanbeaivi',
    en: 'Ascension Day',
    uk: 'Вознесіння',
    ar: 'عيد الصعود',
  },
  '1. pinsedag': {
    nb: '1. pinsedag',
    nn: '1. pinsedag',
    se: 'Hellodatbeaivi',
    en: 'Whit Sunday',
    uk: 'Трійця',
    ar: 'عيد العنصرة',
  },
  '2. pinsedag': {
    nb: '2. pinsedag',
    nn: '2. pinsedag',
    se: 'Nuppi hellodatbeaivi',
    en: 'Whit Monday',
    uk: 'Духів день',
    ar: 'اثنين العنصرة',
  },
  '1. juledag': {
    nb: '1. juledag',
    nn: '1. juledag',
    se: 'Juovlabeaivi',
    en: 'Christmas Day',
    uk: 'Різдво',
    ar: 'عيد الميلاد',
  },
  '2. juledag': {
    nb: '2. juledag',
    nn: '2. juledag',
    se: 'Nuppi juovlabeaivi',
    en: 'Boxing Day',
    uk: 'Другий день Різдва',
    ar: 'ثاني أيام عيد الميلاد',
  },
};

/** How each language joins two holidays on one date (domain/holidays.ts joins with « og »). */
const AND: Record<Language, string> = {
  nb: ' og ',
  nn: ' og ',
  se: ' ja ',
  en: ' and ',
  uk: ' і ',
  ar: ' و',
};

/**
 * A holiday's bokmål name (or two joined with « og ») in every language it is known in; an
 * unknown name is bokmål only, so the door shows it isolated.
 */
export function holidayName(name: string): LocalizedText {
  const parts = name.split(' og ').map((part) => HOLIDAY_NAMES[part]);
  if (parts.some((part) => part === undefined)) return { nb: name };
  const known = parts as LocalizedText[];
  const text: LocalizedText = { nb: name };
  for (const language of Object.keys(AND) as Language[]) {
    text[language] = known.map((part) => part[language] ?? part.nb).join(AND[language]);
  }
  return text;
}
