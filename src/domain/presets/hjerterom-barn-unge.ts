/**
 * Hjerterom for children and youth up to 18 and their guardians (seed 001): check-in by
 * group, activities and trips as events; free for children, guardians pay a share on trips.
 */
import type { SiteConfig } from '../../shared/site-config';
import { norwegianDefaults } from './defaults';
import { CASH, CHILD, GUARDIAN, VIPPS, VISITS, YOUTH } from './texts';

/** The Hjerterom barn og unge site profile. */
export const hjerteromBarnUnge: SiteConfig = {
  ...norwegianDefaults(),
  preset: 'hjerterom-barn-unge',
  site: 'hjerterom-barn-unge',
  name: 'Hjerterom barn og unge',
  // The seed gives no opening hours: two after-school evenings, for the lead to adjust.
  openingHours: [{ weekdays: [2, 4], open: '17:00', close: '20:00' }],
  observePublicHolidays: true,
  closedDates: [],
  openDates: [],
  // Weekly evenings from the seed's examples; trips, bowling, cinema and camps are added as
  // one-off events when they are planned.
  schedule: [
    {
      id: 'aktivitetskveld',
      kind: 'activity',
      title: {
        nb: 'Aktivitetskveld',
        nn: 'Aktivitetskveld',
        se: 'Doaibmaeahket',
        en: 'Activity evening',
        uk: 'Вечір активностей',
        ar: 'أمسية الأنشطة',
      },
      time: '17:30',
      weekdays: [2],
    },
    {
      id: 'pizzakveld',
      kind: 'meal',
      title: {
        nb: 'Pizzakveld',
        nn: 'Pizzakveld',
        se: 'Pizzaeahket',
        en: 'Pizza evening',
        uk: 'Вечір піци',
        ar: 'أمسية البيتزا',
      },
      time: '18:00',
      weekdays: [4],
    },
    {
      id: 'ungdomskveld',
      kind: 'event',
      title: {
        nb: 'Ungdomskveld (13–18)',
        nn: 'Ungdomskveld (13–18)',
        se: 'Nuoraideahket (13–18)',
        en: 'Youth evening (13–18)',
        uk: 'Молодіжний вечір (13–18)',
        ar: 'أمسية الشباب (13–18)',
      },
      time: '18:30',
      weekdays: [4],
    },
  ],
  // Not a devotional place.
  wordOfDay: { enabled: false, time: '13:00' },
  counters: [
    {
      id: 'visit',
      kind: 'visit',
      name: VISITS,
      byHour: true,
      options: [
        { id: 'barn', name: CHILD },
        { id: 'ungdom', name: YOUTH },
        { id: 'foresatt', name: GUARDIAN },
      ],
    },
    {
      id: 'tur',
      kind: 'activity',
      name: {
        nb: 'Deltakere på tur',
        nn: 'Deltakarar på tur',
        se: 'Mátkeoassálastit',
        en: 'Trip participants',
        uk: 'Учасники поїздки',
        ar: 'المشاركون في الرحلة',
      },
      byHour: false,
      options: [
        { id: 'barn', name: CHILD },
        { id: 'ungdom', name: YOUTH },
        { id: 'foresatt', name: GUARDIAN },
      ],
    },
    {
      // "Foresatte må påregne en liten egenandel på turer": the amount is the seed's silence;
      // 50 kr is a placeholder for the lead to set per trip.
      id: 'egenandel',
      kind: 'sale',
      name: {
        nb: 'Egenandel tur (foresatt)',
        nn: 'Eigendel tur (føresett)',
        se: 'Mátkemáksu (fuolaheaddji)',
        en: 'Trip fee (guardian)',
        uk: 'Внесок за поїздку (батьки)',
        ar: 'رسوم الرحلة (وليّ الأمر)',
      },
      priceNok: 50,
      byHour: false,
      options: [
        { id: 'cash', name: CASH },
        { id: 'vipps', name: VIPPS },
      ],
    },
  ],
  questions: {
    ready: [],
    own: {
      id: 'hvem-er-du',
      text: {
        nb: 'Hvem er du?',
        nn: 'Kven er du?',
        se: 'Gii don leat?',
        en: 'Who are you?',
        uk: 'Хто ти?',
        ar: 'من أنت؟',
      },
      options: [
        { id: 'barn', label: CHILD },
        { id: 'ungdom', label: YOUTH },
        { id: 'foresatt', label: GUARDIAN },
      ],
    },
  },
};
