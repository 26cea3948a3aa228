/**
 * The door's way back from a configuration that breaks it, after the first paint: the check
 * that throws to the guard in App.tsx when the configuration fails validation, and the step
 * back the guard takes (state/door-fallback.ts picks the configuration; BareDoor is the last).
 */
import type { Component, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { KioskStore } from '../../state/index.ts';
import { useKioskStore } from '../store-context.ts';
import { BareDoor, type BareDoorProps } from './BareDoor.tsx';

const doorFallback = () => import('../../state/door-fallback.ts');

export interface GuardState {
  /** What broke the door; it shows the shell until the next step back is in place. */
  failed?: unknown;
  Bare?: ComponentType<BareDoorProps>;
}

type Guard = Component<{ store: KioskStore }, GuardState> & { failures?: number };

/**
 * Validates every configuration the door is given (the first paint's copy is not parsed) and
 * remembers the ones that pass; one that fails is thrown to the guard, even if it rendered.
 */
export function ConfigCheck() {
  const store = useKioskStore();
  const [broken, setBroken] = useState<Error>();
  useEffect(() => {
    let unwatch: (() => void) | undefined;
    let current = true;
    void doorFallback().then((fallback) => {
      if (!current) return;
      const check = () =>
        fallback.rememberRendered(store) || setBroken(new Error('invalid configuration'));
      unwatch = store.config.subscribe(check);
      check();
    });
    return () => {
      current = false;
      unwatch?.();
    };
  }, [store]);
  if (broken) throw broken;
  return null;
}

/** After the guard caught a failure: the next configuration to try, or the bare door. */
export async function fallBack(guard: Guard, error: unknown): Promise<void> {
  const fallback = await doorFallback();
  const { store } = guard.props;
  // Each step back validates, so a loop means a render bug: then the bare door ends it.
  guard.failures = (guard.failures ?? 0) + 1;
  const next = guard.failures > 3 ? undefined : fallback.fallbacksFor(store, error)[0];
  if (next) fallback.useFallback(store, next);
  else store.setConfig(await fallback.bareDoorConfig());
  guard.setState({ failed: undefined, Bare: next ? undefined : BareDoor });
}
