/** The door screen: what a visitor sees and the only thing they need to touch. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatDay, isRightToLeft } from '../../i18n/index.ts';
import type { Language } from '../../shared/site-config.ts';
import {
  useDoorStatus,
  useNow,
  useObservable,
  useTranslator,
  useWordOfDay,
} from '../../state/index.ts';
import { CheckInPanel } from '../door/CheckInPanel.tsx';
import { useAfterPaint } from '../door/use-after-paint.ts';
import { LanguageSwitch } from '../door/LanguageSwitch.tsx';
import { StaffCorner } from '../door/StaffCorner.tsx';
import { useKioskStore } from '../store-context.ts';

export interface DoorProps {
  onStaff(): void;
  onTap?(): void;
  /** Whether the lead has closed today (taps after it show as "after closing"). */
  dayClosed?: boolean;
}

export function Door({ onStaff, onTap, dayClosed = false }: DoorProps) {
  const store = useKioskStore();
  const config = useObservable(store.config);
  const storageStatus = useObservable(store.storageStatus);
  const notice = useObservable(store.notice);
  useEffect(() => {
    if (notice === undefined) return;
    const timer = setTimeout(() => store.notice.set(undefined), 10_000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  const [chosen, setChosen] = useState<Language | undefined>(undefined);
  const language = chosen ?? config.defaultLanguage;
  const translator = useTranslator(language);
  const now = useNow(store);
  const status = useDoorStatus(config, now);
  const word = useWordOfDay(store, status.day);
  const wordItem = status.programme.find((item) => item.kind === 'word');
  const resetLanguage = useCallback(() => setChosen(undefined), []);
  const { t } = translator;
  // The questions and the user voice load after the first paint.
  // Always wanted: today's card lives there too (the first paint has a budget).
  const afterPaint = useAfterPaint(true);

  return (
    <main class="door" lang={language} dir={isRightToLeft(language) ? 'rtl' : 'ltr'}>
      <header class="door-header">
        {/* Closed is the first thing read; Sjekk inn still counts a tap. */}
        {afterPaint ? <afterPaint.ClosedNotice status={status} translator={translator} /> : null}
        <div>
          <h1>{config.name}</h1>
          <p class="door-date">
            {formatDay(language, status.day)}
            {afterPaint ? (
              <afterPaint.CalendarDate status={status} translator={translator} />
            ) : null}
          </p>
        </div>
      </header>
      {notice ? (
        <p class="door-notice" role="status">
          {notice}
        </p>
      ) : null}
      {storageStatus === 'unavailable' ? (
        <p role="alert" class="door-warning">
          {t('door.noStorage')}
        </p>
      ) : (
        <CheckInPanel
          config={config}
          translator={translator}
          afterClosing={dayClosed || status.phase === 'after-closing'}
          onWelcomeDone={resetLanguage}
          afterPaint={afterPaint}
          {...(onTap ? { onTap } : {})}
        />
      )}
      {afterPaint && config.capacity !== undefined && storageStatus !== 'unavailable' ? (
        <afterPaint.CheckOutPanel
          day={status.day}
          capacity={config.capacity}
          translator={translator}
          Voice={config.userVoice === 'checkout' ? afterPaint?.UserVoice : undefined}
        />
      ) : null}
      {afterPaint ? <afterPaint.UserVoiceButton config={config} translator={translator} /> : null}
      {/* Below the button, so the button sits where the HTML shell painted it (index.html). */}
      {config.languages.length > 1 ? (
        <LanguageSwitch
          languages={config.languages}
          current={language}
          translator={translator}
          onChoose={setChosen}
        />
      ) : null}
      <div class="door-info">
        {afterPaint ? <afterPaint.TodayCard status={status} translator={translator} /> : null}
        {afterPaint &&
        config.wordOfDay.enabled &&
        (wordItem || word) &&
        status.phase !== 'closed-day' ? (
          <afterPaint.WordCard
            word={word}
            time={wordItem?.time ?? config.wordOfDay.time}
            translator={translator}
          />
        ) : null}
      </div>
      <StaffCorner label={t('door.staff')} onOpen={onStaff} />
    </main>
  );
}
