/**
 * Norwegian bokmål texts of today's card and the closed notice: the source, like nb.ts, but
 * loaded with the door's after-paint chunk (the first paint has a budget), which registers them.
 */
export const nbToday = {
  'door.programme': 'Program i dag',
  'door.noProgramme': 'Ingen faste aktiviteter i dag.',
  'door.next': '{title} kl. {time} — {when}',
  'door.inMinutes': 'om {n} min',
  'door.inHours': 'om {h} t {n} min',
  'door.now': 'nå',
  'door.closedToday': 'Stengt i dag',
  'door.closedHoliday': 'Stengt i dag – {holiday}',
  'door.closedNow': 'Stengt nå',
  'door.openUntil': 'Åpent til kl. {time}',
  'door.closedUntil': '{closed} — åpner {day} kl. {time}',
  'door.closedUntilToday': '{closed} — åpner i dag kl. {time}',
  'door.calendarDate': 'natt til {date}',
} as const;
