/**
 * After closing on a tablet with no server: the day's figures exist only here, so the closing
 * offers the day's CSV there and then (the history's export, for this one day).
 */
import type { Translator } from '../../../i18n/index.ts';
import type { FileHandOver } from '../../../state/staff.ts';
import { useCsvExport } from '../history/ExportPanel.tsx';

export interface OnlyCopyExportProps {
  day: string;
  translator: Translator;
  handOver?: FileHandOver;
}

export function OnlyCopyExport({ day, translator, handOver }: OnlyCopyExportProps) {
  const { t } = translator;
  const { busy, exportRange, said } = useCsvExport(translator, handOver);
  return (
    <section class="closing-section only-copy" aria-label={t('staff.closing.exportDay')}>
      <p class="warning">{t('staff.closing.onlyCopy')}</p>
      <button type="button" disabled={busy} onClick={() => void exportRange(day, day, 'wide')}>
        {t('staff.closing.exportDay')}
      </button>
      {said}
    </section>
  );
}
