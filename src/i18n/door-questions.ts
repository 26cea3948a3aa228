/**
 * The door's ready-made questions and the user voice, in every door language: loaded with
 * the question UI after the first paint, so the first paint's catalogue stays small. Keyed
 * by the question's counter id, and by `counter.option` for its answers; bokmål is the
 * fallback of every language (ui/localized.ts).
 */
import type { LocalizedText } from '../shared/site-config.ts';

const NO_ANSWER: LocalizedText = {
  nb: 'Vil ikke svare',
  nn: 'Vil ikkje svare',
  se: 'In háliit vástidit',
  en: 'Prefer not to say',
  uk: 'Не хочу відповідати',
  ar: 'أفضّل عدم الإجابة',
};

export const DOOR_QUESTION_TEXTS: Record<string, LocalizedText> = {
  'forste-gang': {
    nb: 'Første gang her?',
    nn: 'Første gong her?',
    se: 'Vuosttaš geardde dás?',
    en: 'First time here?',
    uk: 'Ви тут уперше?',
    ar: 'هل هذه أول مرة لك هنا؟',
  },
  'forste-gang.noensinne': {
    nb: 'Ja, første gang noensinne',
    nn: 'Ja, første gong nokon gong',
    se: 'Juo, vuosttaš geardde goassege',
    en: 'Yes, my first time ever',
    uk: 'Так, уперше взагалі',
    ar: 'نعم، أول مرة على الإطلاق',
  },
  'forste-gang.forste-i-ar': {
    nb: 'Første gang i år',
    nn: 'Første gong i år',
    se: 'Vuosttaš geardde dán jagi',
    en: 'First time this year',
    uk: 'Уперше цього року',
    ar: 'أول مرة هذا العام',
  },
  'forste-gang.tidligere-i-ar': {
    nb: 'Nei, har vært her før i år',
    nn: 'Nei, har vore her før i år',
    se: 'Ii, lean leamaš dás ovdal dán jagi',
    en: 'No, I have been here before this year',
    uk: 'Ні, я вже був(-ла) тут цього року',
    ar: 'لا، جئت إلى هنا من قبل هذا العام',
  },
  aldersgruppe: {
    nb: 'Hvor gammel er du?',
    nn: 'Kor gammal er du?',
    se: 'Man boaris don leat?',
    en: 'How old are you?',
    uk: 'Скільки вам років?',
    ar: 'كم عمرك؟',
  },
  'aldersgruppe.under-18': {
    nb: 'Under 18',
    nn: 'Under 18',
    se: 'Vuollel 18',
    en: 'Under 18',
    uk: 'До 18',
    ar: 'أقل من 18',
  },
  'aldersgruppe.18-25': { nb: '18–25' },
  'aldersgruppe.26-66': { nb: '26–66' },
  'aldersgruppe.67-pluss': {
    nb: '67 eller eldre',
    nn: '67 eller eldre',
    se: '67 dahje boarrásut',
    en: '67 or older',
    uk: '67 і старше',
    ar: '67 أو أكثر',
  },
  'aldersgruppe.no-answer': NO_ANSWER,
  kjonn: {
    nb: 'Kjønn',
    nn: 'Kjønn',
    se: 'Sohkabealli',
    en: 'Gender',
    uk: 'Стать',
    ar: 'الجنس',
  },
  'kjonn.kvinne': { nb: 'Kvinne', nn: 'Kvinne', se: 'Nisu', en: 'Woman', uk: 'Жінка', ar: 'امرأة' },
  'kjonn.mann': { nb: 'Mann', nn: 'Mann', se: 'Dievdu', en: 'Man', uk: 'Чоловік', ar: 'رجل' },
  'kjonn.annet': { nb: 'Annet', nn: 'Anna', se: 'Eará', en: 'Other', uk: 'Інше', ar: 'غير ذلك' },
  'kjonn.no-answer': NO_ANSWER,
  brukerstemme: {
    nb: 'Hvordan var det i dag?',
    nn: 'Korleis var det i dag?',
    se: 'Mo lei odne?',
    en: 'How was it today?',
    uk: 'Як вам сьогодні?',
    ar: 'كيف كان اليوم؟',
  },
  'brukerstemme.fornoyd': {
    nb: 'Bra',
    nn: 'Bra',
    se: 'Buorre',
    en: 'Good',
    uk: 'Добре',
    ar: 'جيد',
  },
  'brukerstemme.noytral': {
    nb: 'Helt greit',
    nn: 'Heilt greitt',
    se: 'Dohkká',
    en: 'Okay',
    uk: 'Нормально',
    ar: 'مقبول',
  },
  'brukerstemme.misfornoyd': {
    nb: 'Ikke bra',
    nn: 'Ikkje bra',
    se: 'Ii buorre',
    en: 'Not good',
    uk: 'Погано',
    ar: 'ليس جيدًا',
  },
};
