/**
 * A staff session: when it ends by itself (which screens a role may open: staff-screens.ts). It owns
 * the rule that staff screens warn ten seconds before they return to the door after the idle
 * timeout, and that a half-typed number only lengthens the wait (its text kept as a draft:
 * staff-drafts.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translator } from '../i18n/index.ts';
import type { KioskStore } from './kiosk-store.ts';
import { useTranslator } from './language.ts';
import { useObservable } from './use-observable.ts';

export { mayOpen, STAFF_SCREENS, type StaffScreen } from './staff-screens.ts';

/** Staff screens speak the site's default language (bokmål unless the lead chose another). */
export function useStaffTranslator(store: KioskStore): Translator {
  return useTranslator(useObservable(store.config).defaultLanguage);
}

export interface IdleClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realClock: IdleClock = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** How long before the screen closes the "Fortsatt her?" warning shows. */
export const WARN_BEFORE_MS = 10_000;
/**
 * How much longer a screen stays open while a typing field has focus: a half-typed number
 * must not keep a staff screen open for good in reach of visitors (what was typed is kept as
 * a draft, see `useDraft`).
 */
export const TYPING_GRACE_MS = 3 * 60_000;

/** What an idle timer tells: the warning, input after it, and the end. */
export interface IdleHandlers {
  onIdle(): void;
  /** `WARN_BEFORE_MS` before `onIdle` (at once when the timeout is shorter than that). */
  onWarn?(): void;
  /** Input after the warning: the count starts again. */
  onActive?(): void;
}

export interface IdleOptions {
  clock?: IdleClock;
  warnMs?: number;
  graceMs?: number;
}

/**
 * Counts down to `onIdle`, warning first; input restarts it; a hold (a focused typing field)
 * lengthens it by the grace, but never stops it.
 */
export interface IdleTimer {
  touch(): void;
  hold(): void;
  release(): void;
  stop(): void;
}

export function createIdleTimer(
  timeoutMs: number,
  handlers: IdleHandlers,
  { clock = realClock, warnMs = WARN_BEFORE_MS, graceMs = TYPING_GRACE_MS }: IdleOptions = {},
): IdleTimer {
  let timers: unknown[] = [];
  let held = false;
  let stopped = false;
  let warned = false;
  const clear = () => {
    for (const timer of timers) clock.clearTimeout(timer);
    timers = [];
  };
  const restart = () => {
    clear();
    if (stopped) return;
    if (warned) {
      warned = false;
      handlers.onActive?.();
    }
    const limit = timeoutMs + (held ? graceMs : 0);
    timers = [
      clock.setTimeout(
        () => {
          warned = true;
          handlers.onWarn?.();
        },
        Math.max(0, limit - warnMs),
      ),
      clock.setTimeout(() => {
        timers = [];
        if (!stopped) handlers.onIdle();
      }, limit),
    ];
  };
  restart();
  return {
    touch: restart,
    hold() {
      if (held) return;
      held = true;
      restart();
    },
    release() {
      if (!held) return;
      held = false;
      restart();
    },
    stop() {
      stopped = true;
      clear();
    },
  };
}

/** Fields whose focus lengthens the count: anything typed into, not buttons or choices. */
function isTypingField(target: EventTarget | null): boolean {
  if (typeof HTMLTextAreaElement !== 'undefined' && target instanceof HTMLTextAreaElement) {
    return true;
  }
  if (typeof HTMLInputElement === 'undefined' || !(target instanceof HTMLInputElement)) {
    return false;
  }
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file'].includes(
    target.type,
  );
}

/** Whether the "Fortsatt her?" warning shows, and the answer that keeps the screen open. */
export interface IdleWarning {
  warning: boolean;
  stay(): void;
}

/**
 * Returns to the door after `timeoutMs` without input inside `root` (no timer while it is
 * undefined), with a warning `WARN_BEFORE_MS` before. Pointer, key and input events restart
 * the count; focus in a typing field adds `TYPING_GRACE_MS` to it, no more.
 */
export function useIdleReturn(
  root: { readonly current: HTMLElement | null },
  timeoutMs: number | undefined,
  onIdle: () => void,
): IdleWarning {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  const [warning, setWarning] = useState(false);
  const timerRef = useRef<IdleTimer | undefined>(undefined);
  useEffect(() => {
    const element = root.current;
    if (timeoutMs === undefined) return;
    const timer = createIdleTimer(timeoutMs, {
      onIdle: () => latest.current(),
      onWarn: () => setWarning(true),
      onActive: () => setWarning(false),
    });
    timerRef.current = timer;
    const stop = () => {
      timer.stop();
      timerRef.current = undefined;
      setWarning(false);
    };
    if (element === null) return stop;
    // A field removed while focused may never send blur: every input re-reads the focus.
    const touch = () => {
      if (isTypingField(element.ownerDocument.activeElement)) timer.hold();
      else timer.release();
      timer.touch();
    };
    touch();
    const options = { capture: true, passive: true } as const;
    const events = ['pointerdown', 'keydown', 'input', 'focus', 'blur'] as const;
    for (const name of events) element.addEventListener(name, touch, options);
    return () => {
      stop();
      for (const name of events) element.removeEventListener(name, touch, options);
    };
  }, [root, timeoutMs]);
  return { warning, stay: () => timerRef.current?.touch() };
}
