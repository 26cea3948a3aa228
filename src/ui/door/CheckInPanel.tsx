/**
 * The door's one action: Sjekk inn. The button answers the touch at once; Velkommen
 * shows only once the tap's transaction has committed ("Takk!" if it could not be, and
 * the tap is kept and retried). While the welcome shows, the button is gone, so a
 * second tap cannot count twice; "Én til" counts a companion on purpose, every press: each
 * is a person, counted on the button at once while the store's write queue saves them in turn.
 * While the
 * site's questions are asked (DoorQuestions, in the after-paint chunk) Sjekk inn stays
 * reachable: the next visitor's tap ends the previous visitor's questions.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AfterPaint } from './use-after-paint.ts';
import type { Translator } from '../../i18n/index.ts';
import type { SiteConfig } from '../../shared/site-config.ts';
import type { EventInput, WriteOutcome } from '../../state/index.ts';
import { useKioskStore } from '../store-context.ts';
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
  | {
      name: 'welcome';
      checkIn: EventInput;
      stored: boolean;
      asking: boolean;
      companions: number;
    }
  | { name: 'unavailable' };

export interface CheckInPanelProps {
  config: SiteConfig;
  translator: Translator;
  afterClosing: boolean;
  /** Called when a welcome has cleared (the visitor's language choice ends there). */
  onWelcomeDone(): void;
  /** Called on every tap: the wake lock asks again on a gesture. */
  onTap?(): void;
  welcomeMs?: number;
  /** How long a question waits for a touch before it counts as not answered. */
  questionMs?: number;
  /** A second Sjekk inn this soon after a visitor's is the same finger, not a new visitor. */
  doubleTapMs?: number;
  /** The door's after-paint chunk, once loaded: it asks the questions. */
  afterPaint?: AfterPaint | undefined;
}

export function CheckInPanel({
  config,
  translator,
  afterClosing,
  onWelcomeDone,
  onTap,
  welcomeMs = 4000,
  questionMs = 8000,
  doubleTapMs = 1000,
  afterPaint,
}: CheckInPanelProps) {
  const store = useKioskStore();
  const { t } = translator;
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const busy = useRef(false);
  const button = useRef<HTMLButtonElement>(null);

  const welcome = phase.name === 'welcome' ? phase : undefined;
  const Questions = afterPaint?.DoorQuestions;
  const lastTap = useRef(-Infinity);

  useEffect(() => {
    // The questions keep the welcome up until they are done; then it clears as usual.
    if (welcome === undefined || welcome.asking) return;
    const timer = setTimeout(() => {
      // The next visitor finds the door as the last one did, not scrolled down to Én til.
      scrollTo(0, 0);
      setPhase({ name: 'idle' });
      setAnnouncement('');
      onWelcomeDone();
    }, welcomeMs);
    return () => clearTimeout(timer);
  }, [welcome, welcomeMs, onWelcomeDone]);

  async function checkIn(companion: boolean, started?: Promise<WriteOutcome>) {
    if (busy.current && !companion) return;
    // Sjekk inn stays on screen while questions are asked: a double tap must not count twice.
    if (!companion && started === undefined) {
      if (performance.now() - lastTap.current < doubleTapMs) return;
      lastTap.current = performance.now();
    }
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
      const outcome = await stored;
      if (outcome.stored) markStored();
      // The wake lock asks again once the tap is stored: nothing else shares its task.
      onTap?.();
      await painted;
      const checkIn = outcome.events[0];
      if (checkIn === undefined) return;
      setAnnouncement(outcome.stored ? t('door.welcome') : t('door.thanks'));
      setPhase((current) =>
        companion && current.name === 'welcome'
          ? { ...current, stored: current.stored && outcome.stored }
          : {
              name: 'welcome',
              checkIn,
              stored: outcome.stored,
              // Asked once the questions have loaded (just after the first paint).
              asking: !!config.questions,
              companions: 0,
            },
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

  const questionsDone = () =>
    setPhase((current) => (current.name === 'welcome' ? { ...current, asking: false } : current));

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
      {welcome === undefined || welcome.asking ? (
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
      ) : null}
      {welcome ? (
        <div class="welcome-panel">
          {afterClosing ? <p class="after-closing">{t('door.afterClosing')}</p> : null}
          {welcome.asking && Questions ? (
            <Questions
              // Each visitor's own questions: a new check-in ends the previous one's.
              key={welcome.checkIn}
              config={config}
              translator={translator}
              checkIn={welcome.checkIn}
              questionMs={questionMs}
              onDone={questionsDone}
            />
          ) : null}
          <div class="companions">
            <p>{t('door.oneMoreHint')}</p>
            <button type="button" class="secondary" onClick={() => void checkIn(true)}>
              {t('door.oneMore')}
              {welcome.companions > 0 ? ` (+${welcome.companions})` : ''}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
