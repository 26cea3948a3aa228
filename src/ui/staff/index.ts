/** Staff mode's face, loaded as one chunk when the door hands over (never in the first paint). */
import '../../i18n/staff.ts';

export { FirstRun } from './FirstRun.tsx';
export { PinPad } from './PinPad.tsx';
export { PinSetup } from './PinSetup.tsx';
export { StaffShell } from './StaffShell.tsx';
