/**
 * The user voice: "Hvordan var det i dag?" with three faces, counts only (the `brukerstemme`
 * counter, its options the faces, never by hour). Asked after Sjekk ut where the site uses
 * it, otherwise behind a small button of its own on the door. Never in the way: it goes by
 * itself when nobody answers, and one touch counts one face.
 */
import { useEffect, useState } from 'preact/hooks';
import { USER_VOICE_COUNTER, USER_VOICE_FACES } from '../../domain/door-questions.ts';
import { DOOR_QUESTION_TEXTS } from '../../i18n/door-questions.ts';
import type { Translator } from '../../i18n/index.ts';
import type { SiteConfig } from '../../shared/site-config.ts';
import { useKioskStore } from '../store-context.ts';
import { localized } from '../localized.ts';

const FACES: Record<(typeof USER_VOICE_FACES)[number], string> = {
  fornoyd: '🙂',
  noytral: '😐',
  misfornoyd: '🙁',
};

export interface UserVoiceProps {
  translator: Translator;
  /** Called when it has thanked the visitor, or nobody answered in time. */
  onDone(): void;
  timeoutMs?: number;
}

export function UserVoice({ translator, onDone, timeoutMs = 8000 }: UserVoiceProps) {
  const store = useKioskStore();
  const [thanked, setThanked] = useState(false);
  useEffect(() => {
    const timer = setTimeout(onDone, thanked ? 2000 : timeoutMs);
    return () => clearTimeout(timer);
  }, [thanked]);
  const text = (key: string) => localized(DOOR_QUESTION_TEXTS[key]!, translator.language);

  if (thanked) return <p class="bye">{translator.t('door.thanks')}</p>;
  return (
    <fieldset class="question user-voice">
      <legend>{text(USER_VOICE_COUNTER)}</legend>
      <div class="question-options">
        {USER_VOICE_FACES.map((face) => (
          <button
            type="button"
            key={face}
            onClick={() => {
              // Only the day of the "check-in" is read for the user voice (door-events.ts).
              const { day } = store.dayOf(store.now());
              void store.answer(
                { day, at: 0, counter: '', delta: 0, source: 'door' },
                USER_VOICE_COUNTER,
                face,
              );
              setThanked(true);
            }}
          >
            <span aria-hidden="true">{FACES[face]} </span>
            {text(`${USER_VOICE_COUNTER}.${face}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The small, separate door button that opens the user voice: where the site asks it, unless
 * it is asked at check-out (a site with a capacity counts check-outs).
 */
export function UserVoiceButton({
  config: { userVoice, capacity },
  translator,
}: Omit<UserVoiceProps, 'onDone'> & { config: SiteConfig }) {
  const [open, setOpen] = useState(false);
  if (userVoice !== 'button' && (userVoice !== 'checkout' || capacity !== undefined)) return null;
  return open ? (
    <UserVoice translator={translator} onDone={() => setOpen(false)} />
  ) : (
    <button type="button" class="secondary user-voice-button" onClick={() => setOpen(true)}>
      {localized(DOOR_QUESTION_TEXTS[USER_VOICE_COUNTER]!, translator.language)}
    </button>
  );
}
