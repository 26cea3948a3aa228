/**
 * One counter on the tally screen: its name, price, today's total and its +1 buttons, with the
 * confirmation of its last +1. A staff-added card counts what staff added, not the door's taps.
 */
import { formatNok, type Translator } from '../../../i18n/index.ts';
import type { Total } from '../../../shared/protocol.ts';
import { isStaffAdded, type TallyTarget, targetKey, totalOf } from '../../../state/staff.ts';
import { localized } from '../../localized.ts';
import { Notice, type TallyNotice } from './Notice.tsx';
import { targetName } from './target-names.ts';

export interface TallyCardProps {
  targets: readonly TallyTarget[];
  totals: readonly Total[] | undefined;
  /** What staff added per counter today (the staff-added cards show only that). */
  staffNet: ReadonlyMap<string, number> | undefined;
  translator: Translator;
  notice: TallyNotice | undefined;
  onTap(target: TallyTarget): void;
}

export function TallyCard({
  targets,
  totals,
  staffNet,
  translator,
  notice,
  onTap,
}: TallyCardProps) {
  const { t, language } = translator;
  const first = targets[0];
  if (first === undefined) return null;
  const { counter } = first;
  const staffAdded = isStaffAdded(first);
  const title = staffAdded ? targetName(translator, first) : localized(counter.name, language);
  const whole = staffAdded ? { net: staffNet?.get(counter.id) ?? 0 } : totalOf(totals, counter.id);
  const headingId = `tally-${counter.id}`;
  return (
    <section class="tally-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {counter.priceNok !== undefined ? (
        <p class="tally-price">
          {t('staff.tally.price', { price: formatNok(language, counter.priceNok) })}
        </p>
      ) : null}
      {staffAdded ? <p class="tally-hint">{t('staff.tally.staffAddedHint')}</p> : null}
      <p class="tally-total">
        {whole.amountNok !== undefined
          ? t('staff.tally.todayNok', {
              n: whole.net,
              amount: formatNok(language, whole.amountNok),
            })
          : t('staff.tally.today', { n: whole.net })}
      </p>
      <div class="tally-buttons">
        {targets.map((target) => {
          const option = target.option;
          const label = option
            ? t('staff.tally.plusOption', {
                option: localized(option.name, language),
                name: title,
              })
            : undefined;
          return (
            <div class="tally-target" key={targetKey(target)}>
              <button
                type="button"
                class="tally-plus"
                {...(label ? { 'aria-label': label } : {})}
                onClick={() => onTap(target)}
              >
                {t('staff.tally.plus', {
                  name: option ? localized(option.name, language) : title,
                })}
              </button>
              {option ? (
                <span class="tally-option-total">
                  {t('staff.tally.today', { n: totalOf(totals, counter.id, option.id).net })}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      <Notice notice={notice} />
    </section>
  );
}
