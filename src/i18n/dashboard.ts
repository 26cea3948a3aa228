/** Loads the dashboard's bokmål texts into the translators: imported by the dashboard's page only. */
import { nbDashboard } from './nb-dashboard.ts';
import { addSourceMessages } from './translate.ts';

addSourceMessages(nbDashboard);
