/**
 * Owns the Norwegian public holidays (the twelve statutory days): Easter by the Gregorian
 * computus and the days that hang off it. Sites' own closed dates live in the config, not here.
 */
import { addDays, type IsoDate } from './business-day';

/** A public holiday: its date and bokmål name. */
export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

// Code-unit order: dates sort as ISO strings; two holidays on one day (2. pinsedag and
// Grunnlovsdag on 2027-05-17) sort by name.
const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Easter Sunday of a year by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The twelve Norwegian public holidays of a year, in date order. */
export function publicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string): PublicHoliday => ({
    date: addDays(easter, days),
    name,
  });
  const fixed = (monthDay: string, name: string): PublicHoliday => ({
    date: `${year}-${monthDay}`,
    name,
  });
  return [
    fixed('01-01', '1. nyttårsdag'),
    fromEaster(-3, 'Skjærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, '1. påskedag'),
    fromEaster(1, '2. påskedag'),
    // Called «Arbeidernes dag» in speech; the law (and the fixture) says «Offentlig høytidsdag».
    fixed('05-01', 'Offentlig høytidsdag'),
    fixed('05-17', 'Grunnlovsdag'),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, '1. pinsedag'),
    fromEaster(50, '2. pinsedag'),
    fixed('12-25', '1. juledag'),
    fixed('12-26', '2. juledag'),
  ].sort((x, y) => compareText(x.date, y.date) || compareText(x.name, y.name));
}

const byYear = new Map<number, Map<IsoDate, string>>();

/**
 * The bokmål name of the public holiday on a date, or undefined on an ordinary day; two
 * holidays on one date are named together ("2. pinsedag og Grunnlovsdag").
 */
export function holidayOn(date: IsoDate): string | undefined {
  const year = Number(date.slice(0, 4));
  let names = byYear.get(year);
  if (names === undefined) {
    names = new Map();
    for (const holiday of publicHolidays(year)) {
      const earlier = names.get(holiday.date);
      names.set(
        holiday.date,
        earlier === undefined ? holiday.name : `${earlier} og ${holiday.name}`,
      );
    }
    byYear.set(year, names);
  }
  return names.get(date);
}
