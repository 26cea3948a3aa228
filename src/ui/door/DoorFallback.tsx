/**
 * The door's way back from a configuration that breaks it, loaded after the guard in App.tsx
 * caught a render failure: state/door-fallback.ts picks the next configuration, BareDoor is last.
 */
import type { Component, ComponentType } from 'preact';
import type { KioskStore } from '../../state/index.ts';
import { BareDoor, type BareDoorProps } from './BareDoor.tsx';

const doorFallback = () => import('../../state/door-fallback.ts');

export interface GuardState {
  /** What broke the door; it shows the shell until the next step back is in place. */
  failed?: unknown;
  Bare?: ComponentType<BareDoorProps>;
}

type Guard = Component<{ store: KioskStore }, GuardState> & { failures?: number };

/** After the guard caught a failure: the next configuration to try, or the bare door. */
export async function fallBack(guard: Guard, error: unknown): Promise<void> {
  const fallback = await doorFallback();
  const { store } = guard.props;
  // Each step back validates, so a loop means a render bug: then the bare door ends it.
  guard.failures = (guard.failures ?? 0) + 1;
  const next = guard.failures > 3 ? undefined : fallback.fallbacksFor(store, error)[0];
  if (next) fallback.applyFallback(store, next);
  else store.setConfig(await fallback.bareDoorConfig());
  guard.setState({ failed: undefined, Bare: next ? undefined : BareDoor });
}
