/** A table of counter figures: one row per counter, and one per option beneath it. */
import type { Translator } from '../../../i18n/index.ts';
import { formatNok } from '../../../i18n/index.ts';
import type { CounterFigure } from '../../../state/staff.ts';
import { localized } from '../../localized.ts';

export interface FigureTableProps {
  title: string;
  figures: readonly CounterFigure[];
  translator: Translator;
  /** Sales show units and kroner; everything else a number. */
  withKroner?: boolean;
}

export function FigureTable({ title, figures, translator, withKroner = false }: FigureTableProps) {
  const { t, language } = translator;
  if (figures.length === 0) return null;
  return (
    <table class="figures">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.closing.counter')}</th>
          <th scope="col">{t(withKroner ? 'staff.closing.units' : 'staff.closing.count')}</th>
          {withKroner ? <th scope="col">{t('staff.closing.kroner')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {figures.map((figure) => [
          <tr key={figure.counter.id}>
            <th scope="row">{localized(figure.counter.name, language)}</th>
            <td>{figure.net}</td>
            {withKroner ? <td>{formatNok(language, figure.amountNok ?? 0)}</td> : null}
          </tr>,
          ...figure.options.map((option) => (
            <tr key={`${figure.counter.id}:${option.id}`} class="option-row">
              <th scope="row">
                {localized(figure.counter.name, language)} – {localized(option.name, language)}
              </th>
              <td>{option.net}</td>
              {withKroner ? <td>{formatNok(language, option.amountNok ?? 0)}</td> : null}
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}
