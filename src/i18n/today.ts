/** Loads today's card's bokmål texts into the translators: imported by the door's after-paint chunk only. */
import { nbToday } from './nb-today.ts';
import { addSourceMessages } from './translate.ts';

addSourceMessages(nbToday);
