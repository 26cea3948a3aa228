/**
 * The PIN pad behind the door's hidden gesture: big digits, masked dots, and the role decided
 * by which PIN matches. Wrong PINs get a calm count of tries left; after five the pad locks.
 * "Glemt PIN?" is there from the start: the recovery code lifts a lock and lets the lead choose
 * a new code for the one PIN that was forgotten.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useObservable } from '../../state/index.ts';
import {
  LEAD_PIN_MIN_DIGITS,
  PIN_MAX_DIGITS,
  PIN_MIN_DIGITS,
  type PinStore,
  type StaffRole,
} from '../../state/pins.ts';
import { useIdleReturn, useStaffTranslator } from '../../state/staff.ts';
import { useKioskStore } from '../store-context.ts';
import { IdleWarning } from './IdleWarning.tsx';
import '../staff.css';

export interface PinPadProps {
  pins: PinStore;
  /** `shortPin`: a lead signed in with a PIN older and shorter than a new one may be. */
  onSignIn(role: StaffRole, shortPin: boolean): void;
  /** The recovery code was right: the lock is lifted and the forgotten PIN may be chosen again. */
  onRecovered(forgotten: StaffRole): void;
  onBack(): void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

export function PinPad({ pins, onSignIn, onRecovered, onBack }: PinPadProps) {
  const store = useKioskStore();
  const config = useObservable(store.config);
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const [digits, setDigits] = useState('');
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [lockedUntil, setLockedUntil] = useState<number | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const [recovering, setRecovering] = useState(false);
  const root = useRef<HTMLElement>(null);
  // A pad left open goes back to the door, as the staff screens do.
  const idle = useIdleReturn(root, config.idleTimeoutSeconds * 1000, onBack);

  useEffect(() => {
    let current = true;
    void pins.lockedUntil().then((until) => current && setLockedUntil(until));
    return () => {
      current = false;
    };
  }, [pins]);

  // Each minute the wait shown counts down; when the lock runs out, ask the store again rather
  // than trusting this screen's clock.
  useEffect(() => {
    if (lockedUntil === undefined) return;
    const timer = setTimeout(
      () => {
        setTick((tick) => tick + 1);
        void pins.lockedUntil().then((until) => {
          setLockedUntil(until);
          if (until === undefined) setMessage(undefined);
        });
      },
      Math.min(Math.max(0, lockedUntil - store.now()) + 500, 60_000),
    );
    return () => clearTimeout(timer);
  }, [pins, lockedUntil, store, tick]);

  const locked = lockedUntil !== undefined;
  const disabled = locked || checking;

  function press(digit: string) {
    if (disabled) return;
    setDigits((current) => (current.length < PIN_MAX_DIGITS ? current + digit : current));
  }

  async function submit() {
    if (disabled) return;
    if (digits.length < PIN_MIN_DIGITS) {
      setMessage(t('staff.pin.tooShort'));
      return;
    }
    setChecking(true);
    const attempt = await pins.tryPin(digits);
    setChecking(false);
    setDigits('');
    if (attempt.kind === 'ok') {
      onSignIn(attempt.role, attempt.role === 'lead' && digits.length < LEAD_PIN_MIN_DIGITS);
    } else if (attempt.kind === 'wrong') {
      setMessage(t('staff.pin.wrong', { n: attempt.remaining }));
    } else {
      setLockedUntil(attempt.until);
      setMessage(undefined);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    // A hardware keyboard works like the pad.
    if (/^\d$/.test(event.key)) press(event.key);
    else if (event.key === 'Backspace') setDigits((current) => current.slice(0, -1));
    else if (event.key === 'Enter' && (event.target as HTMLElement).tagName !== 'BUTTON') {
      void submit();
    } else return;
    event.preventDefault();
  }

  return (
    <main class="staff pin-screen" ref={root}>
      <h1>{t('staff.title')}</h1>
      {recovering ? (
        <RecoveryForm
          pins={pins}
          t={t}
          onRecovered={onRecovered}
          onCancel={() => setRecovering(false)}
        />
      ) : (
        <section class="pin-pad" aria-label={t('staff.pin.prompt')} onKeyDown={onKeyDown}>
          <h2>{t('staff.pin.prompt')}</h2>
          <p class="pin-dots" role="img" aria-label={t('staff.pin.entered', { n: digits.length })}>
            {Array.from({ length: Math.max(digits.length, PIN_MIN_DIGITS) }, (_, i) => (
              <span class={i < digits.length ? 'pin-dot filled' : 'pin-dot'} key={i} />
            ))}
          </p>
          {locked ? (
            <p role="alert" class="staff-message warn">
              {t('staff.pin.locked', {
                n: Math.max(1, Math.ceil((lockedUntil - store.now()) / 60_000)),
              })}
            </p>
          ) : message ? (
            <p role="alert" class="staff-message">
              {message}
            </p>
          ) : checking ? (
            <p role="status" class="staff-message">
              {t('staff.pin.checking')}
            </p>
          ) : null}
          <div class="pin-keys">
            {DIGITS.map((digit) => (
              <button
                type="button"
                class="pin-key"
                key={digit}
                disabled={disabled}
                onClick={() => press(digit)}
              >
                {digit}
              </button>
            ))}
            <button
              type="button"
              class="pin-key secondary"
              aria-label={t('staff.pin.erase')}
              disabled={disabled || digits.length === 0}
              onClick={() => setDigits((current) => current.slice(0, -1))}
            >
              ⌫
            </button>
          </div>
          <button
            type="button"
            class="pin-submit"
            disabled={disabled || digits.length === 0}
            onClick={() => void submit()}
          >
            {t('staff.pin.submit')}
          </button>
          <button type="button" class="secondary" onClick={() => setRecovering(true)}>
            {t('staff.pin.forgot')}
          </button>
        </section>
      )}
      <button type="button" class="secondary staff-leave" onClick={onBack}>
        {t('staff.back')}
      </button>
      <IdleWarning idle={idle} translator={translator} />
    </main>
  );
}

function RecoveryForm({
  pins,
  t,
  onRecovered,
  onCancel,
}: {
  pins: PinStore;
  t: ReturnType<typeof useStaffTranslator>['t'];
  onRecovered(forgotten: StaffRole): void;
  onCancel(): void;
}) {
  const [code, setCode] = useState('');
  const [unlocked, setUnlocked] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [checking, setChecking] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    setChecking(true);
    const right = await pins.recover(code);
    setChecking(false);
    if (right) setUnlocked(true);
    else setWrong(true);
  }
  if (unlocked) {
    return (
      <section class="recovery-form" aria-labelledby="recovery-which">
        <h2 id="recovery-which">{t('staff.recovery.which')}</h2>
        <div class="staff-actions">
          {(['volunteer', 'lead'] as const).map((role) => (
            <button type="button" key={role} onClick={() => onRecovered(role)}>
              {t(role === 'lead' ? 'staff.setup.leadPin' : 'staff.setup.volunteerPin')}
            </button>
          ))}
        </div>
      </section>
    );
  }
  return (
    <form class="recovery-form" onSubmit={(event) => void submit(event)}>
      <h2>{t('staff.recovery.title')}</h2>
      <p>{t('staff.recovery.hint')}</p>
      <label>
        {t('staff.recovery.title')}
        <input
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
      </label>
      {wrong ? (
        <p role="alert" class="staff-message">
          {t('staff.recovery.wrong')}
        </p>
      ) : null}
      <div class="staff-actions">
        <button type="submit" disabled={checking || code.trim() === ''}>
          {t('staff.recovery.submit')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('staff.recovery.cancel')}
        </button>
      </div>
    </form>
  );
}
