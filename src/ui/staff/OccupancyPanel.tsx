/**
 * Staff's view of who is here now, for a place with a capacity, and the correction "her nå: N"
 * for people who left without checking out. The correction is recorded as staff events.
 */
import { useState } from 'preact/hooks';
import { correctOccupancy, useOccupancy, useStaffTranslator } from '../../state/staff.ts';
import { useKioskStore } from '../store-context.ts';

export function OccupancyPanel({ capacity }: { capacity: number }) {
  const store = useKioskStore();
  const { t } = useStaffTranslator(store);
  const day = store.dayOf(store.now()).day;
  const present = useOccupancy(store, day, true);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  async function correct(event: Event) {
    event.preventDefault();
    const text = typed.trim();
    if (!/^\d{1,5}$/.test(text)) {
      setMessage({ ok: false, text: t('staff.backfill.notWhole') });
      return;
    }
    await correctOccupancy(store, Number(text));
    setTyped('');
    setMessage({
      ok: true,
      text: t('staff.tally.saved', { what: t('staff.occupancy.title') + ': ' + text }),
    });
  }

  return (
    <section class="occupancy-panel" aria-labelledby="occupancy-title">
      <h2 id="occupancy-title">{t('staff.occupancy.title')}</h2>
      <p>{present === undefined ? '…' : t('door.occupancy', { n: present, capacity })}</p>
      <form class="staff-actions" onSubmit={(event) => void correct(event)} noValidate>
        <label class="field">
          {t('staff.occupancy.title')}
          <input
            inputMode="numeric"
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('staff.occupancy.set')}</button>
      </form>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} class="staff-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
