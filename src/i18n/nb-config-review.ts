/**
 * Bokmål texts of the lead's view of the site's published configuration (ui/staff/config-review):
 * a difference on the first follow, a conflict after a publish, a refused version. They load
 * with that view, which is only ever shown after talking to the endpoint, so they stay out of
 * the precached staff chunk (en-config-review.ts has the English).
 */
export const nbConfigReview = {
  'config.first.title': 'Stedets innstillinger på serveren',
  'config.first.text':
    'Serveren har versjon {version} av stedets innstillinger, publisert {at} av {by}. Den er forskjellig fra dette nettbrettets:',
  'config.first.theirs': 'Bruk innstillingene fra endepunktet',
  'config.first.mine': 'Behold mine og publiser dem',
  'config.conflict.title': 'Innstillingene ble endret på serveren',
  'config.conflict.text':
    'Før lagringen din kom fram, publiserte {by} versjon {version} ({at}). Dine innstillinger er lagret på nettbrettet, men ikke publisert. Slik er serverens versjon forskjellig:',
  'config.conflict.theirs': 'Bruk endepunktets versjon',
  'config.conflict.mine': 'Publiser mine likevel',
  'config.diff.name': 'Navn: «{ours}» her, «{theirs}» på serveren',
  'config.diff.hours': 'Åpningstider: {ours} her, {theirs} på serveren',
  'config.diff.days': 'Helligdager og stengte eller åpne datoer',
  'config.diff.itemAdded': 'Programpunkt bare på serveren: {what}',
  'config.diff.itemRemoved': 'Programpunkt bare her: {what}',
  'config.diff.itemChanged': 'Programpunkt endret: {what}',
  'config.diff.counterAdded': 'Teller bare på serveren: {what}',
  'config.diff.counterRemoved': 'Teller bare her: {what}',
  'config.diff.counterChanged': 'Teller endret: {what}',
  'config.diff.questions': 'Spørsmålene etter innsjekk',
  'config.diff.languages': 'Språk: {ours} her, {theirs} på serveren',
  'config.diff.zone': 'Tidssone eller døgnskifte (gjelder fra neste dag)',
  'config.diff.door': 'Andre valg ved døra (ord for dagen, brukerstemme, kapasitet)',
  'config.diff.none': 'Bare planen for ord for dagen kan være forskjellig.',
  'config.invalid':
    'Serverens versjon {version} av innstillingene er ikke gyldig og ble ikke tatt i bruk ({issue}). Nettbrettet beholder sine egne.',
  'config.refused': 'Serveren avviste innstillingene, så de er ikke publisert:',
} as const;
