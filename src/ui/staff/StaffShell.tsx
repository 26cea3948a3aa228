/**
 * Staff mode's frame: who is signed in, the screens their role may open, what has not been
 * saved yet, a configuration that fell back to the preset, a full disk or a reset database
 * (on every screen, for every role), a lead's PIN too short for today's rule, a provisioning
 * link waiting for the lead, and the app's version. Lead-only screens come from the registry in screens.ts.
 */
import { useMemo, useRef } from 'preact/hooks';
import { useObservable } from '../../state/index.ts';
import type { StaffRole } from '../../state/pins.ts';
import {
  createTallyActions,
  type Drafts,
  mayOpen,
  STAFF_SCREENS,
  type StaffScreen,
  useIdleReturn,
  useSessionTimeoutMs,
  useStaffTranslator,
} from '../../state/staff.ts';
import { useKioskStore, useSyncController } from '../store-context.ts';
import { Help } from './help/Help.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { OccupancyPanel } from './OccupancyPanel.tsx';
import { PendingLink } from './PendingLink.tsx';
import { leadScreens, SCREEN_LABELS } from './screens.ts';
import { StorageAlerts } from './StorageStatus.tsx';
import { Tally } from './tally/Tally.tsx';
import '../staff.css';

export interface StaffShellProps {
  role: StaffRole;
  screen: StaffScreen;
  onNavigate(screen: StaffScreen): void;
  onLeave(): void;
  /** Half-typed fields kept across sessions (the app's; none in a test that needs none). */
  drafts?: Drafts;
  /** Given when the lead signed in with a PIN shorter than a new one may be: asks to change it. */
  onChangePin?(): void;
}

export function StaffShell({
  role,
  screen,
  onNavigate,
  onLeave,
  drafts,
  onChangePin,
}: StaffShellProps) {
  const store = useKioskStore();
  const sync = useSyncController();
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const config = useObservable(store.config);
  const problem = useObservable(store.configProblem);
  const pending = useObservable(store.pending);
  // One per session: undo reaches this session's last tap, whichever screen was visited since.
  const tally = useMemo(() => createTallyActions(store, role), [store, role]);
  const root = useRef<HTMLElement>(null);
  const idle = useIdleReturn(root, useSessionTimeoutMs(role, config.idleTimeoutSeconds), onLeave);
  const shown: StaffScreen = mayOpen(role, screen) ? screen : 'tally';
  const LeadScreen =
    shown === 'tally' || shown === 'help' || role !== 'lead' ? undefined : leadScreens[shown];

  return (
    <main class="staff staff-shell" ref={root}>
      <header class="staff-header">
        <div>
          <h1>{t('staff.title')}</h1>
          <p>{t('staff.signedInAs', { role: t(`staff.role.${role}`) })}</p>
        </div>
        <nav aria-label={t('staff.nav')}>
          <ul class="staff-nav">
            {STAFF_SCREENS.filter((candidate) => mayOpen(role, candidate)).map((candidate) => (
              <li key={candidate}>
                <button
                  type="button"
                  class={candidate === shown ? undefined : 'secondary'}
                  aria-current={candidate === shown ? 'page' : undefined}
                  onClick={() => onNavigate(candidate)}
                >
                  {t(SCREEN_LABELS[candidate])}
                </button>
              </li>
            ))}
            <li>
              <button type="button" class="secondary" onClick={onLeave}>
                {t('staff.back')}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      {problem ? (
        <p role="alert" class="staff-message warn">
          {t('staff.configFallback', { problem })}
        </p>
      ) : null}
      {pending.length > 0 ? (
        <p role="alert" class="staff-message warn">
          {t('staff.unsaved', { n: pending.length })}
        </p>
      ) : null}
      {onChangePin ? (
        <p role="status" class="staff-message">
          {t('staff.leadPinShort')}{' '}
          <button type="button" class="secondary" onClick={onChangePin}>
            {t('staff.leadPinChange')}
          </button>
        </p>
      ) : null}
      {sync ? <PendingLink sync={sync} role={role} onPaired={onLeave} /> : null}
      <StorageAlerts mayDismiss={role === 'lead'} />
      {config.capacity !== undefined ? <OccupancyPanel capacity={config.capacity} /> : null}
      <div class="staff-screen">
        {LeadScreen ? (
          <LeadScreen role="lead" />
        ) : shown === 'help' ? (
          <Help />
        ) : (
          <Tally tally={tally} role={role} {...(drafts ? { drafts } : {})} />
        )}
      </div>
      <IdleWarning idle={idle} translator={translator} />
      <footer class="staff-footer">{t('staff.version', { version: __APP_VERSION__ })}</footer>
    </main>
  );
}
