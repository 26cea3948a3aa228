/**
 * The lead's screens by route (`#/staff/<screen>`): the one place a lead-only screen is
 * registered. The tally and the guide are every role's and live in the shell itself.
 */
import type { ComponentType } from 'preact';
import type { MessageKey } from '../../i18n/index.ts';
import type { StaffScreen } from '../../state/staff.ts';
import { Closing } from './closing/Closing.tsx';
import { FunderReport } from './funder-report/FunderReport.tsx';
import { History } from './history/History.tsx';
import { SelfTest } from './self-test/SelfTest.tsx';
import { Settings } from './settings/Settings.tsx';

export type LeadScreen = Exclude<StaffScreen, 'tally' | 'help'>;

/** What the shell passes to a lead-only screen. */
export interface LeadScreenProps {
  role: 'lead';
}

export const leadScreens: Record<LeadScreen, ComponentType<LeadScreenProps>> = {
  closing: Closing,
  history: History,
  settings: Settings,
  'self-test': SelfTest,
  // In the staff chunk, which loads when staff mode opens, not a chunk of its own: a second
  // lazy chunk made the bundler split the modules it shares with the door (preact/hooks, the
  // settings store, the preload helper) out of the door's entry — three more requests and
  // 658 B more brotli before the door's first paint, and 1.9 KB more precached JS.
  'funder-report': FunderReport,
};

/** The navigation label of every staff screen. */
export const SCREEN_LABELS: Record<StaffScreen, MessageKey> = {
  tally: 'staff.nav.tally',
  closing: 'staff.nav.closing',
  history: 'staff.nav.history',
  settings: 'staff.nav.settings',
  'self-test': 'staff.nav.selfTest',
  'funder-report': 'staff.nav.funderReport',
  help: 'staff.nav.help',
};
