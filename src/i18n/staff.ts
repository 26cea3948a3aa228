/** Loads staff mode's bokmål texts into the translators: imported with the staff screens only. */
import { nbStaff } from './nb-staff.ts';
import { addSourceMessages } from './translate.ts';

addSourceMessages(nbStaff);
