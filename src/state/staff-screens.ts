/**
 * Which staff screens exist and which a role may open: read by the door's staff corner before
 * staff mode (and the rest of the staff session) has loaded.
 */
import type { StaffRole } from './pins.ts';

/** The staff screens, by route segment. */
export const STAFF_SCREENS = [
  'tally',
  'closing',
  'history',
  'funder-report',
  'settings',
  'self-test',
  'help',
] as const;
export type StaffScreen = (typeof STAFF_SCREENS)[number];

/**
 * Whether a role may open a screen: volunteers tally and read the guide (it holds no figures,
 * and an evening without the lead meets the same warnings), the lead does everything.
 */
export function mayOpen(role: StaffRole, screen: StaffScreen): boolean {
  return role === 'lead' || screen === 'help' || screen === 'tally';
}
