/** The door's translations, loaded only when a visitor picks another language. */
import type { Language } from '../shared/site-config.ts';
import type { Catalogue } from './nb.ts';
import { addCalendarNames, type CalendarNames } from './translate.ts';

/** A catalogue of a language Intl may lack, with our own names of days and months registered. */
function withCalendar(
  language: Language,
  module: { calendar: CalendarNames },
  catalogue: Catalogue,
) {
  addCalendarNames(language, module.calendar);
  return catalogue;
}

/** Loads the catalogue of a language (bokmål is built in and never loaded). */
export function loadCatalogue(language: Language): Promise<Catalogue> {
  switch (language) {
    case 'nn':
      return import('./nn.ts').then((m) => withCalendar('nn', m, m.nn));
    case 'se':
      return import('./se.ts').then((m) => withCalendar('se', m, m.se));
    case 'en':
      return import('./en.ts').then((m) => m.en);
    case 'uk':
      return import('./uk.ts').then((m) => m.uk);
    case 'ar':
      return import('./ar.ts').then((m) => m.ar);
    case 'nb':
      return Promise.resolve({});
  }
}
