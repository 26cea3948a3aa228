/**
 * Storage and version for staff: a full disk, a reset database, writes not saved yet,
 * whether the browser keeps the data, how much is used, the version and a waiting update.
 * It only shows state; the store and the platform bridge own what happens. The full disk and
 * the reset database are `StorageAlerts`, which the staff shell shows above every staff screen;
 * `StorageStatus` is the panel in Settings.
 */
import { useEffect, useState } from 'preact/hooks';
import { createTranslator } from '../../i18n/index.ts';
import { useObservable } from '../../state/index.ts';
import { platformState, storageEstimate } from '../../state/platform.ts';
import { useKioskStore } from '../store-context.ts';

const { t } = createTranslator('nb');

/** Bytes as megabytes (or gigabytes), the way a lead reads them. */
export function formatBytes(bytes: number): string {
  const giga = bytes >= 1e9;
  return new Intl.NumberFormat('nb', {
    style: 'unit',
    unit: giga ? 'gigabyte' : 'megabyte',
    maximumFractionDigits: 1,
  }).format(bytes / (giga ? 1e9 : 1e6));
}

export interface StorageStatusProps {
  /** Reads usage and quota; the browser's storage manager unless a test passes its own. */
  estimate?: typeof storageEstimate;
}

export interface StorageAlertsProps {
  /** Whether "I have seen this" dismisses the reset notice: the lead's, so it waits for them. */
  mayDismiss: boolean;
}

/** What staff must see on any screen: a full disk, and a database that was reset. */
export function StorageAlerts({ mayDismiss }: StorageAlertsProps) {
  const store = useKioskStore();
  const problem = useObservable(store.storageProblem);
  const reset = useObservable(store.databaseReset);
  return (
    <>
      {problem === 'quota' ? (
        <p role="alert" class="staff-message warn">
          {t('storage.quota')}
        </p>
      ) : null}
      {reset ? (
        <div role="alert" class="staff-message warn">
          <p>{t('storage.reset')}</p>
          {mayDismiss ? (
            <button type="button" onClick={() => void store.dismissReset()}>
              {t('storage.resetSeen')}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export function StorageStatus({ estimate = storageEstimate }: StorageStatusProps) {
  const store = useKioskStore();
  const problem = useObservable(store.storageProblem);
  const pending = useObservable(store.pending);
  const platform = useObservable(platformState);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | undefined>(undefined);

  useEffect(() => {
    let current = true;
    estimate().then(
      (found) => current && setUsage(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [estimate, problem, pending.length]);

  return (
    <section class="storage-status" aria-labelledby="storage-status-title">
      <h2 id="storage-status-title">{t('storage.title')}</h2>
      {pending.length > 0 ? <p role="alert">{t('staff.unsaved', { n: pending.length })}</p> : null}
      {platform.persisted !== undefined ? (
        <p>{t(platform.persisted ? 'storage.persisted' : 'storage.notPersisted')}</p>
      ) : null}
      <p>
        {usage
          ? t('storage.usage', { used: formatBytes(usage.usage), quota: formatBytes(usage.quota) })
          : t('storage.usageUnknown')}
      </p>
      <p>{t('storage.version', { version: __APP_VERSION__ })}</p>
      {platform.updateWaiting ? <p>{t('storage.updateWaiting')}</p> : null}
    </section>
  );
}
