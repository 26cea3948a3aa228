/**
 * Montenegro lavterskel, Hammerfest (seed 004): a day centre for up to 15 people with drug
 * and mental-health challenges. Check-in and check-out against capacity 15, a warm meal,
 * training and ear acupuncture, NAV twice a week and the police once; no devotional.
 */
import type { SiteConfig } from '../../shared/site-config';
import { norwegianDefaults } from './defaults';

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
      title: { nb: 'Varmt måltid', en: 'Warm meal' },
      time: '13:00',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
    },
    {
      id: 'nav',
      kind: 'service',
      title: { nb: 'NAV er her', en: 'NAV is here' },
      time: '10:00',
      weekdays: [2, 4],
    },
    {
      id: 'politi',
      kind: 'service',
      title: { nb: 'Politiet på besøk', en: 'Police visit' },
      time: '12:00',
      weekdays: [3],
    },
  ],
  wordOfDay: { enabled: false, time: '13:00' },
  counters: [
    { id: 'visit', kind: 'visit', name: { nb: 'Besøk', en: 'Visits' }, byHour: true },
    {
      id: 'checkout',
      kind: 'checkout',
      name: { nb: 'Sjekket ut', en: 'Checked out' },
      byHour: true,
    },
    { id: 'varm-mat', kind: 'meal', name: { nb: 'Varmt måltid', en: 'Warm meal' }, byHour: false },
    // Every service is on, each stated as done: "Av innendørsaktiviteter er det fellestrening
    // og individuell trening. Senteret tilbyr øreakupunktur", "NAV skal ha møtedag to ganger i
    // uken på Lavterskelen" and "De har avtale med politiet om å besøke Lavterskelen en gang
    // per uke".
    {
      id: 'fellestrening',
      kind: 'activity',
      name: { nb: 'Fellestrening', en: 'Group training' },
      byHour: false,
    },
    {
      id: 'oreakupunktur',
      kind: 'activity',
      name: { nb: 'Øreakupunktur', en: 'Ear acupuncture' },
      byHour: false,
    },
    // NAV's meeting days and the police's visit fall on the schedule's (placeholder) days.
    {
      id: 'nav-besok',
      kind: 'activity',
      name: { nb: 'NAV på besøk', en: 'NAV visit' },
      weekdays: [2, 4],
      byHour: false,
    },
    {
      id: 'politi-besok',
      kind: 'activity',
      name: { nb: 'Politiet på besøk', en: 'Police visit' },
      weekdays: [3],
      byHour: false,
    },
  ],
  capacity: 15,
};
