/** Staff mode's entry until the PIN pad and staff screens land: state the door can't show. */
import { createTranslator } from '../../i18n/index.ts';
import { useObservable } from '../../state/index.ts';
import { useKioskStore } from '../store-context.ts';

export function StaffPlaceholder({ onBack }: { onBack(): void }) {
  const store = useKioskStore();
  const problem = useObservable(store.configProblem);
  const pending = useObservable(store.pending);
  const { t } = createTranslator('nb');
  return (
    <main class="staff">
      <h1>{t('staff.title')}</h1>
      {problem ? <p role="alert">{t('staff.configFallback')}</p> : null}
      {pending.length > 0 ? <p role="alert">{t('staff.unsaved', { n: pending.length })}</p> : null}
      <p>Versjon {__APP_VERSION__}</p>
      <button type="button" onClick={onBack}>
        {t('staff.back')}
      </button>
    </main>
  );
}
