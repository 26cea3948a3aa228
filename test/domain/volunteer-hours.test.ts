import { describe, expect, it } from 'vitest';
import {
  VOLUNTEER_MINUTES_COUNTER,
  VOLUNTEERS_COUNTER,
  decimalHours,
  parseVolunteerHours,
  parseVolunteerShift,
} from '../../src/domain/volunteer-hours';

describe('typed volunteer hours', () => {
  it.each([
    ['7', 1, 420],
    ['7,5', 1, 450],
    ['7.5', 1, 450],
    [' 7,5 ', 1, 450],
    [',5', 1, 30],
    ['7:30', 1, 450],
    ['0:05', 1, 5],
    ['7,35', 1, 441],
    ['1,333', 1, 80],
    ['0', 1, 0],
    ['48', 2, 2880],
    ['24', 1, 1440],
  ])('"%s" hours from %i volunteer(s) are %i whole minutes', (typed, volunteers, minutes) => {
    expect(parseVolunteerHours(typed, volunteers)).toEqual({ ok: true, minutes });
  });

  it.each([
    ['', 'not-a-number'],
    ['sju', 'not-a-number'],
    ['7,5,5', 'not-a-number'],
    ['7.', 'not-a-number'],
    ['7:75', 'not-a-number'],
    ['1e3', 'not-a-number'],
    ['99999999999999999999', 'not-a-number'],
    ['-1', 'negative'],
    ['-0:30', 'negative'],
    ['24,5', 'over-24-hours-each'],
    ['24:01', 'over-24-hours-each'],
  ])('"%s" from one volunteer is refused: %s', (typed, reason) => {
    expect(parseVolunteerHours(typed, 1)).toEqual({ ok: false, reason });
  });

  it('allows 24 hours for each volunteer and no more', () => {
    expect(parseVolunteerHours('72', 3)).toEqual({ ok: true, minutes: 4320 });
    expect(parseVolunteerHours('72,1', 3)).toEqual({ ok: false, reason: 'over-24-hours-each' });
  });

  it('refuses hours without a whole, positive number of volunteers', () => {
    expect(parseVolunteerHours('3', 0)).toEqual({ ok: false, reason: 'no-volunteers' });
    expect(parseVolunteerHours('3', 1.5)).toEqual({ ok: false, reason: 'no-volunteers' });
  });

  it('stores under the fixed counter ids the issue names', () => {
    expect([VOLUNTEERS_COUNTER, VOLUNTEER_MINUTES_COUNTER]).toEqual([
      'frivillige',
      'frivillig-minutter',
    ]);
  });
});

describe('a typed shift', () => {
  it('reads volunteers and hours as whole minutes', () => {
    expect(parseVolunteerShift(' 3 ', '7,5')).toEqual({
      ok: true,
      shift: { volunteers: 3, minutes: 450 },
    });
  });

  it.each([
    ['-2', '3', 'negative'],
    ['2,5', '3', 'volunteers-not-whole'],
    ['', '3', 'volunteers-not-whole'],
    ['501', '3', 'volunteers-too-many'],
    ['0', '3', 'no-volunteers'],
    ['2', '48,1', 'over-24-hours-each'],
  ])('refuses %s volunteers and %s hours: %s', (volunteers, hours, reason) => {
    expect(parseVolunteerShift(volunteers, hours)).toEqual({ ok: false, reason });
  });
});

describe('minutes as hours for a spreadsheet', () => {
  it('writes a decimal comma, at most two decimals and no thousands separator', () => {
    expect(decimalHours(450)).toBe('7,5');
    expect(decimalHours(441)).toBe('7,35');
    expect(decimalHours(20)).toBe('0,33');
    expect(decimalHours(0)).toBe('0');
    expect(decimalHours(74_040)).toBe('1234');
    expect(decimalHours(-90)).toBe('-1,5');
  });
});
