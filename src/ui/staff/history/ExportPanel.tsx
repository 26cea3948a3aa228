/** CSV export of the chosen range, in the wide or the long layout, shared or downloaded. */
import { useState } from 'preact/hooks';
import type { Translator } from '../../../i18n/index.ts';
import { type CsvLayout, deliverFile, exportCsv, type FileHandOver } from '../../../state/staff.ts';
import { useEndpointTotals, useKioskStore } from '../../store-context.ts';

export interface ExportPanelProps {
  from: string;
  to: string;
  translator: Translator;
  handOver?: FileHandOver;
  onExported(): void;
}

type Message = { kind: 'status' | 'alert'; text: string };

/**
 * Exports a range as CSV and hands the file over, with the sentence that says how it went:
 * the history's export and the closing's "only copy" offer both use it.
 */
export function useCsvExport(
  translator: Translator,
  handOver: FileHandOver | undefined,
  onExported?: () => void,
) {
  const store = useKioskStore();
  const endpoint = useEndpointTotals();
  const { t } = translator;
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function exportRange(from: string, to: string, layout: CsvLayout) {
    setBusy(true);
    try {
      const outcome = await exportCsv(store, from, to, layout, endpoint, translator);
      if (!outcome.ok) {
        // Nothing is exported; the range form already says why, next to the dates.
        setMessage(undefined);
        return;
      }
      const delivered = await deliverFile(outcome.file, handOver);
      onExported?.();
      const done =
        outcome.days === 1
          ? t('staff.export.doneOne')
          : t('staff.export.done', { n: outcome.days });
      setMessage({
        kind: 'status',
        text:
          delivered === 'cancelled'
            ? t('staff.export.cancelled')
            : delivered === 'shared'
              ? `${done} ${t('staff.export.shared')}`
              : done,
      });
    } catch {
      setMessage({ kind: 'alert', text: t('staff.closing.failed') });
    } finally {
      setBusy(false);
    }
  }

  const said = message ? (
    <p role={message.kind} class={message.kind === 'alert' ? 'warning' : undefined}>
      {message.text}
    </p>
  ) : null;
  return { busy, exportRange, said };
}

export function ExportPanel({ from, to, translator, handOver, onExported }: ExportPanelProps) {
  const { t } = translator;
  const [layout, setLayout] = useState<CsvLayout>('wide');
  const { busy, exportRange, said } = useCsvExport(translator, handOver, onExported);

  return (
    <section class="closing-section" aria-labelledby="export-title">
      <h3 id="export-title">{t('staff.export.title')}</h3>
      <fieldset>
        <legend>{t('staff.export.layout')}</legend>
        {(['wide', 'long'] as const).map((choice) => (
          <label class="choice" key={choice}>
            <input
              type="radio"
              name="csv-layout"
              value={choice}
              checked={layout === choice}
              onChange={() => setLayout(choice)}
            />
            {t(choice === 'wide' ? 'staff.export.wide' : 'staff.export.long')}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={busy} onClick={() => void exportRange(from, to, layout)}>
        {t('staff.export.csv')}
      </button>
      {said}
    </section>
  );
}
