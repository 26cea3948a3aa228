/**
 * Volunteer effort for a shift: how many volunteers and the hours they gave (numbers only,
 * never names), added to today's `frivillige` and `frivillig-minutter`, or taken back as a
 * correction. The running totals are the site's (every replica this tablet knows, or the
 * endpoint's at closing). A refused entry says why and stores nothing; taking back more than
 * a few volunteers or hours asks first, naming the day and the year.
 */
import { useRef, useState } from 'preact/hooks';
import type { MessageKey, Translator } from '../../../i18n/index.ts';
import {
  parseVolunteerShift,
  VOLUNTEER_MINUTES_COUNTER,
  VOLUNTEERS_COUNTER,
} from '../../../domain/volunteer-hours.ts';
import type { Total } from '../../../shared/protocol.ts';
import {
  shiftNeedsConfirming,
  type Drafts,
  type ShiftResult,
  type TallyActions,
  totalOf,
  useDraft,
} from '../../../state/staff.ts';
import { useKioskStore } from '../../store-context.ts';
import { Confirm } from './Confirm.tsx';
import { dayWithYear } from './target-names.ts';

export interface VolunteerShiftProps {
  tally: TallyActions;
  /** The day's totals to show the site's volunteers and hours from. */
  totals: readonly Total[] | undefined;
  translator: Translator;
  /** Shown above the form, e.g. closing's suggestion to add the last shift. */
  intro?: string;
  /** After a stored shift, e.g. for closing to re-read the site's totals. */
  onWritten?: () => void;
  /** Half-typed fields kept when the screen closed by itself. */
  drafts?: Drafts;
}

const REFUSALS: Record<Extract<ShiftResult, { ok: false }>['reason'], MessageKey> = {
  'not-a-number': 'staff.volunteers.notANumber',
  negative: 'staff.volunteers.negative',
  'no-volunteers': 'staff.volunteers.noVolunteers',
  'over-24-hours-each': 'staff.volunteers.over24',
  'volunteers-not-whole': 'staff.volunteers.notWhole',
  'volunteers-too-many': 'staff.volunteers.tooMany',
};

/** Hours from whole minutes, "7,5" in Norwegian. */
export function formatHours(language: string, minutes: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(minutes / 60);
}

export function VolunteerShift({
  tally,
  totals,
  translator,
  intro,
  onWritten,
  drafts,
}: VolunteerShiftProps) {
  const { t, language } = translator;
  const [volunteers, setVolunteers] = useDraft(drafts, 'shift.volunteers');
  const [hours, setHours] = useDraft(drafts, 'shift.hours');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [done, setDone] = useState('');
  const [asking, setAsking] = useState<string | undefined>(undefined);
  const busy = useRef(false);
  const store = useKioskStore();
  const people = totalOf(totals, VOLUNTEERS_COUNTER).net;
  const minutes = totalOf(totals, VOLUNTEER_MINUTES_COUNTER).net;

  /** The question before taking back a large shift; undefined when none is needed. */
  function question(): string | undefined {
    const parsed = parseVolunteerShift(volunteers, hours);
    if (!parsed.ok) return undefined;
    const { shift } = parsed;
    if (!shiftNeedsConfirming(shift)) return undefined;
    return t('staff.volunteers.confirmCorrection', {
      n: shift.volunteers,
      hours: formatHours(language, shift.minutes),
      day: dayWithYear(translator, store.dayOf(store.now()).day),
    });
  }

  async function save(correction: boolean, confirmed = false) {
    // One shift is one write: a second press while saving would add it twice.
    if (busy.current) return;
    setAsking(undefined);
    const ask = correction && !confirmed ? question() : undefined;
    if (ask !== undefined) {
      setAsking(ask);
      return;
    }
    busy.current = true;
    try {
      const result = await tally.addShift(
        volunteers,
        hours,
        correction ? 'wrong-button' : undefined,
      );
      if (!result.ok) {
        setProblem(t(REFUSALS[result.reason]));
        setDone('');
        return;
      }
      setProblem(undefined);
      setVolunteers('');
      setHours('');
      const what = {
        n: result.shift.volunteers,
        hours: formatHours(language, result.shift.minutes),
      };
      const key: MessageKey = correction ? 'staff.volunteers.corrected' : 'staff.volunteers.added';
      setDone(result.stored ? t(key, what) : t('staff.volunteers.notSaved'));
      onWritten?.();
    } finally {
      busy.current = false;
    }
  }

  return (
    <section class="tally-tool" aria-labelledby="volunteers-title">
      <h3 id="volunteers-title">{t('staff.volunteers.title')}</h3>
      {intro ? <p>{intro}</p> : null}
      <p>{t('staff.volunteers.total', { n: people, hours: formatHours(language, minutes) })}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
        noValidate
      >
        <label class="field">
          {t('staff.volunteers.count')}
          <input
            type="text"
            inputMode="numeric"
            autocomplete="off"
            value={volunteers}
            onInput={(event) => {
              setVolunteers(event.currentTarget.value);
              setAsking(undefined);
            }}
          />
        </label>
        <label class="field">
          {t('staff.volunteers.hours')}
          <input
            type="text"
            inputMode="decimal"
            autocomplete="off"
            value={hours}
            aria-invalid={problem !== undefined}
            onInput={(event) => {
              setHours(event.currentTarget.value);
              setAsking(undefined);
            }}
          />
        </label>
        {problem ? (
          <p role="alert" class="staff-message">
            {problem}
          </p>
        ) : null}
        <p class="staff-message" aria-live="polite">
          {done}
        </p>
        <button type="submit">{t('staff.volunteers.add')}</button>
        {asking ? (
          <Confirm
            question={asking}
            yes={t('staff.volunteers.confirmYes')}
            busy={false}
            translator={translator}
            onYes={() => void save(true, true)}
            onNo={() => setAsking(undefined)}
          />
        ) : (
          <button type="button" class="secondary" onClick={() => void save(true)}>
            {t('staff.volunteers.correct')}
          </button>
        )}
      </form>
    </section>
  );
}
