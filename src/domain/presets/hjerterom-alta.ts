/**
 * Blå Kors Hjerterom Alta (seed 000): an adult drop-in with free food, *Ord for dagen* at
 * 13:00, dinner Mon/Wed/Fri, bingo and hobby evening on Thursdays.
 */
import type { SiteConfig } from '../../shared/site-config';
import { norwegianDefaults } from './defaults';
import { CASH, DINNER, VIPPS, VISITS } from './texts';

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
      title: {
        nb: 'Ord for dagen',
        nn: 'Ord for dagen',
        se: 'Beaivve sátni',
        en: 'Word for the day',
        uk: 'Слово на день',
        ar: 'كلمة اليوم',
      },
      time: '13:00',
      weekdays: [1, 2, 3, 4, 5],
    },
    {
      id: 'middag',
      kind: 'meal',
      title: DINNER,
      time: '13:15',
      weekdays: [1, 3, 5],
    },
    {
      id: 'brodmat',
      kind: 'meal',
      title: {
        nb: 'Brødskiver, frukt og kaffe',
        nn: 'Brødskiver, frukt og kaffi',
        se: 'Láibeviilut, šattut ja káffe',
        en: 'Open sandwiches, fruit and coffee',
        uk: 'Бутерброди, фрукти й кава',
        ar: 'شطائر وفاكهة وقهوة',
      },
      time: '13:15',
      weekdays: [2, 4],
    },
    {
      id: 'bingo',
      kind: 'event',
      title: { nb: 'Bingo', nn: 'Bingo', se: 'Bingo', en: 'Bingo', uk: 'Бінго', ar: 'بينغو' },
      time: '13:15',
      weekdays: [4],
    },
    {
      id: 'hobbykveld',
      kind: 'activity',
      title: {
        nb: 'Hobbykveld',
        nn: 'Hobbykveld',
        se: 'Hobbyeahket',
        en: 'Hobby evening',
        uk: 'Вечір хобі',
        ar: 'أمسية الهوايات',
      },
      time: '18:00',
      weekdays: [4],
    },
  ],
  wordOfDay: { enabled: true, time: '13:00' },
  counters: [
    {
      id: 'visit',
      kind: 'visit',
      name: VISITS,
      byHour: true,
      options: [
        {
          id: 'first-time',
          name: {
            nb: 'Første gang',
            nn: 'Første gong',
            se: 'Vuosttaš geardde',
            en: 'First time',
            uk: 'Уперше',
            ar: 'أول مرة',
          },
        },
        {
          id: 'returning',
          name: {
            nb: 'Har vært her før',
            nn: 'Har vore her før',
            se: 'Lean leamaš dás ovdal',
            en: 'Been here before',
            uk: 'Уже був(-ла) тут',
            ar: 'سبق أن جئت إلى هنا',
          },
        },
      ],
    },
    {
      id: 'middag',
      kind: 'meal',
      name: DINNER,
      weekdays: [1, 3, 5],
      byHour: false,
    },
    {
      id: 'brodmat',
      kind: 'meal',
      name: {
        nb: 'Brødskiver og frukt',
        nn: 'Brødskiver og frukt',
        se: 'Láibeviilut ja šattut',
        en: 'Open sandwiches and fruit',
        uk: 'Бутерброди й фрукти',
        ar: 'شطائر وفاكهة',
      },
      weekdays: [2, 4],
      byHour: false,
    },
    {
      id: 'bingo',
      kind: 'sale',
      name: {
        nb: 'Bingobrett',
        nn: 'Bingobrett',
        se: 'Bingoárkkat',
        en: 'Bingo boards',
        uk: 'Картки бінго',
        ar: 'بطاقات البينغو',
      },
      weekdays: [4],
      priceNok: 10,
      byHour: false,
      options: [
        { id: 'cash', name: CASH },
        { id: 'vipps', name: VIPPS },
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
      name: {
        nb: 'Samtale i enerom',
        nn: 'Samtale på einerom',
        se: 'Ovttaskas ságastallan',
        en: 'Private conversation',
        uk: 'Приватна розмова',
        ar: 'محادثة على انفراد',
      },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
    },
    {
      id: 'telefonsamtale',
      kind: 'activity',
      name: {
        nb: 'Telefonsamtale',
        nn: 'Telefonsamtale',
        se: 'Telefonságastallan',
        en: 'Phone call',
        uk: 'Телефонна розмова',
        ar: 'مكالمة هاتفية',
      },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
      enabled: false,
    },
    {
      id: 'hjemmebesok',
      kind: 'activity',
      name: {
        nb: 'Hjemmebesøk',
        nn: 'Heimebesøk',
        se: 'Ruovttugalledeapmi',
        en: 'Home visit',
        uk: 'Візит додому',
        ar: 'زيارة منزلية',
      },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
      enabled: false,
    },
    {
      id: 'folgetjeneste',
      kind: 'activity',
      name: {
        nb: 'Følgetjeneste',
        nn: 'Følgjeteneste',
        se: 'Čuovvunbálvalus',
        en: 'Accompaniment',
        uk: 'Супровід',
        ar: 'خدمة المرافقة',
      },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
      enabled: false,
    },
  ],
  // The first-time question that also says "first time this year": the funder report's anslag.
  questions: { ready: ['forste-gang'] },
};
