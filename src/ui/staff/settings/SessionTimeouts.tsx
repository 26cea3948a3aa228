/**
 * The lead's choice of how long a staff screen stays open untouched, per role, on this tablet
 * (kept with the tablet's settings, never in the site configuration). A value outside
 * 30 s – 30 min is refused with a reason and nothing stored changes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../../../i18n/index.ts';
import { useObservable } from '../../../state/index.ts';
import type { StaffRole } from '../../../state/pins.ts';
import {
  readSessionTimeouts,
  saveSessionTimeouts,
  type TimeoutProblem,
  useStaffTranslator,
} from '../../../state/staff.ts';
import { useKioskStore } from '../../store-context.ts';

const LABELS: Record<StaffRole, MessageKey> = {
  volunteer: 'staff.timeouts.volunteer',
  lead: 'staff.timeouts.lead',
};

const PROBLEMS: Record<TimeoutProblem, MessageKey> = {
  'not-whole': 'staff.timeouts.notWhole',
  'out-of-range': 'staff.timeouts.outOfRange',
};

export function SessionTimeouts() {
  const store = useKioskStore();
  const { t } = useStaffTranslator(store);
  const siteSeconds = String(useObservable(store.config).idleTimeoutSeconds);
  const [typed, setTyped] = useState<Record<StaffRole, string>>({
    volunteer: siteSeconds,
    lead: siteSeconds,
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  useEffect(() => {
    let current = true;
    readSessionTimeouts().then(
      (stored) =>
        current &&
        setTyped({
          volunteer: String(stored.volunteer ?? siteSeconds),
          lead: String(stored.lead ?? siteSeconds),
        }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [siteSeconds]);

  async function save(event: Event) {
    event.preventDefault();
    try {
      const result = await saveSessionTimeouts(typed);
      setMessage(
        result.ok
          ? { ok: true, text: t('staff.timeouts.saved') }
          : { ok: false, text: t(PROBLEMS[result.problem], { who: t(LABELS[result.role]) }) },
      );
    } catch {
      setMessage({ ok: false, text: t('staff.timeouts.failed') });
    }
  }

  return (
    <section class="tally-tool" aria-labelledby="session-timeouts-title">
      <h2 id="session-timeouts-title">{t('staff.timeouts.title')}</h2>
      <p>{t('staff.timeouts.intro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        {(['volunteer', 'lead'] as const).map((role) => (
          <label class="field" key={role}>
            {t(LABELS[role])}
            <input
              type="text"
              inputMode="numeric"
              autocomplete="off"
              value={typed[role]}
              aria-invalid={message?.ok === false}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setTyped((current) => ({ ...current, [role]: value }));
              }}
            />
          </label>
        ))}
        {message ? (
          <p role={message.ok ? 'status' : 'alert'} class="staff-message">
            {message.text}
          </p>
        ) : null}
        <button type="submit">{t('staff.timeouts.save')}</button>
      </form>
    </section>
  );
}
