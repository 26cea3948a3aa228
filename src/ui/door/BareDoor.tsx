/**
 * The door when no configuration renders (ui/App.tsx): Sjekk inn, which counts, and the staff
 * corner, in bokmål. Nothing here reads the configuration, so nothing here can break with it.
 */
import { useState } from 'preact/hooks';
import { useKioskStore } from '../store-context.ts';
import type { nb } from '../../i18n/nb.ts';
import type { StaffCorner } from './StaffCorner.tsx';

export interface BareDoorProps {
  onStaff(): void;
  /** The door's own corner, handed over by the guard: this chunk must not import it. */
  Corner: typeof StaffCorner;
  /** The door's bokmål texts, handed over too (the door's first chunk holds them). */
  texts: typeof nb;
}

export function BareDoor({ onStaff, Corner, texts }: BareDoorProps) {
  const store = useKioskStore();
  const [welcome, setWelcome] = useState(false);
  return (
    <main class="door" lang="nb">
      <button
        type="button"
        class="check-in"
        onClick={() => void store.checkIn().then(() => setWelcome(true))}
      >
        {texts['door.checkIn']}
      </button>
      {welcome ? <p role="status">{texts['door.welcome']}</p> : null}
      <Corner label={texts['door.staff']} onOpen={onStaff} />
    </main>
  );
}
