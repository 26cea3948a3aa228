/** Today's *Ord for dagen*: the planned word, or just the time it is held. */
import { formatClock, type Translator } from '../../i18n/index.ts';
import type { WordOfDay } from '../../shared/site-config.ts';

export function WordCard({
  word,
  time,
  translator,
}: {
  word?: WordOfDay;
  time: string;
  translator: Translator;
}) {
  const { t, language } = translator;
  return (
    <section class="word" aria-labelledby="word-heading">
      <h2 id="word-heading">{t('door.wordOfDay')}</h2>
      {word ? (
        <>
          <p class="word-title">{word.title}</p>
          {word.text ? <p class="word-text">{word.text}</p> : null}
          {word.reference || word.speaker ? (
            <p class="word-meta">{[word.reference, word.speaker].filter(Boolean).join(' · ')}</p>
          ) : null}
        </>
      ) : null}
      <p class="word-time">{t('door.wordAt', { time: formatClock(language, time) })}</p>
    </section>
  );
}
