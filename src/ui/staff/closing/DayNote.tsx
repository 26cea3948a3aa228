/**
 * The lead's note for the day: stays on this tablet, with a standing warning about persons.
 * Keyed by day by its parent, so `initial` is read once per day.
 */
import { useId, useState } from 'preact/hooks';
import type { Translator } from '../../../i18n/index.ts';

export interface DayNoteProps {
  initial: string;
  translator: Translator;
  onSave(text: string): Promise<void>;
}

export function DayNote({ initial, translator, onSave }: DayNoteProps) {
  const { t } = translator;
  const warningId = useId();
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');

  async function save(event: Event) {
    event.preventDefault();
    try {
      await onSave(text);
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <form class="closing-section day-note" onSubmit={(event) => void save(event)}>
      <label>
        {t('staff.closing.note')}
        <textarea
          rows={3}
          maxLength={2000}
          value={text}
          aria-describedby={warningId}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setStatus('idle');
          }}
        />
      </label>
      <div id={warningId}>
        <p class="warning">{t('staff.closing.noteWarning')}</p>
        <p>{t('staff.closing.noteLocal')}</p>
      </div>
      <button type="submit" class="secondary">
        {t('staff.closing.saveNote')}
      </button>
      <p role="status">
        {status === 'saved'
          ? t('staff.closing.noteSaved')
          : status === 'failed'
            ? t('staff.closing.failed')
            : ''}
      </p>
    </form>
  );
}
