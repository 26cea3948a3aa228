/**
 * The lead's screens by route (`#/staff/<screen>`): the one place a lead-only screen is
 * registered. The tally is every role's and lives in the shell itself.
 */
import { h, type ComponentType } from 'preact';
import type { MessageKey } from '../../i18n/index.ts';
import type { StaffScreen } from '../../state/staff-session.ts';
import { useStaffTranslator } from '../../state/staff-session.ts';
import { useKioskStore, useSyncController } from '../store-context.ts';
import { Closing } from './Closing.tsx';
import { History } from './History.tsx';
import { StorageStatus, type StorageStatusProps } from './StorageStatus.tsx';
import { SyncPanel } from './SyncPanel.tsx';

export type LeadScreen = Exclude<StaffScreen, 'tally'>;

/** What the shell passes to a lead-only screen. */
export interface LeadScreenProps {
  role: 'lead';
}

/**
 * Settings (lead): a placeholder until the settings screen lands; meanwhile it holds the
 * storage state and the sync panel (pairing), which have no other home yet.
 */
function SettingsPlaceholder(_props: LeadScreenProps) {
  const { t } = useStaffTranslator(useKioskStore());
  const sync = useSyncController();
  return h('section', { 'aria-label': t('staff.nav.settings') }, [
    h('h2', null, t('staff.nav.settings')),
    h('p', null, t('staff.settings.placeholder')),
    h(StorageStatus, {} as StorageStatusProps),
    sync ? h(SyncPanel, { sync }) : null,
  ]);
}

export const leadScreens: Record<LeadScreen, ComponentType<LeadScreenProps>> = {
  closing: Closing,
  history: History,
  settings: SettingsPlaceholder,
};

/** The navigation label of every staff screen. */
export const SCREEN_LABELS: Record<StaffScreen, MessageKey> = {
  tally: 'staff.nav.tally',
  closing: 'staff.nav.closing',
  history: 'staff.nav.history',
  settings: 'staff.nav.settings',
};
