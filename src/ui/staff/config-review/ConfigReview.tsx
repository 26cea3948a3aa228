/**
 * The lead's view of the endpoint's version of the site's settings when it waits for them: on
 * the first follow, when it differs from this tablet's («Bruk innstillingene fra endepunktet» /
 * «Behold mine og publiser dem»); after a publish that came too late («Bruk endepunktets
 * versjon» / «Publiser mine likevel»); a version that is not valid; a publish the endpoint
 * refused. Its own chunk, with its own texts, loaded from the network when it is shown.
 */
import { useState } from 'preact/hooks';
import { nbConfigReview } from '../../../i18n/nb-config-review.ts';
import { enConfigReview } from '../../../i18n/en-config-review.ts';
import {
  addSourceMessages,
  createTranslator,
  type MessageKey,
  type Translator,
} from '../../../i18n/index.ts';
import type { ConfigSyncState, SyncController } from '../../../state/sync.ts';
import { differences } from './differences.ts';

addSourceMessages(nbConfigReview);

/** The staff translator, with this view's English texts when the staff speak English. */
function withOwnTexts(translator: Translator): Translator {
  if (translator.language !== 'en') return translator;
  const own = createTranslator('en', enConfigReview);
  return {
    language: 'en',
    t: (key, params) => (key in enConfigReview ? own.t(key, params) : translator.t(key, params)),
  };
}

function formatInstant(language: string, iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function ConfigReview({
  sync,
  state,
  translator: staff,
}: {
  sync: SyncController;
  state: ConfigSyncState;
  translator: Translator;
}) {
  const translator = withOwnTexts(staff);
  const { t } = translator;
  const [busy, setBusy] = useState(false);
  const { review, invalid, issues } = state;
  const choose = (choice: 'theirs' | 'mine') => {
    setBusy(true);
    void sync.config.choose(choice).finally(() => setBusy(false));
  };
  const kind = review?.kind === 'first' ? 'first' : 'conflict';
  const listed = review
    ? differences(translator, sync.config.ownConfig(), review.current.config)
    : [];
  return (
    <>
      {invalid ? (
        <p class="staff-message warn" role="alert">
          {t('config.invalid', { version: invalid.version, issue: invalid.issue })}
        </p>
      ) : null}
      {issues ? (
        <div class="staff-message warn" role="alert">
          <p>{t('config.refused')}</p>
          <ul>
            {issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {review ? (
        <section class="settings-part" aria-labelledby="config-review-title">
          <h3 id="config-review-title">{t(`config.${kind}.title` as MessageKey)}</h3>
          <p>
            {t(`config.${kind}.text` as MessageKey, {
              version: review.current.version,
              at: formatInstant(translator.language, review.current.updatedAt),
              by: review.current.updatedBy,
            })}
          </p>
          <ul>
            {listed.length === 0 ? (
              <li>{t('config.diff.none')}</li>
            ) : (
              listed.map((difference) => (
                <li key={difference.key + JSON.stringify(difference.params)}>
                  {t(difference.key, difference.params)}
                </li>
              ))
            )}
          </ul>
          <button type="button" disabled={busy} onClick={() => choose('theirs')}>
            {t(`config.${kind}.theirs` as MessageKey)}
          </button>{' '}
          <button type="button" class="secondary" disabled={busy} onClick={() => choose('mine')}>
            {t(`config.${kind}.mine` as MessageKey)}
          </button>
        </section>
      ) : null}
    </>
  );
}
