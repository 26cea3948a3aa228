/** The *Ord for dagen* plan: one entry per date, typed in or imported ahead of time. */
import type { WordOfDay } from '../shared/site-config.ts';
import type { TerskelDatabase } from './database.ts';

export function wordOn(db: TerskelDatabase, date: string): Promise<WordOfDay | undefined> {
  return db.words.get(date);
}

/** Stores a whole plan in one transaction, replacing entries for the same dates. */
export async function putWords(db: TerskelDatabase, words: readonly WordOfDay[]): Promise<void> {
  await db.transaction('rw', db.words, () => db.words.bulkPut([...words]));
}
