/**
 * Whether the lead's settings have reached the endpoint ("ikke publisert" until they have), and
 * the view of a difference or a conflict when the endpoint's version waits for the lead. That
 * view is only ever shown after talking to the endpoint, so it loads then, from the network
 * (config-review/ is kept out of the precache).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translator } from '../../../i18n/index.ts';
import { useObservable } from '../../../state/index.ts';
import type { SyncController } from '../../../state/sync.ts';

type Review = typeof import('../config-review/ConfigReview.tsx').ConfigReview;

export function Publication({
  sync,
  translator,
}: {
  sync: SyncController;
  translator: Translator;
}) {
  const state = useObservable(sync.config.state);
  const [Review, setReview] = useState<Review>();
  const waits = Boolean(state.review || state.issues || state.invalid);
  useEffect(() => {
    if (waits)
      void import('../config-review/ConfigReview.tsx').then(
        (module) => setReview(() => module.ConfigReview),
        () => undefined,
      );
  }, [waits]);
  return (
    <>
      {state.unpublished ? (
        <p class="staff-message warn" role="status">
          {translator.t('sync.unpublished')}
        </p>
      ) : null}
      {waits && Review ? <Review sync={sync} state={state} translator={translator} /> : null}
    </>
  );
}

/** After the lead changed the site's settings or plan: a paired tablet publishes them. */
export function publishChange(sync: SyncController | undefined): void {
  if (sync?.status.get().paired) void sync.config.changed().catch(() => undefined);
}
