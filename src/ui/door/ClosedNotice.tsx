/**
 * What the door says first when the place is not open ("Stengt i dag — åpner mandag 28.
 * desember kl. 11.00"), and the calendar date beside the business day in the small hours.
 * Loaded after the first paint; the door still counts a tap while closed.
 */
import { formatClock, formatDay, type Translator } from '../../i18n/index.ts';
import '../../i18n/today.ts';
import { closedNotice, type DoorStatus } from '../../domain/schedule.ts';
import { holidayName } from '../../i18n/holiday-names.ts';
import { localized } from '../localized.ts';

export interface DoorStatusProps {
  status: DoorStatus;
  translator: Translator;
}

/** The closed notice's sentence, or undefined while the place is open. */
function closedSentence({ status, translator }: DoorStatusProps): string | undefined {
  const notice = closedNotice(status);
  if (notice === undefined) return undefined;
  const { t, language } = translator;
  const closed =
    notice.closed === 'now'
      ? t('door.closedNow')
      : notice.holiday !== undefined
        ? t('door.closedHoliday', {
            holiday: localized(holidayName(notice.holiday), language),
          })
        : t('door.closedToday');
  if (notice.opens === undefined) return closed;
  const time = formatClock(language, notice.opens.open);
  // "i dag" is the wall's today: at 01.30 on a Saturday, Saturday.
  return notice.opens.date === status.calendarDate
    ? t('door.closedUntilToday', { closed, time })
    : t('door.closedUntil', { closed, day: formatDay(language, notice.opens.date), time });
}

export function ClosedNotice(props: DoorStatusProps) {
  const sentence = closedSentence(props);
  return sentence === undefined ? null : <p class="closed-notice">{sentence}</p>;
}

/** "natt til lørdag 5. desember" beside the business day's date, when the wall's date differs. */
export function CalendarDate({ status, translator }: DoorStatusProps) {
  if (status.calendarDate === status.day) return null;
  const date = formatDay(translator.language, status.calendarDate);
  return <span class="calendar-date"> ({translator.t('door.calendarDate', { date })})</span>;
}
