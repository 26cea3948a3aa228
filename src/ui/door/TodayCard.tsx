/** Today's programme with what is next, or when the place opens again. */
import { formatClock, formatDay, type Translator } from '../../i18n/index.ts';
import type { DoorStatus } from '../../domain/schedule.ts';
import { holidayName } from '../../i18n/holiday-names.ts';
import { SiteText, NODE_SLOT, withNode } from '../SiteText.tsx';

export function whenText(t: Translator['t'], minutes: number): string {
  if (minutes <= 0) return t('door.now');
  if (minutes < 60) return t('door.inMinutes', { n: minutes });
  return t('door.inHours', { h: Math.floor(minutes / 60), n: minutes % 60 });
}

export function TodayCard({ status, translator }: { status: DoorStatus; translator: Translator }) {
  const { t, language } = translator;
  const opening = status.nextOpening;
  const closedLine =
    status.phase === 'closed-day'
      ? status.holiday
        ? withNode(
            t('door.closedHoliday', { holiday: NODE_SLOT }),
            <SiteText text={holidayName(status.holiday)} language={language} />,
          )
        : t('door.closedToday')
      : status.phase === 'after-closing'
        ? t('door.closedNow')
        : undefined;
  return (
    <section class="today" aria-labelledby="today-heading">
      <h2 id="today-heading">{t('door.programme')}</h2>
      {closedLine ? <p class="closed">{closedLine}</p> : null}
      {opening && status.phase !== 'open' ? (
        <p class="next-opening">
          {opening.date === status.day
            ? t('door.opensToday', { time: formatClock(language, opening.open) })
            : t('door.opensNext', {
                day: formatDay(language, opening.date),
                time: formatClock(language, opening.open),
              })}
        </p>
      ) : null}
      {status.phase === 'open' && status.hours ? (
        <p class="open-until">
          {t('door.openUntil', { time: formatClock(language, status.hours.close) })}
        </p>
      ) : null}
      {status.next ? (
        <p class="next-up">
          {withNode(
            t('door.next', {
              title: NODE_SLOT,
              time: formatClock(language, status.next.item.time),
              when: whenText(t, status.next.minutesUntil),
            }),
            <SiteText text={status.next.item.title} language={language} />,
          )}
        </p>
      ) : null}
      {status.programme.length > 0 ? (
        <ul class="programme">
          {status.programme.map((item) => (
            <li key={item.id} class={status.next?.item.id === item.id ? 'is-next' : undefined}>
              <time>{formatClock(language, item.time)}</time>{' '}
              <SiteText text={item.title} language={language} />
            </li>
          ))}
        </ul>
      ) : status.phase !== 'closed-day' ? (
        <p>{t('door.noProgramme')}</p>
      ) : null}
    </section>
  );
}
