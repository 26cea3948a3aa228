/**
 * A staff session: which screens a role may open and when the session ends by itself. It owns
 * the rule that staff screens return to the door after the idle timeout, but never while
 * someone is typing a number — only once the field has been left and the timeout has passed.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Translator } from '../i18n/index.ts';
import type { KioskStore } from './kiosk-store.ts';
import { useTranslator } from './language.ts';
import type { StaffRole } from './pins.ts';
import { useObservable } from './use-observable.ts';

/** The staff screens, by route segment. */
export const STAFF_SCREENS = [
  'tally',
  'closing',
  'history',
  'funder-report',
  'settings',
  'self-test',
] as const;
export type StaffScreen = (typeof STAFF_SCREENS)[number];

/** Whether a role may open a screen: volunteers tally, the lead does everything. */
export function mayOpen(role: StaffRole, screen: StaffScreen): boolean {
  return role === 'lead' || screen === 'tally';
}

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

/** Counts down to `onIdle`; input restarts it; a hold (a focused number field) pauses it. */
export interface IdleTimer {
  touch(): void;
  hold(): void;
  release(): void;
  stop(): void;
}

export function createIdleTimer(
  timeoutMs: number,
  onIdle: () => void,
  clock: IdleClock = realClock,
): IdleTimer {
  let timer: unknown;
  let held = false;
  let stopped = false;
  const clear = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  const restart = () => {
    clear();
    if (held || stopped) return;
    timer = clock.setTimeout(() => {
      timer = undefined;
      if (!held && !stopped) onIdle();
    }, timeoutMs);
  };
  restart();
  return {
    touch: restart,
    hold() {
      held = true;
      clear();
    },
    release() {
      held = false;
      restart();
    },
    stop() {
      stopped = true;
      clear();
    },
  };
}

/** Fields whose focus holds the timer: anything typed into, not buttons or choices. */
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

/**
 * Returns to the door after `timeoutMs` without input inside `root` (no timer while it is
 * undefined). Pointer, key and input events restart the count; focus in a typing field holds
 * it until the field is left.
 */
export function useIdleReturn(
  root: { readonly current: HTMLElement | null },
  timeoutMs: number | undefined,
  onIdle: () => void,
): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    const element = root.current;
    if (timeoutMs === undefined) return;
    const timer = createIdleTimer(timeoutMs, () => latest.current());
    if (element === null) return () => timer.stop();
    if (isTypingField(element.ownerDocument.activeElement)) timer.hold();
    // A field removed while focused may never send blur: every input re-reads the focus.
    const touch = () => {
      if (isTypingField(element.ownerDocument.activeElement)) timer.hold();
      else timer.release();
    };
    const focus = (event: Event) => {
      if (isTypingField(event.target)) timer.hold();
    };
    const blur = (event: Event) => {
      if (isTypingField(event.target)) timer.release();
    };
    const input = (event: Event) => {
      // Typing keeps holding while the field has focus; elsewhere it is just input.
      if (!isTypingField(event.target)) touch();
    };
    const options = { capture: true, passive: true } as const;
    element.addEventListener('pointerdown', touch, options);
    element.addEventListener('keydown', touch, options);
    element.addEventListener('input', input, options);
    element.addEventListener('focus', focus, options);
    element.addEventListener('blur', blur, options);
    return () => {
      timer.stop();
      element.removeEventListener('pointerdown', touch, options);
      element.removeEventListener('keydown', touch, options);
      element.removeEventListener('input', input, options);
      element.removeEventListener('focus', focus, options);
      element.removeEventListener('blur', blur, options);
    };
  }, [root, timeoutMs]);
}
