/**
 * The hidden way to staff mode: a deliberate two-second press on the top corner. A
 * visitor's brief touch does nothing; nothing on the door hints at staff screens.
 */
import { useRef } from 'preact/hooks';

export function StaffCorner({
  label,
  onOpen,
  holdMs = 2000,
}: {
  label: string;
  onOpen(): void;
  holdMs?: number;
}) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const start = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(onOpen, holdMs);
  };
  const cancel = () => clearTimeout(timer.current);
  return (
    <button
      type="button"
      class="staff-corner"
      aria-label={label}
      onPointerDown={start}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        // Keyboard and switch users hold Enter for the same deliberate gesture.
        if (event.key === 'Enter' && !event.repeat) start();
      }}
      onKeyUp={cancel}
    />
  );
}
