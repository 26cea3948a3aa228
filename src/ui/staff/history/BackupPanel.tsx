/**
 * The JSON backup: make one (counts, closings, configuration) and import one on a replacement
 * tablet. Every refusal says what was wrong, naming the field, and that nothing changed.
 */
import { useState } from 'preact/hooks';
import type { Translator } from '../../../i18n/index.ts';
import {
  deliverFile,
  exportBackup,
  type FileHandOver,
  importBackupText,
  type ImportOutcome,
  PROBLEM_KEYS,
} from '../../../state/staff.ts';
import { useKioskStore } from '../../store-context.ts';

/** The lead's sentence for an import's outcome. */
export function importMessage(outcome: ImportOutcome, { t }: Translator): string {
  if (outcome.ok) {
    return outcome.tallyRows === 0 && outcome.closings === 0 && !outcome.configApplied
      ? t('staff.backup.unchanged')
      : t('staff.backup.imported', {
          replicas: outcome.replicas,
          rows: outcome.tallyRows,
          closings: outcome.closings,
        });
  }
  switch (outcome.problem) {
    case 'not-json':
      return t('staff.backup.notJson');
    case 'own-backup':
      return t('staff.backup.ownBackup');
    case 'other-site':
      return t('staff.backup.otherSite', { site: outcome.site });
    case 'schema':
      return t('staff.backup.invalid', {
        field: outcome.field,
        problem:
          outcome.fieldProblem === 'custom'
            ? (outcome.detail ?? t('staff.backup.issue.invalid'))
            : t(PROBLEM_KEYS[outcome.fieldProblem], { max: outcome.max ?? '' }),
      });
  }
}

export interface BackupPanelProps {
  translator: Translator;
  handOver?: FileHandOver;
  onImported(): void;
}

type Message = { kind: 'status' | 'alert'; text: string };

export function BackupPanel({ translator, handOver, onImported }: BackupPanelProps) {
  const store = useKioskStore();
  const { t } = translator;
  const [applyConfig, setApplyConfig] = useState(false);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function makeBackup() {
    setBusy(true);
    try {
      const delivered = await deliverFile(await exportBackup(store), handOver);
      setMessage({
        kind: 'status',
        text: t(delivered === 'cancelled' ? 'staff.export.cancelled' : 'staff.backup.exported'),
      });
    } catch {
      setMessage({ kind: 'alert', text: t('staff.closing.failed') });
    } finally {
      setBusy(false);
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (file === undefined) return;
    setBusy(true);
    try {
      const outcome = await importBackupText(store, await file.text(), { applyConfig });
      setMessage({
        kind: outcome.ok ? 'status' : 'alert',
        text: importMessage(outcome, translator),
      });
      if (outcome.ok) onImported();
    } catch {
      setMessage({ kind: 'alert', text: t('staff.closing.failed') });
    } finally {
      input.value = '';
      setBusy(false);
    }
  }

  return (
    <section class="closing-section" aria-labelledby="backup-title">
      <h3 id="backup-title">{t('staff.backup.title')}</h3>
      <p>{t('staff.backup.explain')}</p>
      <button type="button" disabled={busy} onClick={() => void makeBackup()}>
        {t('staff.backup.export')}
      </button>
      <label class="choice">
        <input
          type="checkbox"
          checked={applyConfig}
          onChange={(event) => setApplyConfig(event.currentTarget.checked)}
        />
        {t('staff.backup.applyConfig')}
      </label>
      <label>
        {t('staff.backup.import')}
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(event) => void importFile(event.currentTarget)}
        />
      </label>
      {message ? (
        <p role={message.kind} class={message.kind === 'alert' ? 'warning' : undefined}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
