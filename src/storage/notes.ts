/**
 * The lead's note for a day. It stays on this tablet: sync and backups never read this
 * table, so nothing written here ever leaves the device.
 */
import type { TerskelDatabase } from './database.ts';

export async function noteOn(db: TerskelDatabase, day: string): Promise<string> {
  return (await db.notes.get(day))?.text ?? '';
}

/** Saves a day's note; an empty note removes it. */
export async function saveNote(db: TerskelDatabase, day: string, text: string): Promise<void> {
  const trimmed = text.trim();
  if (trimmed === '') await db.notes.delete(day);
  else await db.notes.put({ day, text: trimmed });
}
