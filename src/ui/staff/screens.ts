/**
 * The lead's screens by route (`#/staff/<screen>`): the one place a lead-only screen is
 * registered. The tally is every role's and lives in the shell itself.
 */
import type { ComponentType } from 'preact';
import type { MessageKey } from '../../i18n/index.ts';
import type { StaffScreen } from '../../state/staff-session.ts';
import { Closing } from './Closing.tsx';
import { LazyFunderReport } from './funder-report/LazyFunderReport.tsx';
import { History } from './History.tsx';
import { SelfTest } from './self-test/SelfTest.tsx';
import { Settings } from './settings/Settings.tsx';

export type LeadScreen = Exclude<StaffScreen, 'tally'>;

/** What the shell passes to a lead-only screen. */
export interface LeadScreenProps {
  role: 'lead';
}

export const leadScreens: Record<LeadScreen, ComponentType<LeadScreenProps>> = {
  closing: Closing,
  history: History,
  settings: Settings,
  'self-test': SelfTest,
  'funder-report': LazyFunderReport,
};

/** The navigation label of every staff screen. */
export const SCREEN_LABELS: Record<StaffScreen, MessageKey> = {
  tally: 'staff.nav.tally',
  closing: 'staff.nav.closing',
  history: 'staff.nav.history',
  settings: 'staff.nav.settings',
  'self-test': 'staff.nav.selfTest',
  'funder-report': 'staff.nav.funderReport',
};
