/**
 * The guide for the lead (and any volunteer): one task on screen at a time — setting up, the
 * PINs and the recovery code, closing the day, export and backup, pairing, warnings — and all
 * of them on at most two A4 pages in print. Plain text from i18n, no figures, works offline;
 * bokmål in every staff language (its texts are in nb-staff.ts only).
 */
import { useState } from 'preact/hooks';
import { useStaffTranslator } from '../../../state/staff.ts';
import { useKioskStore } from '../../store-context.ts';
import { usePrintOnly } from '../print-only.ts';
import './help.css';

/** The guide's tasks, in the order a new lead meets them. */
export const HELP_TASKS = ['setup', 'pins', 'closing', 'export', 'pairing', 'trouble'] as const;
type HelpTask = (typeof HELP_TASKS)[number];

export interface HelpProps {
  /** How the guide is printed; window.print by default. */
  print?: () => void;
}

export function Help({ print = () => window.print() }: HelpProps) {
  const { t } = useStaffTranslator(useKioskStore());
  const [shown, setShown] = useState<HelpTask>('setup');
  usePrintOnly('print-help');

  return (
    // Norwegian in every staff language: the guide is written in bokmål only.
    <section class="staff-screen help-guide" aria-labelledby="help-title" lang="nb">
      <h2 id="help-title">{t('help.title')}</h2>
      <p>{t('help.intro')}</p>
      <nav aria-label={t('help.tasks')} class="no-print">
        <ul class="staff-nav">
          {HELP_TASKS.map((task) => (
            <li key={task}>
              <button
                type="button"
                class={task === shown ? undefined : 'secondary'}
                aria-current={task === shown ? 'true' : undefined}
                onClick={() => setShown(task)}
              >
                {t(`help.${task}.title`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {/* Every task is in the page, so print shows them all; the screen shows the chosen one. */}
      {HELP_TASKS.map((task) => (
        <section
          key={task}
          class="help-task"
          aria-labelledby={`help-${task}`}
          hidden={task !== shown}
        >
          <h3 id={`help-${task}`}>{t(`help.${task}.title`)}</h3>
          <ol>
            {/* One step a line: the catalogue keeps a task's steps together for translators. */}
            {t(`help.${task}.steps`)
              .split('\n')
              .map((step) => (
                <li key={step}>{step}</li>
              ))}
          </ol>
        </section>
      ))}
      <button type="button" class="secondary no-print" onClick={print}>
        {t('help.print')}
      </button>
    </section>
  );
}
