/**
 * Where a place has a capacity: how many are here now ("8 av 15 er her nå"), a calm note when
 * it is full, and Sjekk ut. Check-in stays open when full: the door never turns anyone away.
 * Where the site asks it, "Hvordan var det i dag?" follows Sjekk ut (UserVoice).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translator } from '../../i18n/index.ts';
import { useKioskStore } from '../store-context.ts';
import { checkOut, useOccupancy } from '../../state/occupancy.ts';
import type { AfterPaint } from './use-after-paint.ts';

export function CheckOutPanel({
  day,
  capacity,
  translator,
  Voice,
  byeMs = 4000,
}: {
  day: string;
  capacity: number;
  translator: Translator;
  /** The user voice, where it is asked after Sjekk ut (from the after-paint chunk). */
  Voice?: AfterPaint['UserVoice'] | undefined;
  byeMs?: number;
}) {
  const store = useKioskStore();
  const [voice, setVoice] = useState(false);
  const { t } = translator;
  const present = useOccupancy(store, day, true);
  const [bye, setBye] = useState(false);
  const busy = useRef(false);
  useEffect(() => {
    if (!bye) return;
    const timer = setTimeout(() => setBye(false), byeMs);
    return () => clearTimeout(timer);
  }, [bye, byeMs]);

  async function leave() {
    if (busy.current) return;
    busy.current = true;
    try {
      await checkOut(store);
      setBye(true);
      setVoice(true);
    } finally {
      busy.current = false;
    }
  }

  return (
    <section class="occupancy">
      {present !== undefined ? (
        <p class="occupancy-count">{t('door.occupancy', { n: present, capacity })}</p>
      ) : null}
      {present !== undefined && present >= capacity ? (
        <p class="occupancy-full">{t('door.full')}</p>
      ) : null}
      <p role="status" class={bye ? 'bye' : 'visually-hidden'}>
        {bye ? t('door.checkedOut') : ''}
      </p>
      {voice && Voice ? <Voice translator={translator} onDone={() => setVoice(false)} /> : null}
      <button type="button" class="secondary check-out-button" onClick={() => void leave()}>
        {t('door.checkOut')}
      </button>
    </section>
  );
}
