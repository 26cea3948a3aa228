/**
 * Montenegro lavterskel, Hammerfest (seed 004): a day centre for up to 15 people with drug
 * and mental-health challenges. Check-in and check-out against capacity 15, a warm meal,
 * training and ear acupuncture, NAV twice a week and the police once; no devotional.
 */
import type { SiteConfig } from '../../shared/site-config';
import { norwegianDefaults } from './defaults';
import { POLICE_VISIT, VISITS } from './texts';

/** The Montenegro lavterskel site profile. */
export const montenegroHammerfest: SiteConfig = {
  ...norwegianDefaults(),
  preset: 'montenegro-hammerfest',
  site: 'montenegro-hammerfest',
  name: 'Montenegro lavterskel',
  // The seed gives no hours but staffs days and evenings all week, weekends included.
  openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '10:00', close: '16:00' }],
  // "De er en del av et fellesskap som … feirer helligdager": they celebrate holidays
  // together, so holidays are ordinary opening days; the lead adds closed dates as needed.
  observePublicHolidays: false,
  closedDates: [],
  openDates: [],
  // The seed names the weekly visits but not their days or times: placeholders to adjust.
  schedule: [
    {
      id: 'varm-mat',
      kind: 'meal',
      title: {
        nb: 'Varmt måltid',
        nn: 'Varmt måltid',
        se: 'Liegga borramuš',
        en: 'Warm meal',
        uk: 'Гаряча їжа',
        ar: 'وجبة ساخنة',
      },
      time: '13:00',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
    },
    {
      id: 'nav',
      kind: 'service',
      title: {
        nb: 'NAV er her',
        nn: 'NAV er her',
        se: 'NAV lea dáppe',
        en: 'NAV is here',
        uk: 'NAV тут',
        ar: 'NAV هنا',
      },
      time: '10:00',
      weekdays: [2, 4],
    },
    {
      id: 'politi',
      kind: 'service',
      title: POLICE_VISIT,
      time: '12:00',
      weekdays: [3],
    },
  ],
  wordOfDay: { enabled: false, time: '13:00' },
  counters: [
    { id: 'visit', kind: 'visit', name: VISITS, byHour: true },
    {
      id: 'checkout',
      kind: 'checkout',
      name: {
        nb: 'Sjekket ut',
        nn: 'Sjekka ut',
        se: 'Vuolgimat',
        en: 'Checked out',
        uk: 'Вийшли',
        ar: 'سجّلوا الخروج',
      },
      byHour: true,
    },
    {
      id: 'varm-mat',
      kind: 'meal',
      name: {
        nb: 'Varmt måltid',
        nn: 'Varmt måltid',
        se: 'Liegga borramuš',
        en: 'Warm meal',
        uk: 'Гаряча їжа',
        ar: 'وجبة ساخنة',
      },
      byHour: false,
    },
    // Every service is on, each stated as done: "Av innendørsaktiviteter er det fellestrening
    // og individuell trening. Senteret tilbyr øreakupunktur", "NAV skal ha møtedag to ganger i
    // uken på Lavterskelen" and "De har avtale med politiet om å besøke Lavterskelen en gang
    // per uke".
    {
      id: 'fellestrening',
      kind: 'activity',
      name: {
        nb: 'Fellestrening',
        nn: 'Felles trening',
        se: 'Oktasaš hárjehallan',
        en: 'Group training',
        uk: 'Групове тренування',
        ar: 'تمرين جماعي',
      },
      byHour: false,
    },
    {
      id: 'oreakupunktur',
      kind: 'activity',
      name: {
        nb: 'Øreakupunktur',
        nn: 'Øyreakupunktur',
        se: 'Bealljeakupunktuvra',
        en: 'Ear acupuncture',
        uk: 'Вушна акупунктура',
        ar: 'الوخز بالإبر في الأذن',
      },
      byHour: false,
    },
    // NAV's meeting days and the police's visit fall on the schedule's (placeholder) days.
    {
      id: 'nav-besok',
      kind: 'activity',
      name: {
        nb: 'NAV på besøk',
        nn: 'NAV på besøk',
        se: 'NAV lea guossis',
        en: 'NAV visit',
        uk: 'Візит NAV',
        ar: 'زيارة NAV',
      },
      weekdays: [2, 4],
      byHour: false,
    },
    {
      id: 'politi-besok',
      kind: 'activity',
      name: POLICE_VISIT,
      weekdays: [3],
      byHour: false,
    },
  ],
  capacity: 15,
};
