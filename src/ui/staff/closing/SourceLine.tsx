/** Says whose figures a screen shows: this tablet's, or the endpoint's sum over all tablets. */
import type { Translator } from '../../../i18n/index.ts';
import type { TotalsSource } from '../../../state/staff.ts';

export function SourceLine({
  source,
  translator,
}: {
  source: TotalsSource;
  translator: Translator;
}) {
  return (
    <p class="source-line">
      {translator.t(source === 'endpoint' ? 'staff.source.endpoint' : 'staff.source.tablet')}
    </p>
  );
}
