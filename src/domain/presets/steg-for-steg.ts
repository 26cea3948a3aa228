/**
 * Blå Kors steg for steg (seed 002): individual support with volunteer *tidgivere*. A tidgiver
 * checking in counts as present, not as a visitor; staff tally conversations and activities.
 */
import type { SiteConfig } from '../../shared/site-config';
import { norwegianDefaults } from './defaults';
import { PARTICIPANT, VISITS } from './texts';

/** The Blå Kors steg for steg site profile. */
export const stegForSteg: SiteConfig = {
  ...norwegianDefaults(),
  preset: 'steg-for-steg',
  site: 'steg-for-steg',
  name: 'Blå Kors steg for steg',
  // The seed gives no hours; office hours on weekdays, for the lead to adjust.
  openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '10:00', close: '15:00' }],
  observePublicHolidays: true,
  closedDates: [],
  openDates: [],
  // Support is individual and agreed one to one: no common programme to show at the door.
  schedule: [],
  wordOfDay: { enabled: false, time: '13:00' },
  counters: [
    {
      id: 'visit',
      kind: 'visit',
      name: VISITS,
      byHour: true,
      options: [{ id: 'deltaker', name: PARTICIPANT }],
    },
    {
      id: 'tidgiver',
      kind: 'activity',
      name: {
        nb: 'Tidgiver til stede',
        nn: 'Tidgjevar til stades',
        se: 'Eaktodáhtolaš lea dáppe',
        en: 'Volunteer present',
        uk: 'Волонтер на місці',
        ar: 'متطوع حاضر',
      },
      byHour: true,
    },
    // Both services are on: "En kartleggingssamtale mellom deltakeren og Blå Kors steg for
    // steg er utgangspunkt for tilbudets individuelle skreddersøm" (every participant has one),
    // and the tidgivere's "rolle er å støtte deltakeren i avtalte oppgaver og aktiviteter".
    {
      id: 'kartleggingssamtale',
      kind: 'activity',
      name: {
        nb: 'Kartleggingssamtale',
        nn: 'Kartleggingssamtale',
        se: 'Vuosttaš ságastallan',
        en: 'First conversation',
        uk: 'Перша розмова',
        ar: 'المحادثة الأولى',
      },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
    },
    {
      id: 'aktivitet-tidgiver',
      kind: 'activity',
      name: {
        nb: 'Aktivitet med tidgiver',
        nn: 'Aktivitet med tidgjevar',
        se: 'Doaibma eaktodáhtolaččain',
        en: 'Activity with a volunteer',
        uk: 'Заняття з волонтером',
        ar: 'نشاط مع متطوع',
      },
      weekdays: [1, 2, 3, 4, 5],
      byHour: false,
    },
  ],
  questions: {
    ready: [],
    own: {
      id: 'jeg-er',
      text: {
        nb: 'Jeg er …',
        nn: 'Eg er …',
        se: 'Mun lean …',
        en: 'I am …',
        uk: 'Я …',
        ar: 'أنا …',
      },
      options: [
        { id: 'deltaker', label: PARTICIPANT },
        {
          id: 'tidgiver',
          label: {
            nb: 'Tidgiver',
            nn: 'Tidgjevar',
            se: 'Eaktodáhtolaš',
            en: 'Volunteer (tidgiver)',
            uk: 'Волонтер',
            ar: 'متطوع',
          },
          countsAs: 'tidgiver',
        },
      ],
    },
  },
};
