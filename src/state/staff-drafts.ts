/**
 * Staff drafts: what was typed into a staff field, kept as it is typed so that it outlives the
 * session. Separate from staff-session.ts, which owns when a session ends by itself: a draft is
 * what survives that end, and the app (ui/App.tsx) holds the drafts from one sign-in to the next.
 */
import { useState } from 'preact/hooks';

/**
 * Half-typed fields, kept by the app across sessions: a screen that closed by itself gives
 * them back at the next sign-in. Keys name the field (`backfill.amount`).
 */
export type Drafts = Map<string, string>;

/** A field's value kept in `drafts` as it is typed (plain state when there are none). */
export function useDraft(
  drafts: Drafts | undefined,
  key: string,
  initial = '',
): [string, (value: string) => void] {
  const [value, setValue] = useState(() => drafts?.get(key) ?? initial);
  return [
    value,
    (next: string) => {
      if (next === initial) drafts?.delete(key);
      else drafts?.set(key, next);
      setValue(next);
    },
  ];
}
