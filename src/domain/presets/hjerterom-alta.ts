/**
 * Blå Kors Hjerterom Alta (seed 000): an adult drop-in with free food, *Ord for dagen* at
 * 13:00, dinner Mon/Wed/Fri, bingo and hobby evening on Thursdays.
 */
import type { SiteConfig } from '../../shared/site-config';
import { norwegianDefaults } from './defaults';

/** The Hjerterom Alta site profile. */
export const hjerteromAlta: SiteConfig = {
  ...norwegianDefaults(),
  preset: 'hjerterom-alta',
  site: 'hjerterom-alta',
  name: 'Blå Kors Hjerterom Alta',
  // The seed gives no opening hours. Daytime covers Ord for dagen and the meal at 13–13:15;
  // Thursday runs on to the hobby evening (the schema has one open/close per entry).
  openingHours: [
    { weekdays: [1, 2, 3, 5], open: '11:00', close: '15:00' },
    { weekdays: [4], open: '11:00', close: '21:00' },
  ],
  observePublicHolidays: true,
  closedDates: [],
  openDates: [],
  schedule: [
    {
      id: 'ord-for-dagen',
      kind: 'word',
      title: { nb: 'Ord for dagen', en: 'Word for the day' },
      time: '13:00',
      weekdays: [1, 2, 3, 4, 5],
    },
    {
      id: 'middag',
      kind: 'meal',
      title: { nb: 'Middag', en: 'Dinner' },
      time: '13:15',
      weekdays: [1, 3, 5],
    },
    {
      id: 'brodmat',
      kind: 'meal',
      title: { nb: 'Brødskiver, frukt og kaffe', en: 'Open sandwiches, fruit and coffee' },
      time: '13:15',
      weekdays: [2, 4],
    },
    {
      id: 'bingo',
      kind: 'event',
      title: { nb: 'Bingo', en: 'Bingo' },
      time: '13:15',
      weekdays: [4],
    },
    {
      id: 'hobbykveld',
      kind: 'activity',
      title: { nb: 'Hobbykveld', en: 'Hobby evening' },
      time: '18:00',
      weekdays: [4],
    },
  ],
  wordOfDay: { enabled: true, time: '13:00' },
  counters: [
    {
      id: 'visit',
      kind: 'visit',
      name: { nb: 'Besøk', en: 'Visits' },
      byHour: true,
      options: [
        { id: 'first-time', name: { nb: 'Første gang', en: 'First time' } },
        { id: 'returning', name: { nb: 'Har vært her før', en: 'Been here before' } },
      ],
    },
    {
      id: 'middag',
      kind: 'meal',
      name: { nb: 'Middag', en: 'Dinner' },
      weekdays: [1, 3, 5],
      byHour: false,
    },
    {
      id: 'brodmat',
      kind: 'meal',
      name: { nb: 'Brødskiver og frukt', en: 'Open sandwiches and fruit' },
      weekdays: [2, 4],
      byHour: false,
    },
    {
      id: 'bingo',
      kind: 'sale',
      name: { nb: 'Bingobrett', en: 'Bingo boards' },
      weekdays: [4],
      priceNok: 10,
      byHour: false,
      options: [
        { id: 'cash', name: { nb: 'Kontant', en: 'Cash' } },
        { id: 'vipps', name: { nb: 'Vipps', en: 'Vipps' } },
      ],
    },
    // "Vi har en sosionom- og diakontjeneste som gir mulighet for samtaler i enerom,
    // telefonsamtaler, hjemmebesøk og følgetjeneste": staff tally each on the opening days (the
    // seed gives no days of its own). Only conversations in private are said to happen as a
    // matter of course ("mulighet for daglig mattilbud, aktiviteter og individuelle samtaler");
    // calls, home visits and accompaniment are a "mulighet", so they start off for the lead to
    // switch on.
    {
      id: 'samtale-enerom',
      kind: 'activity',
      name: { nb: 'Samtale i enerom', en: 'Private conversation' },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
    },
    {
      id: 'telefonsamtale',
      kind: 'activity',
      name: { nb: 'Telefonsamtale', en: 'Phone call' },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
      enabled: false,
    },
    {
      id: 'hjemmebesok',
      kind: 'activity',
      name: { nb: 'Hjemmebesøk', en: 'Home visit' },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
      enabled: false,
    },
    {
      id: 'folgetjeneste',
      kind: 'activity',
      name: { nb: 'Følgetjeneste', en: 'Accompaniment' },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
      enabled: false,
    },
  ],
  // The first-time question that also says "first time this year": the funder report's anslag.
  questions: { ready: ['forste-gang'] },
};
