/**
 * Owns volunteer effort as numbers: the fixed counter ids it is stored under and the parsing of
 * the hours a shift gave into whole minutes. Never a name, never anything but counts.
 */
import type { Counter } from '../shared/site-config';

/** Counter of volunteers, one addition per shift (numbers only, never names). */
export const VOLUNTEERS_COUNTER = 'frivillige';
/** Counter of the minutes volunteers gave, one addition per shift in whole minutes. */
export const VOLUNTEER_MINUTES_COUNTER = 'frivillig-minutter';

const MINUTES_PER_HOUR = 60;
const MAX_HOURS_PER_VOLUNTEER = 24;

/** Why typed hours were refused; nothing stored changes. */
export type VolunteerHoursRefusal =
  'not-a-number' | 'negative' | 'no-volunteers' | 'over-24-hours-each';

/** Typed hours read as whole minutes, or why not. */
export type VolunteerHoursResult =
  { ok: true; minutes: number } | { ok: false; reason: VolunteerHoursRefusal };

// "7", "7,5", "7.5", ",5", "7:30" (hours and minutes); an optional leading minus is caught so it
// is refused as negative rather than as not a number.
const DECIMAL = /^(-?)(\d*)(?:[.,](\d+))?$/;
const CLOCK = /^(-?)(\d+):([0-5]\d)$/;

function minutesOf(typed: string): number | undefined {
  const clock = CLOCK.exec(typed);
  if (clock !== null) {
    const minutes = Number(clock[2]) * MINUTES_PER_HOUR + Number(clock[3]);
    return clock[1] === '-' ? -minutes : minutes;
  }
  const decimal = DECIMAL.exec(typed);
  if (decimal === null || (decimal[2] === '' && decimal[3] === undefined)) return undefined;
  // Integer arithmetic on the digits: 7,35 h is 441 minutes, not 440.99999.
  const fraction = decimal[3] ?? '';
  const scale = 10 ** fraction.length;
  const scaled = Number(decimal[2] || '0') * scale + Number(fraction || '0');
  const minutes = Math.round((scaled * MINUTES_PER_HOUR) / scale);
  return decimal[1] === '-' ? -minutes : minutes;
}

/**
 * The whole minutes of typed hours given by `volunteers` people on a shift: a comma or a point
 * as the decimal sign, or `t:mm`; refused when negative, not a number, or over 24 hours for
 * each volunteer.
 */
export function parseVolunteerHours(typed: string, volunteers: number): VolunteerHoursResult {
  const minutes = minutesOf(typed.trim());
  if (minutes === undefined || !Number.isSafeInteger(minutes)) {
    return { ok: false, reason: 'not-a-number' };
  }
  if (minutes < 0) return { ok: false, reason: 'negative' };
  if (!Number.isSafeInteger(volunteers) || volunteers < 1) {
    return { ok: false, reason: 'no-volunteers' };
  }
  if (minutes > volunteers * MAX_HOURS_PER_VOLUNTEER * MINUTES_PER_HOUR) {
    return { ok: false, reason: 'over-24-hours-each' };
  }
  return { ok: true, minutes };
}

/** Why a typed number of volunteers was refused. */
export type VolunteerCountRefusal = 'volunteers-not-whole' | 'volunteers-too-many';

/** At most this many volunteers on one shift entry (a typo guard, not a rule of the place). */
export const MAX_VOLUNTEERS_PER_SHIFT = 500;

/** A shift as stored: its volunteers and the whole minutes they gave. */
export interface VolunteerShift {
  volunteers: number;
  minutes: number;
}

/** A typed shift (volunteers, hours) read as numbers, or why not; nothing is stored either way. */
export function parseVolunteerShift(
  typedVolunteers: string,
  typedHours: string,
):
  | { ok: true; shift: VolunteerShift }
  | { ok: false; reason: VolunteerHoursRefusal | VolunteerCountRefusal } {
  const text = typedVolunteers.trim();
  if (!/^\d+$/.test(text)) {
    return { ok: false, reason: /^-/.test(text) ? 'negative' : 'volunteers-not-whole' };
  }
  const volunteers = Number(text);
  if (volunteers > MAX_VOLUNTEERS_PER_SHIFT) return { ok: false, reason: 'volunteers-too-many' };
  const hours = parseVolunteerHours(typedHours, volunteers);
  return hours.ok ? { ok: true, shift: { volunteers, minutes: hours.minutes } } : hours;
}

/**
 * The two counters volunteer effort is stored on, implied in every site's configuration (the
 * lead never adds them): additions per shift, never by hour, summed across tablets like any count.
 */
export function volunteerCounters(): Counter[] {
  return [
    {
      id: VOLUNTEERS_COUNTER,
      kind: 'activity',
      name: { nb: 'Frivillige', en: 'Volunteers' },
      byHour: false,
    },
    {
      id: VOLUNTEER_MINUTES_COUNTER,
      kind: 'activity',
      name: { nb: 'Frivillige timer (i minutter)', en: 'Volunteer hours (in minutes)' },
      byHour: false,
    },
  ];
}

/** Whether a counter id is one of the volunteer counters (entered as a shift, not tapped +1). */
export function isVolunteerCounter(id: string): boolean {
  return id === VOLUNTEERS_COUNTER || id === VOLUNTEER_MINUTES_COUNTER;
}

/** The configuration with the volunteer counters added where it lacks them; the same one when not. */
export function withVolunteerCounters<T extends { counters: Counter[] }>(config: T): T {
  const missing = volunteerCounters().filter(
    (implied) => !config.counters.some((counter) => counter.id === implied.id),
  );
  return missing.length === 0 ? config : { ...config, counters: [...config.counters, ...missing] };
}

/**
 * Whole minutes as hours the way Norwegian Excel reads a number: a decimal comma, at most two
 * decimals, no thousands separator ("7,5" for 450 minutes, "1234" for 74 040).
 */
export function decimalHours(minutes: number): string {
  const hundredths = Math.round((Math.abs(minutes) * 100) / MINUTES_PER_HOUR);
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  const fraction = rest === 0 ? '' : String(rest).padStart(2, '0').replace(/0$/, '');
  const sign = minutes < 0 && hundredths > 0 ? '-' : '';
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole},${fraction}`;
}
