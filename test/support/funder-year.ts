// A year of Hjerterom Alta for the funder report's tests: 4,800 visits over 2025's opening
// days but ten, 1,920 first-time answers (310 "ever", 540 "this year") of 4,800 asked, user
// voice with a small cell, meals, bingo and volunteers; and two days of 2024 to sit beside it.
import { addDays, weekdayOf } from '../../src/domain/business-day.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { dayStatus } from '../../src/domain/schedule.ts';
import type { Backup } from '../../src/shared/backup.ts';
import type { SiteConfig } from '../../src/shared/site-config.ts';

/** Hjerterom Alta asking "Hvordan var det i dag?" too; no closed or opened dates. */
export const FUNDER_CONFIG: SiteConfig = {
  ...hjerteromAlta,
  closedDates: [],
  openDates: [],
  counters: [
    ...hjerteromAlta.counters,
    {
      id: 'brukerstemme',
      kind: 'activity',
      name: { nb: 'Hvordan var det i dag?' },
      byHour: false,
      options: [
        { id: 'fornoyd', name: { nb: 'Fornøyd' } },
        { id: 'noytral', name: { nb: 'Nøytral' } },
        { id: 'misfornoyd', name: { nb: 'Misfornøyd' } },
      ],
    },
  ],
};

/** One day's grow-only count, as a backup or a frozen replica holds it. */
export interface YearCount {
  day: string;
  counter: string;
  option?: string;
  hour?: number;
  inc: number;
  incNok?: number;
}

/** The figures the seeded year must give. */
export const FUNDER_YEAR = {
  from: '2025-01-01',
  to: '2025-12-31',
  visits: 4800,
  openingDays: 252,
  notRecordedDays: 10,
  distinct: 2125,
  newPeople: 775,
  lastYearVisits: 50,
  volunteerHours: 242 * 15,
} as const;

/** `total` spread evenly over `n` days: day `i`'s share, the shares summing to `total`. */
const spread = (total: number, i: number, n: number) =>
  Math.floor((total * (i + 1)) / n) - Math.floor((total * i) / n);

/** Every count of the seeded year (and last year's two days), one per day, counter and option. */
export function funderYearCounts(): YearCount[] {
  const open: string[] = [];
  for (let date: string = FUNDER_YEAR.from; date <= FUNDER_YEAR.to; date = addDays(date, 1)) {
    if (dayStatus(FUNDER_CONFIG, date).open) open.push(date);
  }
  // Every 25th opening day has no record: ten days "ikke registrert".
  const recorded = open.filter((_, i) => (i + 1) % 25 !== 0);
  const counts: YearCount[] = [];
  const n = recorded.length;
  recorded.forEach((day, i) => {
    const add = (counter: string, inc: number, extra: Partial<YearCount> = {}) => {
      if (inc > 0) counts.push({ day, counter, inc, ...extra });
    };
    add('visit', spread(4800, i, n), { hour: 12 });
    add('forste-gang', spread(310, i, n), { option: 'noensinne' });
    add('forste-gang', spread(540, i, n), { option: 'forste-i-ar' });
    add('forste-gang', spread(1070, i, n), { option: 'tidligere-i-ar' });
    add('forste-gang', spread(2880, i, n), { option: 'no-answer' });
    add('brukerstemme', spread(400, i, n), { option: 'fornoyd' });
    add('brukerstemme', spread(50, i, n), { option: 'noytral' });
    add('brukerstemme', spread(3, i, n), { option: 'misfornoyd' });
    const weekday = weekdayOf(day);
    add(weekday === 2 || weekday === 4 ? 'brodmat' : 'middag', 20);
    if (weekday === 4) {
      add('bingo', 5, { option: 'cash', incNok: 50 });
      add('bingo', 3, { option: 'vipps', incNok: 30 });
    }
    add('frivillige', 2);
    add('frivillig-minutter', 900);
  });
  counts.push({ day: '2024-03-04', counter: 'visit', hour: 12, inc: 30 });
  counts.push({ day: '2024-03-05', counter: 'visit', hour: 12, inc: 20 });
  return counts;
}

const REPLICA = '6f1c2a52-3b0e-4c55-9d1e-2a7b8c9d0e1f';

/** The seeded year as a JSON backup from another tablet, to import on a fresh one. */
export function funderYearBackup(): Backup {
  return {
    format: 'terskel-backup',
    version: 1,
    createdAt: '2026-01-05T10:00:00.000Z',
    replica: REPLICA,
    config: FUNDER_CONFIG,
    replicas: [{ id: REPLICA, frozen: false }],
    tally: funderYearCounts().map(({ day, ...count }) => ({
      ...count,
      replica: REPLICA,
      date: day,
      dec: 0,
    })),
    days: [],
  };
}
