/** How a tally target is named on buttons, in lists and in confirmations. */
import { formatDay, type Translator } from '../../../i18n/index.ts';
import { isStaffAdded, type TallyTarget } from '../../../state/staff.ts';
import { localized } from '../../localized.ts';

/** "Middag", "Kontant, Bingobrett", or for visits "Besøk lagt til av personalet". */
export function targetName({ t, language }: Translator, target: TallyTarget): string {
  if (isStaffAdded(target)) {
    return t(
      target.counter.kind === 'visit' ? 'staff.tally.staffVisit' : 'staff.tally.staffCheckout',
    );
  }
  const counter = localized(target.counter.name, language);
  return target.option ? `${localized(target.option.name, language)}, ${counter}` : counter;
}

/** A target as a paper sheet names it: the counter (and option), without "added by staff". */
export function sheetName({ language }: Translator, target: TallyTarget): string {
  const counter = localized(target.counter.name, language);
  return target.option ? `${localized(target.option.name, language)}, ${counter}` : counter;
}

/** "+1 Middag", "−1 Kontant, Bingobrett", "+12 Middag". */
export function signed(delta: number, name: string): string {
  return `${delta < 0 ? '−' : '+'}${Math.abs(delta)} ${name}`;
}

/** "torsdag 2. januar 2025": a staff write may reach into another year, so it says which. */
export function dayWithYear({ t, language }: Translator, day: string): string {
  return t('staff.backfill.dayWithYear', { day: formatDay(language, day), year: day.slice(0, 4) });
}
