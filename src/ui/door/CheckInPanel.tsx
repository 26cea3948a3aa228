/**
 * The door's one action: Sjekk inn. The button answers the touch at once; Velkommen
 * shows only once the tap's transaction has committed ("Takk!" if it could not be, and
 * the tap is kept and retried). While the welcome shows, the button is gone, so a
 * second tap cannot count twice; "Én til" counts a companion on purpose, every press: each
 * is a person, counted on the button at once while the store's write queue saves them in turn.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translator } from '../../i18n/index.ts';
import type { SiteConfig } from '../../shared/site-config.ts';
import type { EventInput, KioskStore, WriteOutcome } from '../../state/index.ts';
import { localized } from '../localized.ts';
import { nextPaint } from '../next-paint.ts';

/** The user-timing mark of a door tap's commit (`npm run bench` reads it). */
export const TAP_STORED_MARK = 'terskel:tap-stored';

function markStored(): void {
  performance.clearMarks(TAP_STORED_MARK);
  performance.mark(TAP_STORED_MARK);
}

type Phase =
  | { name: 'idle' }
  | { name: 'saving' }
  | { name: 'welcome'; checkIn: EventInput; stored: boolean; answered: boolean; companions: number }
  | { name: 'unavailable' };

export interface CheckInPanelProps {
  store: KioskStore;
  config: SiteConfig;
  translator: Translator;
  afterClosing: boolean;
  /** Called when a welcome has cleared (the visitor's language choice ends there). */
  onWelcomeDone(): void;
  /** Called on every tap: the wake lock asks again on a gesture. */
  onTap?(): void;
  welcomeMs?: number;
  questionMs?: number;
}

export function CheckInPanel({
  store,
  config,
  translator: { t, language },
  afterClosing,
  onWelcomeDone,
  onTap,
  welcomeMs = 4000,
  questionMs = 12000,
}: CheckInPanelProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const busy = useRef(false);
  const button = useRef<HTMLButtonElement>(null);

  const welcome = phase.name === 'welcome' ? phase : undefined;
  const showQuestion = welcome !== undefined && config.question !== undefined && !welcome.answered;

  useEffect(() => {
    if (welcome === undefined) return;
    const timer = setTimeout(
      () => {
        setPhase({ name: 'idle' });
        setAnnouncement('');
        onWelcomeDone();
      },
      showQuestion ? questionMs : welcomeMs,
    );
    return () => clearTimeout(timer);
  }, [welcome, showQuestion, welcomeMs, questionMs, onWelcomeDone]);

  async function checkIn(companion: boolean, started?: Promise<WriteOutcome>) {
    if (busy.current && !companion) return;
    let settled = false;
    // The write starts in this very event (IndexedDB commits off the main thread) and the
    // touch is answered in this frame without a render: the pressed style is set on the
    // element. Velkommen renders after that frame has painted, so it never delays it;
    // "saving" renders only if the commit takes noticeably long.
    const stored = started ?? store.checkIn();
    // A shell tap's press was painted by the shell long ago: its Velkommen need not wait.
    const painted = started ? undefined : nextPaint();
    if (companion) {
      // Counted now, not when stored: a quick sixth press must already read +6.
      setPhase((current) =>
        current.name === 'welcome' ? { ...current, companions: current.companions + 1 } : current,
      );
    } else {
      busy.current = true;
      button.current?.setAttribute('data-state', 'saving');
      setTimeout(() => settled || setPhase({ name: 'saving' }), 150);
    }
    try {
      onTap?.();
      const outcome = await stored;
      if (outcome.stored) markStored();
      await painted;
      const checkIn = outcome.events[0];
      if (checkIn === undefined) return;
      setAnnouncement(outcome.stored ? t('door.welcome') : t('door.thanks'));
      setPhase((current) =>
        companion && current.name === 'welcome'
          ? { ...current, stored: current.stored && outcome.stored }
          : { name: 'welcome', checkIn, stored: outcome.stored, answered: false, companions: 0 },
      );
    } catch {
      setPhase({ name: 'unavailable' });
    } finally {
      settled = true;
      if (!companion) busy.current = false;
    }
  }

  useLayoutEffect(() => {
    // A tap on the shell must not be lost silently: it is this door's first tap, its write
    // already under way. Taken, not read: a door that mounts again must not count it twice.
    // A layout effect, so Velkommen does not wait for a frame to pass first.
    const early = store.shellTap.take();
    if (early) void checkIn(false, early);
  }, []);

  async function answer(optionId: string | undefined) {
    if (welcome === undefined) return;
    setPhase({ ...welcome, answered: true });
    if (optionId !== undefined) await store.answer(welcome.checkIn, optionId);
  }

  if (phase.name === 'unavailable') {
    return (
      <section class="check-in" aria-labelledby="check-in-status">
        <p id="check-in-status" role="alert" class="door-warning">
          {t('door.noStorage')}
        </p>
      </section>
    );
  }

  return (
    <section class="check-in">
      <p role="status" aria-live="polite" class={welcome ? 'welcome' : 'visually-hidden'}>
        {announcement}
      </p>
      {welcome === undefined ? (
        <button
          ref={button}
          type="button"
          class="check-in-button"
          aria-busy={phase.name === 'saving'}
          data-state={phase.name}
          onClick={() => void checkIn(false)}
        >
          {phase.name === 'saving' ? t('door.saving') : t('door.checkIn')}
        </button>
      ) : (
        <div class="welcome-panel">
          {afterClosing ? <p class="after-closing">{t('door.afterClosing')}</p> : null}
          {showQuestion && config.question ? (
            <fieldset class="question">
              <legend>{localized(config.question.text, language)}</legend>
              <div class="question-options">
                {config.question.options.map((option) => (
                  <button type="button" key={option.id} onClick={() => void answer(option.id)}>
                    {localized(option.label, language)}
                  </button>
                ))}
                <button type="button" class="secondary" onClick={() => void answer(undefined)}>
                  {t('door.skip')}
                </button>
              </div>
            </fieldset>
          ) : null}
          <div class="companions">
            <p>{t('door.oneMoreHint')}</p>
            <button type="button" class="secondary" onClick={() => void checkIn(true)}>
              {t('door.oneMore')}
              {welcome.companions > 0 ? ` (+${welcome.companions})` : ''}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
