/** Door catalogue: nynorsk (translated from bokmål; missing keys fall back to it). */
import type { Catalogue } from './nb.ts';

/** Our own names of days and months, for a runtime whose Intl lacks nn. */
export { nnCalendar as calendar } from './calendar-names.ts';

export const nn: Catalogue = {
  'app.name': 'Terskel',
  'door.checkIn': 'Sjekk inn',
  'door.checkOut': 'Sjekk ut',
  'door.checkedOut': 'Ha det bra!',
  'door.welcome': 'Velkomen!',
  'door.thanks': 'Takk!',
  'door.oneMore': 'Éin til',
  'door.oneMoreHint': 'Kom du saman med nokon? Trykk éin gong for kvar.',
  'door.skip': 'Hopp over',
  'door.saving': 'Eit augneblink …',
  'door.wordOfDay': 'Ord for dagen',
  'door.wordAt': 'Ord for dagen kl. {time}',
  'door.today': 'I dag',
  'door.programme': 'Program i dag',
  'door.noProgramme': 'Ingen faste aktivitetar i dag.',
  'door.next': '{title} kl. {time} — {when}',
  'door.inMinutes': 'om {n} min',
  'door.inHours': 'om {h} t {n} min',
  'door.now': 'no',
  'door.closedToday': 'Stengt i dag',
  'door.closedHoliday': 'Stengt i dag – {holiday}',
  'door.closedNow': 'Stengt no',
  'door.openUntil': 'Ope til kl. {time}',
  'door.closedUntil': '{closed} — opnar {day} kl. {time}',
  'door.closedUntilToday': '{closed} — opnar i dag kl. {time}',
  'door.calendarDate': 'natt til {date}',
  'door.afterClosing': 'Dagen er avslutta, men du er like velkomen.',
  'door.occupancy': '{n} av {capacity} er her no',
  'door.full': 'Det er fullt akkurat no. Snakk gjerne med ein av oss.',
  'door.noStorage':
    'Teljing er ikkje mogleg på denne eininga: nettlesaren gjev ikkje lov til å lagre. Be ein tilsett slå av privat modus eller bruke eit anna nettbrett.',
  'door.language': 'Språk',
  'door.staff': 'Personale (hald inne i to sekund)',
  'door.provision.paired': 'Nettbrettet er kopla til {site}.',
  'door.provision.linkEmpty': 'Lenkja manglar innhald.',
  'door.provision.linkInvalid': 'Lenkja er ikkje gyldig.',
  'door.provision.linkUnreadable': 'Lenkja kunne ikkje lesast.',
};
