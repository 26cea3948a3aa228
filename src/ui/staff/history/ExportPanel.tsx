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

export function ExportPanel({ from, to, translator, handOver, onExported }: ExportPanelProps) {
  const store = useKioskStore();
  const endpoint = useEndpointTotals();
  const { t } = translator;
  const [layout, setLayout] = useState<CsvLayout>('wide');
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function exportRange() {
    setBusy(true);
    try {
      const outcome = await exportCsv(store, from, to, layout, endpoint, translator);
      if (!outcome.ok) {
        // Nothing is exported; the range form already says why, next to the dates.
        setMessage(undefined);
        return;
      }
      const delivered = await deliverFile(outcome.file, handOver);
      onExported();
      setMessage({
        kind: 'status',
        text:
          delivered === 'cancelled'
            ? t('staff.export.cancelled')
            : delivered === 'shared'
              ? `${t('staff.export.done', { n: outcome.days })} ${t('staff.export.shared')}`
              : t('staff.export.done', { n: outcome.days }),
      });
    } catch {
      setMessage({ kind: 'alert', text: t('staff.closing.failed') });
    } finally {
      setBusy(false);
    }
  }

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
      <button type="button" disabled={busy} onClick={() => void exportRange()}>
        {t('staff.export.csv')}
      </button>
      {message ? (
        <p role={message.kind} class={message.kind === 'alert' ? 'warning' : undefined}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
