/**
 * "Fortsatt her?": shown ten seconds before a staff screen returns to the door by itself
 * (state/staff-session.ts decides when); its button keeps the screen open.
 */
import type { Translator } from '../../i18n/index.ts';
import type { IdleWarning as Warning } from '../../state/staff.ts';

export function IdleWarning({ idle, translator }: { idle: Warning; translator: Translator }) {
  const { t } = translator;
  if (!idle.warning) return null;
  return (
    <div
      class="idle-warning"
      role="alertdialog"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-text"
    >
      <h2 id="idle-warning-title">{t('staff.idle.title')}</h2>
      <p id="idle-warning-text">{t('staff.idle.text')}</p>
      <button type="button" onClick={idle.stay}>
        {t('staff.idle.stay')}
      </button>
    </div>
  );
}
