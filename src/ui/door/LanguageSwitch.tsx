/** The visitor's language choice: each language named in itself. */
import type { Translator } from '../../i18n/index.ts';
import type { Language } from '../../shared/site-config.ts';

export function LanguageSwitch({
  languages,
  current,
  translator,
  onChoose,
}: {
  languages: readonly Language[];
  current: Language;
  translator: Translator;
  onChoose(language: Language): void;
}) {
  return (
    <nav class="language-switch" aria-label={translator.t('door.language')}>
      {languages.map((language) => (
        <button
          type="button"
          key={language}
          lang={language}
          aria-pressed={language === current}
          onClick={() => onChoose(language)}
        >
          {translator.t(`lang.${language}`)}
        </button>
      ))}
    </nav>
  );
}
