/**
 * A fresh tablet's set-up, before the door shows: the lead chooses the place's preset and
 * name, the two staff PINs (with the recovery code), and may pair with an endpoint or leave
 * that for later. A reload part-way starts again here, keeping what was saved.
 */
import { useState } from 'preact/hooks';
import { PRESETS, presetById } from '../../domain/presets/index.ts';
import { useObservable } from '../../state/index.ts';
import type { SyncController } from '../../state/sync.ts';
import type { PinStore } from '../../state/pins.ts';
import { applySettings, useStaffTranslator } from '../../state/staff.ts';
import { useKioskStore, useSyncController } from '../store-context.ts';
import { PinSetup } from './PinSetup.tsx';
import { Feedback, refusalText, TextField, type Message } from './settings/fields.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import '../staff.css';

export interface FirstRunProps {
  pins: PinStore;
  /** The place, the PINs and (optionally) the pairing are done: show the door. */
  onDone(): void;
}

export function FirstRun({ pins, onDone }: FirstRunProps) {
  const sync = useSyncController();
  const [step, setStep] = useState<'place' | 'pins' | 'pair'>('place');
  if (step === 'place') {
    return (
      <PlaceStep
        onNext={() => {
          // Set-up is the moment to ask the browser to keep this tablet's counts for good.
          void import('../../state/platform.ts').then((platform) =>
            platform.requestPersistentStorage(),
          );
          setStep('pins');
        }}
      />
    );
  }
  if (step === 'pins' || sync === undefined) {
    return <PinSetup pins={pins} mode="first" onDone={() => (sync ? setStep('pair') : onDone())} />;
  }
  return <PairStep sync={sync} onDone={onDone} />;
}

function PlaceStep({ onNext }: { onNext(): void }) {
  const store = useKioskStore();
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const current = useObservable(store.config);
  const [preset, setPreset] = useState(current.preset ?? PRESETS[0]!.site);
  const [name, setName] = useState(current.name);
  const [message, setMessage] = useState<Message | undefined>(undefined);

  async function next(event: Event) {
    event.preventDefault();
    // The configuration already here (an imported one, say) is kept if its preset is chosen.
    const base = current.preset === preset ? current : (presetById(preset) ?? current);
    const outcome = await applySettings(store, { ...base, name: name.trim() });
    if (outcome.ok) onNext();
    else setMessage({ ok: false, text: refusalText(translator, outcome.refusal) });
  }

  return (
    <main class="staff pin-screen">
      <h1>{t('staff.firstRun.title')}</h1>
      <form class="pin-setup" onSubmit={(event) => void next(event)} noValidate>
        <fieldset class="presets">
          <legend>{t('staff.firstRun.preset')}</legend>
          {PRESETS.map((candidate) => (
            <label class="choice" key={candidate.site}>
              <input
                type="radio"
                name="preset"
                checked={candidate.site === preset}
                onChange={() => {
                  setPreset(candidate.site);
                  setName(candidate.name);
                }}
              />
              {candidate.name}
            </label>
          ))}
        </fieldset>
        <TextField label={t('staff.settings.name')} value={name} onChange={setName} />
        <Feedback message={message} />
        <button type="submit">{t('staff.firstRun.next')}</button>
      </form>
    </main>
  );
}

function PairStep({ sync, onDone }: { sync: SyncController; onDone(): void }) {
  const { t } = useStaffTranslator(useKioskStore());
  const { paired } = useObservable(sync.status);
  return (
    <main class="staff">
      <h1>{t('staff.firstRun.pairTitle')}</h1>
      <SyncPanel sync={sync} />
      <button type="button" onClick={onDone}>
        {t(paired ? 'staff.back' : 'staff.firstRun.later')}
      </button>
    </main>
  );
}
