/**
 * Norwegian bokmål: the source of every text in Terskel. This file holds the door's texts,
 * which the first paint needs; today's card's are in nb-today.ts and load after the first paint,
 * staff mode's are in nb-staff.ts and load with staff mode.
 * Other catalogues translate these keys; a key missing there falls back to bokmål.
 */
import type { nbConfigReview } from './nb-config-review.ts';
import type { nbDashboard } from './nb-dashboard.ts';
import type { nbStaff } from './nb-staff.ts';
import type { nbToday } from './nb-today.ts';

export const nb = {
  'app.name': 'Terskel',
  'door.checkIn': 'Sjekk inn',
  'door.checkOut': 'Sjekk ut',
  'door.checkedOut': 'Ha det bra!',
  'door.welcome': 'Velkommen!',
  'door.thanks': 'Takk!',
  'door.oneMore': 'Én til',
  'door.oneMoreHint': 'Kom du sammen med noen? Trykk én gang for hver.',
  'door.skip': 'Hopp over',
  'door.saving': 'Et øyeblikk …',
  'door.wordOfDay': 'Ord for dagen',
  'door.wordAt': 'Ord for dagen kl. {time}',
  'door.today': 'I dag',
  'door.afterClosing': 'Dagen er avsluttet, men du er like velkommen.',
  'door.occupancy': '{n} av {capacity} er her nå',
  'door.full': 'Det er fullt akkurat nå. Snakk gjerne med en av oss.',
  'door.noStorage':
    'Telling er ikke mulig på denne enheten: nettleseren gir ikke lov til å lagre. Be en ansatt slå av privat modus eller bruke et annet nettbrett.',
  'door.language': 'Språk',
  'door.staff': 'Personale (hold inne i to sekunder)',
  'door.provision.paired': 'Nettbrettet er koblet til {site}.',
  'door.provision.linkEmpty': 'Lenken mangler innhold.',
  'door.provision.linkInvalid': 'Lenken er ikke gyldig.',
  'door.provision.linkUnreadable': 'Lenken kunne ikke leses.',
  'lang.nb': 'Norsk bokmål',
  'lang.nn': 'Norsk nynorsk',
  'lang.se': 'Davvisámegiella',
  'lang.en': 'English',
  'lang.uk': 'Українська',
  'lang.ar': 'العربية',
} as const;

/**
 * A message key: the door's first paint's (always loaded), today's card's (nb-today.ts, loaded
 * after the first paint), staff mode's (loaded with staff mode), the published configuration's
 * review (nb-config-review.ts, loaded with that view) and the coordinator's dashboard's
 * (nb-dashboard.ts, loaded by its own page only).
 */
export type MessageKey =
  | keyof typeof nb
  | keyof typeof nbToday
  | keyof typeof nbStaff
  | keyof typeof nbConfigReview
  | keyof typeof nbDashboard;
/** A catalogue: any subset of the bokmål keys. */
export type Catalogue = Partial<Record<MessageKey, string>>;
