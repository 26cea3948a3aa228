/**
 * Texts several presets share, in all six door languages. The North Sámi ones, like every
 * preset's, want a native speaker's check (README.md, "Languages").
 */
import type { LocalizedText } from '../../shared/site-config';

/** The door counter. */
export const VISITS: LocalizedText = {
  nb: 'Besøk',
  nn: 'Besøk',
  se: 'Galledeamit',
  en: 'Visits',
  uk: 'Відвідування',
  ar: 'الزيارات',
};

/** Paid in cash. */
export const CASH: LocalizedText = {
  nb: 'Kontant',
  nn: 'Kontant',
  se: 'Ruđat',
  en: 'Cash',
  uk: 'Готівка',
  ar: 'نقدًا',
};

/** Paid by Vipps (a brand name in every language). */
export const VIPPS: LocalizedText = {
  nb: 'Vipps',
  nn: 'Vipps',
  se: 'Vipps',
  en: 'Vipps',
  uk: 'Vipps',
  ar: 'Vipps',
};

/** A child (up to 12). */
export const CHILD: LocalizedText = {
  nb: 'Barn',
  nn: 'Barn',
  se: 'Mánná',
  en: 'Child',
  uk: 'Дитина',
  ar: 'طفل',
};

/** A young person, 13 to 18. */
export const YOUTH: LocalizedText = {
  nb: 'Ungdom (13–18)',
  nn: 'Ungdom (13–18)',
  se: 'Nuorra (13–18)',
  en: 'Youth (13–18)',
  uk: 'Підліток (13–18)',
  ar: 'شاب (13–18)',
};

/** A parent or guardian. */
export const GUARDIAN: LocalizedText = {
  nb: 'Foresatt',
  nn: 'Føresett',
  se: 'Fuolaheaddji',
  en: 'Guardian',
  uk: 'Батьки чи опікун',
  ar: 'وليّ أمر',
};

/** A participant (not a volunteer). */
export const PARTICIPANT: LocalizedText = {
  nb: 'Deltaker',
  nn: 'Deltakar',
  se: 'Oassálasti',
  en: 'Participant',
  uk: 'Учасник',
  ar: 'مشارك',
};

/** The hot meal of the day (a programme item and its counter). */
export const DINNER: LocalizedText = {
  nb: 'Middag',
  nn: 'Middag',
  se: 'Middát',
  en: 'Dinner',
  uk: 'Обід',
  ar: 'وجبة الغداء',
};

/** The police visiting (a programme item and its counter). */
export const POLICE_VISIT: LocalizedText = {
  nb: 'Politiet på besøk',
  nn: 'Politiet på besøk',
  se: 'Politiija lea guossis',
  en: 'Police visit',
  uk: 'Візит поліції',
  ar: 'زيارة الشرطة',
};
