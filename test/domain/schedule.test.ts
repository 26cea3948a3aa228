import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/domain/business-day';
import { hjerteromAlta } from '../../src/domain/presets';
import {
  closedNotice,
  countersOn,
  dayStatus,
  doorStatus,
  nextOpening,
  nextUp,
  programmeFor,
  programmeLeft,
} from '../../src/domain/schedule';
import type { SiteConfig } from '../../src/shared/site-config';

const OSLO = 'Europe/Oslo';
const alta = hjerteromAlta;
const withChanges = (changes: Partial<SiteConfig>): SiteConfig => ({ ...alta, ...changes });
const ids = (items: Array<{ id: string }>): string[] => items.map((item) => item.id);

describe('Hjerterom Alta on a normal Thursday (2026-11-26)', () => {
  it('is open 11:00–21:00', () => {
    expect(dayStatus(alta, '2026-11-26')).toEqual({
      open: true,
      hours: { open: '11:00', close: '21:00' },
    });
  });

  it('shows Ord for dagen, sandwiches, bingo 13:15 and the hobby evening 18:00, in time order', () => {
    const programme = programmeFor(alta, '2026-11-26');
    expect(programme.map((item) => [item.id, item.time])).toEqual([
      ['ord-for-dagen', '13:00'],
      ['brodmat', '13:15'],
      ['bingo', '13:15'],
      ['hobbykveld', '18:00'],
    ]);
  });

  it('tallies visits, sandwiches and bingo boards, but not dinner', () => {
    expect(ids(countersOn(alta, '2026-11-26'))).toEqual([
      'visit',
      'brodmat',
      'bingo',
      'samtale-enerom',
    ]);
  });
});

describe('Hjerterom Alta on 2029-05-17 (a Thursday, Grunnlovsdag)', () => {
  it('is closed for the holiday', () => {
    expect(dayStatus(alta, '2029-05-17')).toEqual({
      open: false,
      reason: 'holiday',
      holiday: 'Grunnlovsdag',
    });
  });

  it('shows no bingo and no programme at all', () => {
    expect(programmeFor(alta, '2029-05-17')).toEqual([]);
    expect(nextUp(alta, '2029-05-17', 12 * 60)).toBeUndefined();
  });

  it('tells the door it is a closed day and when it opens next (Friday 11:00)', () => {
    const status = doorStatus(alta, instantOf('2029-05-17', '12:00', OSLO));
    expect(status).toMatchObject({
      day: '2029-05-17',
      phase: 'closed-day',
      closedReason: 'holiday',
      holiday: 'Grunnlovsdag',
      nextOpening: { date: '2029-05-18', open: '11:00' },
      programme: [],
    });
    expect(status.next).toBeUndefined();
    expect(status.hours).toBeUndefined();
  });
});

describe('the next opening', () => {
  it('from Friday 2024-05-17 skips the weekend and Whit Monday to Tuesday 2024-05-21', () => {
    expect(nextOpening(alta, '2024-05-17', 16 * 60)).toEqual({ date: '2024-05-21', open: '11:00' });
  });

  it('is later today when it is before opening time, and not when it is exactly opening time', () => {
    expect(nextOpening(alta, '2026-11-23', 9 * 60)).toEqual({ date: '2026-11-23', open: '11:00' });
    expect(nextOpening(alta, '2026-11-23', 11 * 60)).toEqual({ date: '2026-11-24', open: '11:00' });
  });

  it('is undefined when the place never opens within 400 days', () => {
    const allClosed = withChanges({
      observePublicHolidays: false,
      openingHours: [{ weekdays: [1], open: '10:00', close: '12:00' }],
      closedDates: Array.from({ length: 60 }, (_, i) => {
        const d = new Date(Date.UTC(2026, 0, 5 + 7 * i));
        return d.toISOString().slice(0, 10);
      }),
    });
    expect(nextOpening(allClosed, '2026-01-01', 0)).toBeUndefined();
  });
});

describe('what is next', () => {
  it('on a Monday at 12:50 is dinner at 13:15, in 25 minutes («Middag kl. 13.15 — om 25 min»)', () => {
    const next = nextUp(alta, '2026-11-23', 12 * 60 + 50);
    expect(next?.item.id).toBe('middag');
    expect(next?.item.title.nb).toBe('Middag');
    expect(next?.minutesUntil).toBe(25);
  });

  it('never names Ord for dagen as next: it has its own card', () => {
    expect(nextUp(alta, '2026-11-23', 12 * 60)).toMatchObject({ item: { id: 'middag' } });
  });

  it('counts an item starting this minute as next, and one that has started as past', () => {
    expect(nextUp(alta, '2026-11-23', 13 * 60 + 15)).toMatchObject({
      item: { id: 'middag' },
      minutesUntil: 0,
    });
    expect(nextUp(alta, '2026-11-23', 13 * 60 + 16)).toBeUndefined();
  });

  it('on Thursday afternoon is the hobby evening', () => {
    expect(nextUp(alta, '2026-11-26', 15 * 60)).toMatchObject({
      item: { id: 'hobbykveld' },
      minutesUntil: 180,
    });
  });
});

describe('closed and reopened dates', () => {
  it("closes a site's own closed date", () => {
    const config = withChanges({ closedDates: ['2026-12-24'] });
    expect(dayStatus(config, '2026-12-24')).toEqual({ open: false, reason: 'closed-date' });
  });

  it('is closed on a weekday without opening hours', () => {
    expect(dayStatus(alta, '2026-11-28')).toEqual({ open: false, reason: 'no-hours' });
  });

  it('opens a public holiday after all when it is an open date, with its weekday hours', () => {
    const config = withChanges({ openDates: ['2029-05-17'] });
    expect(dayStatus(config, '2029-05-17')).toEqual({
      open: true,
      hours: { open: '11:00', close: '21:00' },
    });
    expect(ids(programmeFor(config, '2029-05-17'))).toContain('bingo');
  });

  it('opens a weekend day after all with the first opening hours', () => {
    const config = withChanges({ openDates: ['2026-12-26'] });
    expect(dayStatus(config, '2026-12-26')).toEqual({
      open: true,
      hours: { open: '11:00', close: '15:00' },
    });
  });

  it('keeps a holiday open when the site does not observe public holidays', () => {
    const config = withChanges({ observePublicHolidays: false });
    expect(dayStatus(config, '2029-05-17').open).toBe(true);
  });
});

describe('one-off items and Ord for dagen', () => {
  it('adds a dated one-off item to that day only, in time order', () => {
    const config = withChanges({
      schedule: [
        ...alta.schedule,
        { id: 'quiz', kind: 'event', title: { nb: 'Quiz' }, time: '14:00', date: '2026-11-23' },
        {
          id: 'musikk',
          kind: 'event',
          title: { nb: 'Levende musikk' },
          time: '12:00',
          date: '2026-11-23',
        },
      ],
    });
    expect(ids(programmeFor(config, '2026-11-23'))).toEqual([
      'musikk',
      'ord-for-dagen',
      'middag',
      'quiz',
    ]);
    expect(ids(programmeFor(config, '2026-11-25'))).toEqual(['ord-for-dagen', 'middag']);
  });

  it('leaves out the Ord for dagen item when the site has turned it off', () => {
    const config = withChanges({ wordOfDay: { enabled: false, time: '13:00' } });
    expect(ids(programmeFor(config, '2026-11-23'))).toEqual(['middag']);
  });
});

describe('the door across a day', () => {
  it('is before opening in the morning, with today as the next opening', () => {
    const status = doorStatus(alta, instantOf('2026-11-23', '09:30', OSLO));
    expect(status).toMatchObject({
      day: '2026-11-23',
      phase: 'before-opening',
      hours: { open: '11:00', close: '15:00' },
      nextOpening: { date: '2026-11-23', open: '11:00' },
      next: { item: { id: 'middag' }, minutesUntil: 225 },
    });
  });

  it('is open at 12:50 with dinner next in 25 minutes and no next opening', () => {
    const status = doorStatus(alta, instantOf('2026-11-23', '12:50', OSLO));
    expect(status.phase).toBe('open');
    expect(status.next).toMatchObject({ item: { id: 'middag' }, minutesUntil: 25 });
    expect(status.nextOpening).toBeUndefined();
    expect(ids(status.programme)).toEqual(['ord-for-dagen', 'middag']);
  });

  it('is after closing from the closing minute, pointing to the next day', () => {
    const status = doorStatus(alta, instantOf('2026-11-23', '15:00', OSLO));
    expect(status).toMatchObject({
      phase: 'after-closing',
      nextOpening: { date: '2026-11-24', open: '11:00' },
    });
    expect(status.next).toBeUndefined();
  });

  it('keeps the small hours on the business day before the cut-off', () => {
    const status = doorStatus(alta, instantOf('2026-11-24', '01:30', OSLO));
    expect(status).toMatchObject({
      day: '2026-11-23',
      phase: 'after-closing',
      nextOpening: { date: '2026-11-24', open: '11:00' },
    });
  });

  it('stays open past midnight when closing time is after midnight', () => {
    const late = withChanges({
      openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '20:00', close: '02:00' }],
    });
    expect(doorStatus(late, instantOf('2026-11-24', '01:30', OSLO)).phase).toBe('open');
    expect(doorStatus(late, instantOf('2026-11-24', '02:00', OSLO)).phase).toBe('after-closing');
  });
});

describe('honest days', () => {
  const thursdayAt = (clock: string) => doorStatus(alta, instantOf('2026-11-26', clock, OSLO));

  it('hides items that are over: each ends when a later one starts, the last at closing', () => {
    expect(ids(thursdayAt('12:00').programme)).toEqual([
      'ord-for-dagen',
      'brodmat',
      'bingo',
      'hobbykveld',
    ]);
    // Ord for dagen (13:00) is over once the meal and bingo start at 13:15.
    expect(ids(thursdayAt('13:15').programme)).toEqual(['brodmat', 'bingo', 'hobbykveld']);
    expect(ids(thursdayAt('18:00').programme)).toEqual(['hobbykveld']);
    expect(ids(thursdayAt('20:59').programme)).toEqual(['hobbykveld']);
    expect(thursdayAt('21:00').programme).toEqual([]);
  });

  it('hides an item with an end time from that minute', () => {
    const config = withChanges({
      schedule: alta.schedule.map((item) =>
        item.id === 'bingo' ? { ...item, endTime: '14:00' } : item,
      ),
    });
    expect(ids(programmeLeft(config, '2026-11-26', 13 * 60 + 59))).toContain('bingo');
    expect(ids(programmeLeft(config, '2026-11-26', 14 * 60))).toEqual(['brodmat', 'hobbykveld']);
  });

  it('lists nothing of the finished day in its small hours', () => {
    expect(doorStatus(alta, instantOf('2026-11-27', '01:30', OSLO)).programme).toEqual([]);
  });

  it('on Christmas Day 2026 (a Friday) says closed today, opening Monday 28 December at 11:00', () => {
    const status = doorStatus(alta, instantOf('2026-12-25', '12:00', OSLO));
    expect(closedNotice(status)).toEqual({
      closed: 'today',
      holiday: '1. juledag',
      opens: { date: '2026-12-28', open: '11:00' },
    });
  });

  it('at 01:30 on a Saturday says closed now, opening Monday; the business day is still Friday', () => {
    const status = doorStatus(alta, instantOf('2026-12-05', '01:30', OSLO));
    expect(status).toMatchObject({ day: '2026-12-04', calendarDate: '2026-12-05' });
    expect(closedNotice(status)).toEqual({
      closed: 'now',
      opens: { date: '2026-12-07', open: '11:00' },
    });
  });

  it('turns to the calendar day at the 04:00 cut-off', () => {
    const status = doorStatus(alta, instantOf('2026-12-05', '04:00', OSLO));
    expect(status).toMatchObject({ day: '2026-12-05', calendarDate: '2026-12-05' });
  });

  it('says nothing of closing while open, and "opens today" before opening', () => {
    expect(closedNotice(thursdayAt('12:00'))).toBeUndefined();
    expect(closedNotice(thursdayAt('09:00'))).toEqual({
      closed: 'now',
      opens: { date: '2026-11-26', open: '11:00' },
    });
  });
});

describe('the door on DST days', () => {
  const everyDay = withChanges({
    openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '10:00', close: '16:00' }],
    observePublicHolidays: false,
  });

  it('on the 23-hour day (2026-03-29) is open at 10:00 local, i.e. 08:00 UTC', () => {
    expect(doorStatus(everyDay, Date.parse('2026-03-29T08:00:00Z'))).toMatchObject({
      day: '2026-03-29',
      phase: 'open',
    });
    expect(doorStatus(everyDay, Date.parse('2026-03-29T07:59:00Z')).phase).toBe('before-opening');
  });

  it('on the 25-hour day (2026-10-25) is open at 10:00 local, i.e. 09:00 UTC', () => {
    expect(doorStatus(everyDay, Date.parse('2026-10-25T09:00:00Z'))).toMatchObject({
      day: '2026-10-25',
      phase: 'open',
    });
    expect(doorStatus(everyDay, Date.parse('2026-10-25T08:59:00Z')).phase).toBe('before-opening');
  });

  it('during the repeated 02:xx hour still belongs to the previous business day', () => {
    expect(doorStatus(everyDay, Date.parse('2026-10-25T01:30:00Z')).day).toBe('2026-10-24');
  });
});

describe('counters on a day', () => {
  it('always includes visits and check-outs, and counters without weekdays every day', () => {
    const config = withChanges({
      counters: [
        ...alta.counters,
        { id: 'checkout', kind: 'checkout', name: { nb: 'Sjekk ut' }, weekdays: [1], byHour: true },
        { id: 'tur', kind: 'activity', name: { nb: 'Tur' }, byHour: false },
      ],
    });
    expect(ids(countersOn(config, '2026-11-23'))).toEqual([
      'visit',
      'middag',
      'samtale-enerom',
      'checkout',
      'tur',
    ]);
    expect(ids(countersOn(config, '2026-11-29'))).toEqual(['visit', 'checkout', 'tur']);
  });

  it('leaves out a counter that is off on every day, but never visits or check-outs', () => {
    const config = withChanges({
      counters: [
        { id: 'visit', kind: 'visit', name: { nb: 'Besøk' }, byHour: true, enabled: false },
        { id: 'checkout', kind: 'checkout', name: { nb: 'Ut' }, byHour: true, enabled: false },
        { id: 'tur', kind: 'activity', name: { nb: 'Tur' }, byHour: false, enabled: false },
        { id: 'quiz', kind: 'activity', name: { nb: 'Quiz' }, byHour: false, enabled: true },
      ],
    });
    expect(ids(countersOn(config, '2026-11-23'))).toEqual(['visit', 'checkout', 'quiz']);
    expect(ids(countersOn(config, '2026-11-29'))).toEqual(['visit', 'checkout', 'quiz']);
  });
});
