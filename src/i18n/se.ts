/** Door catalogue: North Sámi (translated from bokmål; missing keys fall back to it). */
import type { Catalogue } from './nb.ts';

/** Our own names of days and months, for a runtime whose Intl lacks se. */
export { seCalendar as calendar } from './calendar-names.ts';

export const se: Catalogue = {
  'app.name': 'Terskel',
  'door.checkIn': 'Mun bohten',
  'door.checkOut': 'Mun vuolggán',
  'door.checkedOut': 'Mana dearvan!',
  'door.welcome': 'Bures boahtin!',
  'door.thanks': 'Giitu!',
  'door.oneMore': 'Okta lassin',
  'door.oneMoreHint': 'Bođetgo muhtumiin ovttas? Deaddil oktii juohkehačča ovddas.',
  'door.skip': 'Njuike badjel',
  'door.saving': 'Vurkemin …',
  'door.wordOfDay': 'Beaivvi sátni',
  'door.wordAt': 'Beaivvi sátni dii. {time}',
  'door.today': 'Odne',
  'door.programme': 'Prográmma odne',
  'door.noProgramme': 'Odne eai leat bissovaš doaimmat.',
  'door.next': '{title} dii. {time} — {when}',
  'door.inMinutes': '{n} min. geažes',
  'door.inHours': '{h} dii. {n} min. geažes',
  'door.now': 'dál',
  'door.closedToday': 'Gitta odne',
  'door.closedHoliday': 'Gitta odne – {holiday}',
  'door.closedNow': 'Gitta dál',
  'door.openUntil': 'Rabas dii. {time} rádjái',
  'door.closedUntil': '{closed} — rabas fas {day} dii. {time}',
  'door.closedUntilToday': '{closed} — rabas odne dii. {time}',
  'door.calendarDate': '{date}, ihkku',
  'door.afterClosing': 'Beaivi lea loahppan, muhto don leat seammá bures boahtin.',
  'door.occupancy': '{n} / {capacity} leat dáppe dál',
  'door.full': 'Dál lea dievva. Sáhtát hállat min bargiiguin.',
  'door.noStorage':
    'Lohkan ii doaimma dán rusttegis: neahttalohkki ii divtte vurket. Bivdde bargi jaddadit priváhta vuogi dahje geavahit eará dihtora.',
  'door.language': 'Giella',
  'door.staff': 'Bargit (deaddil ja doala guokte sekundda)',
  'door.provision.paired': 'Dihtor lea čatnon {site}-bálvváide.',
  'door.provision.linkEmpty': 'Liŋkkas ii leat sisdoallu.',
  'door.provision.linkInvalid': 'Liŋka ii leat gustovaš.',
  'door.provision.linkUnreadable': 'Liŋka ii sáhttán lohkot.',
};
