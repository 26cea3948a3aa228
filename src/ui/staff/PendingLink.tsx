/**
 * A provisioning link that opened on a tablet already set up: nothing changes until the lead,
 * signed in with the lead PIN, has seen the endpoint's host (and the one it replaces) and said
 * yes. A volunteer is told the lead must decide; the link waits.
 */
import { useState } from 'preact/hooks';
import { useObservable } from '../../state/index.ts';
import type { StaffRole } from '../../state/pins.ts';
import { useStaffTranslator } from '../../state/staff.ts';
import type { SyncController } from '../../state/sync.ts';
import { doorPairingNotice, pairingMessage } from '../pairing-words.ts';
import { useKioskStore } from '../store-context.ts';

export interface PendingLinkProps {
  sync: SyncController;
  role: StaffRole;
  /** Paired: the door says so. */
  onPaired(): void;
}

function hostOf(endpoint: string | undefined): string {
  try {
    return endpoint ? new URL(endpoint).host : '';
  } catch {
    return endpoint ?? '';
  }
}

export function PendingLink({ sync, role, onPaired }: PendingLinkProps) {
  const store = useKioskStore();
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const link = useObservable(sync.pendingLink);
  const status = useObservable(sync.status);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  // A code that can never work takes the link with it; the lead still reads why.
  if (!link) {
    return failure ? (
      <p role="alert" class="staff-message warn">
        {failure}
      </p>
    ) : null;
  }
  if (role !== 'lead') {
    return (
      <p role="alert" class="staff-message warn">
        {t('link.leadOnly', { host: link.host })}
      </p>
    );
  }

  async function confirm() {
    setBusy(true);
    setFailure(undefined);
    const outcome = await sync.confirmLink();
    setBusy(false);
    if (outcome?.code === 'paired') {
      store.notice.set(doorPairingNotice(outcome));
      onPaired();
    } else if (outcome) setFailure(pairingMessage(translator, outcome));
  }

  return (
    <section class="pending-link staff-message warn" aria-labelledby="pending-link-title">
      <h2 id="pending-link-title">{t(status.paired ? 'link.titleOther' : 'link.title')}</h2>
      <p>{t('link.target', { site: link.site, host: link.host })}</p>
      {status.paired ? (
        <p>{t('link.current', { site: status.site ?? '', host: hostOf(status.endpoint) })}</p>
      ) : null}
      <p>{t('link.sends')}</p>
      {failure ? <p role="alert">{failure}</p> : null}
      <div class="staff-actions">
        <button type="button" disabled={busy} onClick={() => void confirm()}>
          {t('link.confirm', { host: link.host })}
        </button>
        <button type="button" class="secondary" onClick={() => sync.dismissLink()}>
          {t('link.cancel')}
        </button>
      </div>
    </section>
  );
}
