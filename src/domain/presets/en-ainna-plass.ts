/**
 * En ainna plass, Heimdal (seed 003): a meeting place for young people, open three evenings
 * a week, where the check-in asks what they will do: music studio, painting, Switch, table
 * tennis or just hanging out.
 */
import type { SiteConfig } from '../../shared/site-config';
import { norwegianDefaults } from './defaults';
import { VISITS } from './texts';

const ACTIVITIES = [
  {
    id: 'musikkstudio',
    text: {
      nb: 'Musikkstudio',
      nn: 'Musikkstudio',
      se: 'Musihkkastudio',
      en: 'Music studio',
      uk: 'Музична студія',
      ar: 'استوديو الموسيقى',
    },
  },
  {
    id: 'maling',
    text: { nb: 'Male', nn: 'Måle', se: 'Málet', en: 'Painting', uk: 'Малювати', ar: 'الرسم' },
  },
  {
    id: 'switch',
    text: {
      nb: 'Spille Switch',
      nn: 'Spele Switch',
      se: 'Speallat Switch',
      en: 'Play Switch',
      uk: 'Грати у Switch',
      ar: 'اللعب على Switch',
    },
  },
  {
    id: 'bordtennis',
    text: {
      nb: 'Bordtennis',
      nn: 'Bordtennis',
      se: 'Beavdetennis',
      en: 'Table tennis',
      uk: 'Настільний теніс',
      ar: 'تنس الطاولة',
    },
  },
  {
    id: 'henge',
    text: {
      nb: 'Bare henge',
      nn: 'Berre henge',
      se: 'Dušše leat dáppe',
      en: 'Just hang out',
      uk: 'Просто побути тут',
      ar: 'فقط أقضي الوقت',
    },
  },
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
      name: VISITS,
      byHour: true,
      options: ACTIVITIES.map(({ id, text }) => ({ id, name: text })),
    },
    {
      // "Tilbudet skal være en møteplass som tilbyr ulike former for aktiviteter, samt tilbud
      // om individuelle støttesamtaler": stated as part of the offer, so on; tallied by staff.
      id: 'stottesamtale',
      kind: 'activity',
      name: {
        nb: 'Støttesamtale',
        nn: 'Støttesamtale',
        se: 'Doarjjaságastallan',
        en: 'Support conversation',
        uk: 'Розмова підтримки',
        ar: 'محادثة دعم',
      },
      weekdays: [2, 3, 4],
      byHour: false,
    },
  ],
  questions: {
    ready: [],
    own: {
      id: 'aktivitet-i-dag',
      text: {
        nb: 'Hva vil du gjøre i dag?',
        nn: 'Kva vil du gjere i dag?',
        se: 'Maid don háliidat dahkat odne?',
        en: 'What would you like to do today?',
        uk: 'Що ти хочеш робити сьогодні?',
        ar: 'ماذا تريد أن تفعل اليوم؟',
      },
      options: ACTIVITIES.map(({ id, text }) => ({ id, label: text })),
    },
  },
};
