/**
 * The door's language: the site's default, or a visitor's choice that lasts until the
 * welcome has been shown. Catalogues other than bokmål load only when picked.
 */
import { useEffect, useState } from 'preact/hooks';
import { createTranslator, loadCatalogue, type Translator } from '../i18n/index.ts';
import type { Language } from '../shared/site-config.ts';

/** A translator for a language, bokmål at once and the rest once their catalogue loaded. */
export function useTranslator(language: Language): Translator {
  const [translator, setTranslator] = useState(() => createTranslator(language));
  useEffect(() => {
    let current = true;
    if (language === 'nb') {
      setTranslator(createTranslator('nb'));
      return;
    }
    void loadCatalogue(language).then((catalogue) => {
      if (current) setTranslator(createTranslator(language, catalogue));
    });
    return () => {
      current = false;
    };
  }, [language]);
  return translator;
}
