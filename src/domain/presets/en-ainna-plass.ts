/**
 * En ainna plass, Heimdal (seed 003): a meeting place for young people, open three evenings
 * a week, where the check-in asks what they will do: music studio, painting, Switch, table
 * tennis or just hanging out.
 */
import type { SiteConfig } from '../../shared/site-config';
import { norwegianDefaults } from './defaults';

const ACTIVITIES = [
  { id: 'musikkstudio', nb: 'Musikkstudio', en: 'Music studio' },
  { id: 'maling', nb: 'Male', en: 'Painting' },
  { id: 'switch', nb: 'Spille Switch', en: 'Play Switch' },
  { id: 'bordtennis', nb: 'Bordtennis', en: 'Table tennis' },
  { id: 'henge', nb: 'Bare henge', en: 'Just hang out' },
] as const;

/** The En ainna plass site profile. */
export const enAinnaPlass: SiteConfig = {
  ...norwegianDefaults(),
  preset: 'en-ainna-plass',
  site: 'en-ainna-plass',
  name: 'En ainna plass',
  // The seed says "åpent 3 kvelder i uka" without naming them; Tue–Thu evenings, for the lead
  // to adjust.
  openingHours: [{ weekdays: [2, 3, 4], open: '17:00', close: '21:00' }],
  observePublicHolidays: true,
  closedDates: [],
  openDates: [],
  // The activities are open all evening, not at set times: the question carries them.
  schedule: [],
  // A KBT youth project, not a church: no devotional.
  wordOfDay: { enabled: false, time: '18:00' },
  counters: [
    {
      id: 'visit',
      kind: 'visit',
      name: { nb: 'Besøk', en: 'Visits' },
      byHour: true,
      options: ACTIVITIES.map(({ id, nb, en }) => ({ id, name: { nb, en } })),
    },
    {
      // "Tilbudet skal være en møteplass som tilbyr ulike former for aktiviteter, samt tilbud
      // om individuelle støttesamtaler": stated as part of the offer, so on; tallied by staff.
      id: 'stottesamtale',
      kind: 'activity',
      name: { nb: 'Støttesamtale', en: 'Support conversation' },
      weekdays: [2, 3, 4],
      byHour: false,
    },
  ],
  questions: {
    ready: [],
    own: {
      id: 'aktivitet-i-dag',
      text: { nb: 'Hva vil du gjøre i dag?', en: 'What would you like to do today?' },
      options: ACTIVITIES.map(({ id, nb, en }) => ({ id, label: { nb, en } })),
    },
  },
};
