import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDayOf,
  daysBetween,
  instantOf,
  knowOffsetSpan,
  localHourOf,
  localTimeOf,
  minutesOfDay,
  offsetSpanFrom,
  weekdayOf,
} from '../../src/domain/business-day';

const OSLO = 'Europe/Oslo';
const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;

describe('local time in a zone', () => {
  it('reads the Oslo wall clock in winter (UTC+1) and summer (UTC+2)', () => {
    expect(localTimeOf(at('2026-01-15T12:30:00Z'), OSLO)).toEqual({
      date: '2026-01-15',
      hour: 13,
      minute: 30,
      weekday: 4,
    });
    expect(localTimeOf(at('2026-07-15T22:05:00Z'), OSLO)).toEqual({
      date: '2026-07-16',
      hour: 0,
      minute: 5,
      weekday: 4,
    });
  });

  it('does not depend on the zone of the machine running it', () => {
    expect(localTimeOf(at('2026-01-15T23:30:00Z'), 'Asia/Tokyo').date).toBe('2026-01-16');
    expect(localTimeOf(at('2026-01-15T23:30:00Z'), 'America/New_York').hour).toBe(18);
    expect(localTimeOf(at('2026-01-15T23:30:00Z'), 'Asia/Kolkata').minute).toBe(0);
  });

  it('gives consistent answers when zones are asked in turn (the per-zone cache)', () => {
    const instant = at('2026-03-01T10:00:00Z');
    expect(localHourOf(instant, OSLO)).toBe(11);
    expect(localHourOf(instant, 'UTC')).toBe(10);
    expect(localHourOf(instant + 20 * 60_000, OSLO)).toBe(11);
    expect(localHourOf(instant + 60 * 60_000, OSLO)).toBe(12);
  });
});

describe('the 23-hour day (2026-03-29 in Oslo)', () => {
  it('jumps from 01:59 to 03:00', () => {
    expect(localTimeOf(at('2026-03-29T00:59:00Z'), OSLO)).toMatchObject({ hour: 1, minute: 59 });
    expect(localTimeOf(at('2026-03-29T01:00:00Z'), OSLO)).toMatchObject({ hour: 3, minute: 0 });
  });

  it('with a 04:00 cut-off, makes the business day that holds the jump (03-28) 23 hours long', () => {
    const start = instantOf('2026-03-28', '04:00', OSLO);
    const end = instantOf('2026-03-29', '04:00', OSLO);
    expect(end - start).toBe(23 * HOUR);
    expect(businessDayOf(start, OSLO, 4)).toBe('2026-03-28');
    expect(businessDayOf(at('2026-03-29T00:59:00Z'), OSLO, 4)).toBe('2026-03-28');
    expect(businessDayOf(at('2026-03-29T01:00:00Z'), OSLO, 4)).toBe('2026-03-28');
    expect(businessDayOf(end - 1, OSLO, 4)).toBe('2026-03-28');
    expect(businessDayOf(end, OSLO, 4)).toBe('2026-03-29');
    expect(instantOf('2026-03-30', '04:00', OSLO) - end).toBe(24 * HOUR);
  });

  it('has no hour 2, and midnight to midnight is 23 hours', () => {
    const hours = new Set<number>();
    const midnight = instantOf('2026-03-29', '00:00', OSLO);
    const next = instantOf('2026-03-30', '00:00', OSLO);
    expect(next - midnight).toBe(23 * HOUR);
    for (let t = midnight; t < next; t += 15 * 60_000) hours.add(localHourOf(t, OSLO));
    expect(hours.has(2)).toBe(false);
    expect(hours.size).toBe(23);
  });

  it('maps a wall time in the gap to the instant the gap ends', () => {
    expect(instantOf('2026-03-29', '02:30', OSLO)).toBe(at('2026-03-29T01:00:00Z'));
    expect(instantOf('2026-03-29', '02:00', OSLO)).toBe(at('2026-03-29T01:00:00Z'));
    expect(instantOf('2026-03-29', '03:00', OSLO)).toBe(at('2026-03-29T01:00:00Z'));
    expect(instantOf('2026-03-29', '01:59', OSLO)).toBe(at('2026-03-29T00:59:00Z'));
  });
});

describe('the 25-hour day (2026-10-25 in Oslo)', () => {
  it('is 25 hours from midnight to midnight; with a 04:00 cut-off the 25 hours fall on 10-24', () => {
    expect(instantOf('2026-10-25', '04:00', OSLO) - instantOf('2026-10-24', '04:00', OSLO)).toBe(
      25 * HOUR,
    );
    expect(instantOf('2026-10-26', '04:00', OSLO) - instantOf('2026-10-25', '04:00', OSLO)).toBe(
      24 * HOUR,
    );
    const midnight = instantOf('2026-10-25', '00:00', OSLO);
    expect(instantOf('2026-10-26', '00:00', OSLO) - midnight).toBe(25 * HOUR);
  });

  it('puts both 02:xx hours in hour 2', () => {
    // 00:30Z is 02:30 summer time; 01:30Z is 02:30 winter time.
    expect(localHourOf(at('2026-10-25T00:30:00Z'), OSLO)).toBe(2);
    expect(localHourOf(at('2026-10-25T01:30:00Z'), OSLO)).toBe(2);
    expect(localHourOf(at('2026-10-25T02:30:00Z'), OSLO)).toBe(3);
  });

  it('counts the small hours before the cut-off on the previous business day', () => {
    expect(businessDayOf(at('2026-10-25T00:30:00Z'), OSLO, 4)).toBe('2026-10-24');
    expect(businessDayOf(at('2026-10-25T01:30:00Z'), OSLO, 4)).toBe('2026-10-24');
    expect(businessDayOf(at('2026-10-25T02:59:59Z'), OSLO, 4)).toBe('2026-10-24');
    expect(businessDayOf(at('2026-10-25T03:00:00Z'), OSLO, 4)).toBe('2026-10-25');
  });

  it('maps an ambiguous wall time to its first occurrence', () => {
    expect(instantOf('2026-10-25', '02:30', OSLO)).toBe(at('2026-10-25T00:30:00Z'));
    expect(instantOf('2026-10-25', '03:00', OSLO)).toBe(at('2026-10-25T02:00:00Z'));
  });
});

describe('business day with a cut-off', () => {
  it('keeps a late night on the day it started', () => {
    expect(businessDayOf(at('2026-01-16T01:30:00Z'), OSLO, 4)).toBe('2026-01-15');
    expect(businessDayOf(at('2026-01-16T03:00:00Z'), OSLO, 4)).toBe('2026-01-16');
  });

  it('is the local date when the cut-off is midnight', () => {
    expect(businessDayOf(at('2026-01-15T23:30:00Z'), OSLO, 0)).toBe('2026-01-16');
  });

  it('rolls back across a month and a year boundary', () => {
    expect(businessDayOf(at('2027-01-01T01:00:00Z'), OSLO, 4)).toBe('2026-12-31');
    expect(businessDayOf(at('2026-03-01T00:30:00Z'), OSLO, 4)).toBe('2026-02-28');
  });
});

describe('calendar arithmetic', () => {
  it('knows the weekday of a date (1 = Monday)', () => {
    expect(weekdayOf('2029-05-17')).toBe(4);
    expect(weekdayOf('2024-05-20')).toBe(1);
    expect(weekdayOf('2026-03-29')).toBe(7);
  });

  it('adds days across months, leap days and DST', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-10-24', 400)).toBe('2027-11-28');
  });

  it('counts whole days between dates, across a DST change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('reads a clock time as minutes since midnight', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('13:15')).toBe(795);
    expect(minutesOfDay('23:59')).toBe(1439);
  });

  it('refuses a string that is not a date or a clock time', () => {
    expect(() => weekdayOf('17.05.2029')).toThrow(RangeError);
    expect(() => minutesOfDay('1315')).toThrow(RangeError);
    for (const near of [
      '2029-5-17',
      '2029-05-7',
      ' 2029-05-17',
      '2029-05-17 ',
      '2029/05/17',
      '2029-0a-17',
      '20290-5-17',
      '2029-05-1x',
      '+029-05-17',
      '',
    ]) {
      expect(() => weekdayOf(near), near).toThrow(RangeError);
      expect(() => addDays(near, 1), near).toThrow(RangeError);
    }
  });

  it('reads every date of a leap year and its edges as the calendar has them', () => {
    let date = '2027-12-31';
    for (let n = 0; n < 368; n++) {
      const next = addDays(date, 1);
      expect(daysBetween(date, next)).toBe(1);
      expect(new Date(`${next}T00:00:00Z`).toISOString().slice(0, 10)).toBe(next);
      date = next;
    }
    expect(date).toBe('2029-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(weekdayOf('2028-02-29')).toBe(2);
  });
});

describe('instant of a local wall time', () => {
  it('round-trips through local time on ordinary days', () => {
    for (const date of ['2026-01-15', '2026-07-15', '2026-12-31']) {
      for (const clock of ['00:00', '04:00', '13:15', '23:59']) {
        const local = localTimeOf(instantOf(date, clock, OSLO), OSLO);
        expect(local.date).toBe(date);
        expect(
          `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`,
        ).toBe(clock);
      }
    }
  });
});

describe('a remembered offset span (a cold start without Intl)', () => {
  const MINUTE = 60_000;

  it('ends at the last whole hour before a change of offset, and runs its full length otherwise', () => {
    // Oslo springs forward at 2026-03-29T01:00Z.
    const before = offsetSpanFrom(at('2026-03-27T12:00:00Z'), OSLO);
    expect(before).toEqual({
      timeZone: OSLO,
      offsetMs: HOUR,
      from: at('2026-03-27T12:00:00Z'),
      until: at('2026-03-29T00:00:00Z'),
    });
    const plain = offsetSpanFrom(at('2026-11-23T09:17:00Z'), OSLO);
    expect(plain.offsetMs).toBe(HOUR);
    expect(plain.until - plain.from).toBe(3 * 24 * HOUR);
  });

  it('gives exactly the wall clock Intl gives, inside the span and past its end', () => {
    // New York falls back at 2026-11-01T06:00Z.
    const zone = 'America/New_York';
    const span = offsetSpanFrom(at('2026-10-30T07:00:00Z'), zone);
    expect(span.until).toBe(at('2026-11-01T05:00:00Z'));
    const instants: number[] = [];
    for (let t = span.from; t <= span.until + 6 * HOUR; t += 10 * MINUTE) instants.push(t);
    const fromIntl = instants.map((t) => [localTimeOf(t, zone), businessDayOf(t, zone, 6)]);
    expect(knowOffsetSpan(span)).toBe(true);
    expect(instants.map((t) => [localTimeOf(t, zone), businessDayOf(t, zone, 6)])).toEqual(
      fromIntl,
    );
  });

  it('is what answers inside it, and Intl outside it', () => {
    // A span that says UTC: only its own instants take it.
    const zone = 'Pacific/Auckland';
    const from = at('2026-06-10T00:00:00Z');
    expect(knowOffsetSpan({ timeZone: zone, offsetMs: 0, from, until: from + 2 * HOUR })).toBe(
      true,
    );
    expect(localTimeOf(from + HOUR, zone)).toMatchObject({ date: '2026-06-10', hour: 1 });
    expect(localTimeOf(from + 3 * HOUR, zone)).toMatchObject({ date: '2026-06-10', hour: 15 });
    expect(localTimeOf(from - HOUR, zone)).toMatchObject({ date: '2026-06-10', hour: 11 });
  });

  it('refuses anything that is not a sound span, and answers as before', () => {
    const zone = 'Asia/Kolkata';
    const from = at('2026-02-01T00:00:00Z');
    const good = { timeZone: zone, offsetMs: 0, from, until: from + HOUR };
    const before = localTimeOf(from + 30 * MINUTE, zone);
    for (const bad of [
      null,
      'span',
      42,
      { ...good, timeZone: 7 },
      { ...good, offsetMs: 0.5 },
      { ...good, offsetMs: 19 * HOUR },
      { ...good, from: Number.NaN },
      { ...good, until: from - 1 },
      { ...good, until: from + 9 * 24 * HOUR },
    ]) {
      expect(knowOffsetSpan(bad)).toBe(false);
    }
    expect(localTimeOf(from + 30 * MINUTE, zone)).toEqual(before);
    expect(before).toMatchObject({ hour: 6, minute: 0 });
  });
});
