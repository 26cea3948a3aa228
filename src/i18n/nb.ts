/**
 * Norwegian bokmål: the source of every text in Terskel. Other catalogues translate
 * these keys; a key missing there falls back to this one.
 */
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
  'door.programme': 'Program i dag',
  'door.noProgramme': 'Ingen faste aktiviteter i dag.',
  'door.next': '{title} kl. {time} — {when}',
  'door.inMinutes': 'om {n} min',
  'door.inHours': 'om {h} t {n} min',
  'door.now': 'nå',
  'door.closedToday': 'Stengt i dag',
  'door.closedHoliday': 'Stengt i dag – {holiday}',
  'door.closedNow': 'Stengt nå',
  'door.opensNext': 'Vi åpner igjen {day} kl. {time}.',
  'door.opensToday': 'Vi åpner i dag kl. {time}.',
  'door.openUntil': 'Åpent til kl. {time}',
  'door.afterClosing': 'Dagen er avsluttet, men du er like velkommen.',
  'door.occupancy': '{n} av {capacity} er her nå',
  'door.full': 'Det er fullt akkurat nå. Snakk gjerne med en av oss.',
  'door.noStorage':
    'Telling er ikke mulig på denne enheten: nettleseren gir ikke lov til å lagre. Be en ansatt slå av privat modus eller bruke et annet nettbrett.',
  'door.language': 'Språk',
  'door.staff': 'Personale (hold inne i to sekunder)',
  'staff.title': 'Personale',
  'staff.back': 'Tilbake til inngangen',
  'staff.configFallback':
    'Den lagrede konfigurasjonen kunne ikke leses. Inngangen bruker standardoppsettet til den er lagret på nytt.',
  'staff.unsaved': '{n} registreringer er ikke lagret ennå. De prøves på nytt automatisk.',
  'sync.title': 'Synkronisering',
  'sync.paired': 'Koblet til {site} på {endpoint}.',
  'sync.notPaired': 'Nettbrettet er ikke koblet til en server. Tellingene lagres bare her.',
  'sync.needsPairing':
    'Serveren kjenner ikke igjen nettbrettet lenger. Koble det til på nytt – tellingene er trygge her så lenge.',
  'sync.lastSuccess': 'Sist sendt: {time}.',
  'sync.never': 'Ikke sendt ennå.',
  'sync.waiting': '{n} dager venter på å bli sendt.',
  'sync.waitingOne': 'Én dag venter på å bli sendt.',
  'sync.allSent': 'Alt er sendt.',
  'sync.lastError': 'Siste feil: {message}',
  'sync.held': '{day} blir holdt tilbake fordi serveren avviste den: {message}',
  'sync.clockSkew':
    'Klokken på nettbrettet går {minutes} minutter feil i forhold til serveren. Rett klokken i innstillingene.',
  'sync.now': 'Send nå',
  'sync.running': 'Sender …',
  'sync.pairTitle': 'Koble til en server',
  'sync.pairHelp': 'Skriv inn adressen og koden du fikk av den som driver serveren.',
  'sync.endpoint': 'Serverens adresse',
  'sync.code': 'Koblingskode',
  'sync.pair': 'Koble til',
  'sync.pairedOk': 'Nettbrettet er koblet til {site}.',
  'lang.nb': 'Norsk bokmål',
  'lang.nn': 'Norsk nynorsk',
  'lang.se': 'Davvisámegiella',
  'lang.en': 'English',
  'lang.uk': 'Українська',
  'lang.ar': 'العربية',
} as const;

/** A message key. */
export type MessageKey = keyof typeof nb;
/** A catalogue: any subset of the bokmål keys. */
export type Catalogue = Partial<Record<MessageKey, string>>;
