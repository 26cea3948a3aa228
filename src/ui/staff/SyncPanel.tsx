/**
 * Sync state in plain Norwegian for staff: where the tablet sends its counts, when it last
 * succeeded, what is waiting, the last error and a clock warning; and pairing by code.
 */
import { useState } from 'preact/hooks';
import { createTranslator } from '../../i18n/index.ts';
import { useObservable } from '../../state/index.ts';
import { MAX_CLOCK_SKEW_MS, type SyncController, type SyncStatus } from '../../state/sync.ts';
import { pairingMessage } from '../pairing-words.ts';

const translator = createTranslator('nb');
const { t } = translator;

/** How a held day is worded, by why the endpoint held it. */
const HELD_MESSAGES = {
  invalid: 'sync.held',
  'date-range': 'sync.held.dateRange',
  replicas: 'sync.held.replicas',
} as const satisfies Record<SyncStatus['held'][number]['reason'], string>;

function formatInstant(ms: number): string {
  return new Intl.DateTimeFormat('nb', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(ms),
  );
}

export function SyncPanel({ sync }: { sync: SyncController }) {
  const status = useObservable(sync.status);
  const [endpoint, setEndpoint] = useState(
    status.endpoint ?? (typeof location === 'object' ? location.origin : ''),
  );
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [pairing, setPairing] = useState(false);

  async function pair(event: Event) {
    event.preventDefault();
    setPairing(true);
    const outcome = await sync.pairWithCode(endpoint.trim(), code);
    setPairing(false);
    const ok = outcome.code === 'paired';
    setMessage({ ok, text: pairingMessage(translator, outcome, 'sync.pairedOk') });
    if (ok) setCode('');
  }

  const skewMinutes =
    status.skewMs !== undefined ? Math.round(Math.abs(status.skewMs) / 60_000) : 0;
  return (
    <section class="sync-panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('sync.title')}</h2>
      {status.needsPairing ? (
        <p role="alert">{t('sync.needsPairing')}</p>
      ) : status.paired ? (
        <p>{t('sync.paired', { site: status.site ?? '', endpoint: status.endpoint ?? '' })}</p>
      ) : (
        <p>{t('sync.notPaired')}</p>
      )}
      {status.paired ? (
        <>
          <p>
            {status.lastSuccessAt
              ? t('sync.lastSuccess', { time: formatInstant(status.lastSuccessAt) })
              : t('sync.never')}{' '}
            {status.waitingDays === 1
              ? t('sync.waitingOne')
              : status.waitingDays > 1
                ? t('sync.waiting', { n: status.waitingDays })
                : t('sync.allSent')}
          </p>
          {status.lastError ? (
            <p>
              {t(
                status.lastError.code === 'no-contact'
                  ? 'sync.lastError.noContact'
                  : 'sync.lastError.refused',
                { detail: status.lastError.detail },
              )}
            </p>
          ) : null}
          {status.skewMs !== undefined && Math.abs(status.skewMs) > MAX_CLOCK_SKEW_MS ? (
            <p role="alert">{t('sync.clockSkew', { minutes: skewMinutes })}</p>
          ) : null}
          {status.held.map((day) => (
            <p key={`${day.replica}|${day.day}`}>
              {t(HELD_MESSAGES[day.reason], { day: day.day, message: day.message })}
            </p>
          ))}
          <button
            type="button"
            disabled={status.running}
            onClick={() => void sync.trigger('manual')}
          >
            {status.running ? t('sync.running') : t('sync.now')}
          </button>
        </>
      ) : null}
      <form class="pair-form" onSubmit={(event) => void pair(event)}>
        <h3>{t('sync.pairTitle')}</h3>
        <p>{t('sync.pairHelp')}</p>
        <label>
          {t('sync.endpoint')}
          <input
            type="url"
            inputMode="url"
            value={endpoint}
            onInput={(e) => setEndpoint(e.currentTarget.value)}
            required
          />
        </label>
        <label>
          {t('sync.code')}
          <input
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            placeholder="ABCDE-12345"
            onInput={(e) => setCode(e.currentTarget.value)}
            required
          />
        </label>
        <button type="submit" disabled={pairing}>
          {t('sync.pair')}
        </button>
        {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      </form>
    </section>
  );
}
