/**
 * A site's own text on the door, in the visitor's language. Where the site has no text in
 * that language, bokmål shows, isolated (`<bdi lang="nb">`): inside an Arabic page a bokmål
 * "Første gang her?" keeps its own direction instead of being drawn as "?Første gang her".
 */
import type { ComponentChildren } from 'preact';
import type { Language, LocalizedText } from '../shared/site-config.ts';

export function SiteText({ text, language }: { text: LocalizedText; language: Language }) {
  const own = text[language];
  return own || language === 'nb' ? <>{own || text.nb}</> : <bdi lang="nb">{text.nb}</bdi>;
}

/** Stands in a message for the one part given as a node (see `withNode`). */
export const NODE_SLOT = '\uFFFC';

/**
 * A message filled in with `NODE_SLOT` for one parameter, with that slot replaced by a node:
 * `withNode(t('door.next', { title: NODE_SLOT, … }), <SiteText … />)`.
 */
export function withNode(message: string, node: ComponentChildren) {
  const [before, after] = message.split(NODE_SLOT);
  return (
    <>
      {before}
      {node}
      {after}
    </>
  );
}
