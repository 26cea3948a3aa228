/**
 * Choosing the staff PINs: both on a fresh tablet before the door shows (the recovery code that
 * comes back is shown once, to be written down — so this screen never times out to the door),
 * or only the forgotten one after the recovery code has lifted a lock (or the lead's, when a lead
 * signed in with one shorter than a new one may be). Each PIN is typed twice.
 */
import { useState } from 'preact/hooks';
import type { MessageKey } from '../../i18n/index.ts';
import {
  minDigits,
  pinProblem,
  PIN_MAX_DIGITS,
  type PinStore,
  type StaffRole,
} from '../../state/pins.ts';
import { useStaffTranslator } from '../../state/staff.ts';
import { useKioskStore } from '../store-context.ts';
import '../staff.css';

export interface PinSetupProps {
  pins: PinStore;
  /** Both PINs on a fresh tablet, or the one forgotten after the recovery code. */
  mode: 'first' | { forgotten: StaffRole };
  /** The PINs are stored (and a new recovery code was acknowledged). */
  onDone(): void;
}

type Field = 'volunteer' | 'volunteerRepeat' | 'lead' | 'leadRepeat';

const PAIRS = [
  ['volunteer', 'volunteerRepeat'],
  ['lead', 'leadRepeat'],
] as const;

const LABELS: Record<Field, MessageKey> = {
  volunteer: 'staff.setup.volunteerPin',
  volunteerRepeat: 'staff.setup.volunteerRepeat',
  lead: 'staff.setup.leadPin',
  leadRepeat: 'staff.setup.leadRepeat',
};

export function PinSetup({ pins, mode, onDone }: PinSetupProps) {
  const store = useKioskStore();
  const { t } = useStaffTranslator(store);
  const [values, setValues] = useState<Record<Field, string>>({
    volunteer: '',
    volunteerRepeat: '',
    lead: '',
    leadRepeat: '',
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState<string | undefined>(undefined);
  const forgotten = mode === 'first' ? undefined : mode.forgotten;
  const pairs = PAIRS.filter(([pin]) => forgotten === undefined || pin === forgotten);
  const fields: Field[] = pairs.flat();

  function check(): string[] {
    const found: string[] = [];
    for (const [pin, repeat] of pairs) {
      const min = minDigits(pin);
      const problem = pinProblem(values[pin], values[repeat], min);
      const who = t(LABELS[pin]);
      if (problem === 'format') found.push(t('staff.setup.format', { who, min }));
      if (problem === 'mismatch') found.push(t('staff.setup.mismatch', { who }));
    }
    if (found.length === 0 && forgotten === undefined && values.volunteer === values.lead) {
      found.push(t('staff.setup.same'));
    }
    return found;
  }

  async function save(event: Event) {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      if (forgotten === undefined) {
        setRecoveryCode(await pins.setUp(values.volunteer, values.lead));
      } else if (await pins.replacePin(forgotten, values[forgotten])) {
        onDone();
      } else {
        setProblems([t('staff.setup.sameAsOther')]);
      }
    } catch {
      setProblems([t('staff.setup.failed')]);
    } finally {
      setSaving(false);
    }
  }

  if (recoveryCode !== undefined) {
    return (
      <main class="staff pin-screen">
        <h1>{t('staff.recovery.title')}</h1>
        <p>{t('staff.recovery.show')}</p>
        <p class="recovery-code">{recoveryCode}</p>
        <button type="button" onClick={onDone}>
          {t('staff.recovery.done')}
        </button>
      </main>
    );
  }

  return (
    <main class="staff pin-screen">
      <h1>
        {forgotten === undefined
          ? t('staff.setup.title')
          : t('staff.setup.resetOneTitle', { who: t(LABELS[forgotten]) })}
      </h1>
      <p>{t(forgotten === undefined ? 'staff.setup.intro' : 'staff.setup.resetOneIntro')}</p>
      <form class="pin-setup" onSubmit={(event) => void save(event)} noValidate>
        {fields.map((field) => (
          <label key={field}>
            {t(LABELS[field])}
            <input
              type="password"
              inputMode="numeric"
              autocomplete="off"
              maxLength={PIN_MAX_DIGITS}
              value={values[field]}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setValues((current) => ({ ...current, [field]: value }));
              }}
            />
          </label>
        ))}
        {problems.length > 0 ? (
          <div role="alert" class="staff-message">
            {problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
          </div>
        ) : null}
        <button type="submit" disabled={saving}>
          {t(saving ? 'staff.setup.saving' : 'staff.setup.save')}
        </button>
      </form>
    </main>
  );
}
