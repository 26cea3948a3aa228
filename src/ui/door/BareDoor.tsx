/**
 * The door when no configuration renders (ui/App.tsx): Sjekk inn, which counts, and the staff
 * corner, in bokmål. Nothing here reads the configuration, so nothing here can break with it.
 */
import { useState } from 'preact/hooks';
import { nb } from '../../i18n/nb.ts';
import { useKioskStore } from '../store-context.ts';
import { StaffCorner } from './StaffCorner.tsx';

export function BareDoor({ onStaff }: { onStaff(): void }) {
  const store = useKioskStore();
  const [welcome, setWelcome] = useState(false);
  return (
    <main class="door" lang="nb">
      <button
        type="button"
        class="check-in"
        onClick={() => void store.checkIn().then(() => setWelcome(true))}
      >
        {nb['door.checkIn']}
      </button>
      {welcome ? <p role="status">{nb['door.welcome']}</p> : null}
      <StaffCorner label={nb['door.staff']} onOpen={onStaff} />
    </main>
  );
}
