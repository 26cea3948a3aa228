/**
 * A staff write's confirmation, shown next to the button that made it (not at the top of the
 * page, far from the finger). One live region per place, so a screen reader hears it too.
 */

/** What a write said, and whether it is safely stored (a warning when not yet). */
export interface TallyNotice {
  text: string;
  stored: boolean;
}

export function Notice({ notice }: { notice: TallyNotice | undefined }) {
  return (
    <p role="status" class={notice?.stored === false ? 'staff-message warn' : 'staff-message'}>
      {notice?.text ?? ''}
    </p>
  );
}
