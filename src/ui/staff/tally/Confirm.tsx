/**
 * A question asked before a large staff write, in place of the button that asked for it: it
 * names what would be stored (counter, day and year) and stores nothing until answered yes.
 */
import type { Translator } from '../../../i18n/index.ts';

export interface ConfirmProps {
  question: string;
  yes: string;
  busy: boolean;
  translator: Translator;
  onYes(): void;
  onNo(): void;
}

export function Confirm({ question, yes, busy, translator, onYes, onNo }: ConfirmProps) {
  return (
    <div role="alertdialog" aria-label={question} class="staff-confirm">
      <p>{question}</p>
      <div class="staff-actions">
        <button type="button" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button type="button" class="secondary" onClick={onNo}>
          {translator.t('staff.confirm.no')}
        </button>
      </div>
    </div>
  );
}
