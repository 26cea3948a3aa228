/** Picks a language's text from a config's localized text, falling back to bokmål. */
import type { Language, LocalizedText } from '../shared/site-config.ts';

export function localized(text: LocalizedText, language: Language): string {
  return text[language] || text.nb;
}
