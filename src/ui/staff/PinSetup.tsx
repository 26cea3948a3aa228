/**
 * Choosing the two staff PINs: on a fresh tablet before the door shows, and after the
 * recovery code has lifted a lock. Each PIN is typed twice; the recovery code that comes
 * back is shown once, to be written down — so this screen never times out to the door.
 */
import { useState } from 'preact/hooks';
import type { MessageKey } from '../../i18n/index.ts';
import { pinProblem, PIN_MAX_DIGITS, type PinStore } from '../../state/pins.ts';
import { useStaffTranslator } from '../../state/staff.ts';
import { useKioskStore } from '../store-context.ts';
import '../staff.css';

export interface PinSetupProps {
  pins: PinStore;
  mode: 'first' | 'reset';
  /** The PINs are stored and the recovery code was acknowledged. */
  onDone(): void;
}

type Field = 'volunteer' | 'volunteerRepeat' | 'lead' | 'leadRepeat';

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

  function check(): string[] {
    const found: string[] = [];
    for (const [pin, repeat] of [
      ['volunteer', 'volunteerRepeat'],
      ['lead', 'leadRepeat'],
    ] as const) {
      const problem = pinProblem(values[pin], values[repeat]);
      const who = t(LABELS[pin]);
      if (problem === 'format') found.push(t('staff.setup.format', { who }));
      if (problem === 'mismatch') found.push(t('staff.setup.mismatch', { who }));
    }
    if (found.length === 0 && values.volunteer === values.lead) found.push(t('staff.setup.same'));
    return found;
  }

  async function save(event: Event) {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      setRecoveryCode(await pins.setUp(values.volunteer, values.lead));
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
      <h1>{t(mode === 'first' ? 'staff.setup.title' : 'staff.setup.resetTitle')}</h1>
      <p>{t('staff.setup.intro')}</p>
      <form class="pin-setup" onSubmit={(event) => void save(event)} noValidate>
        {(Object.keys(LABELS) as Field[]).map((field) => (
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
