/** Today's programme: what is left of it and what is next (the closed notice says when it opens). */
import { formatClock, type Translator } from '../../i18n/index.ts';
import '../../i18n/today.ts';
import type { DoorStatus } from '../../domain/schedule.ts';
import { SiteText, NODE_SLOT, withNode } from '../SiteText.tsx';

export function whenText(t: Translator['t'], minutes: number): string {
  if (minutes <= 0) return t('door.now');
  if (minutes < 60) return t('door.inMinutes', { n: minutes });
  return t('door.inHours', { h: Math.floor(minutes / 60), n: minutes % 60 });
}

export function TodayCard({ status, translator }: { status: DoorStatus; translator: Translator }) {
  const { t, language } = translator;
  // A closed day has no programme, and a finished day none left: the closed notice says it all.
  const over = status.phase === 'closed-day' || status.phase === 'after-closing';
  if (over && status.programme.length === 0) return null;
  return (
    <section class="today" aria-labelledby="today-heading">
      <h2 id="today-heading">{t('door.programme')}</h2>
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
      ) : (
        <p>{t('door.noProgramme')}</p>
      )}
    </section>
  );
}
