/**
 * *Ord for dagen* typed in for today or imported as a plan (CSV or JSON), and the whole
 * configuration as one file. A file with any bad line, or one that fails the schema, changes
 * nothing and says where it is wrong.
 */
import { useState } from 'preact/hooks';
import type { Translator } from '../../../i18n/index.ts';
import type { SiteConfig, WordOfDay } from '../../../shared/site-config.ts';
import {
  configFile,
  deliverFile,
  importConfigText,
  importWordPlan,
  parseWordPlan,
  type SettingsOutcome,
  storeWords,
} from '../../../state/staff.ts';
import { useKioskStore, useSyncController } from '../../store-context.ts';
import { Feedback, Fields, refusalText, type Message, type Spec } from './fields.tsx';
import { publishChange } from './Publication.tsx';

/** A plan line's fields, named as the lead types them (the date only in files). */
const WORD_SPECS: Spec<Partial<WordOfDay>>[] = [
  ['date', 'staff.backfill.day', 'date'],
  ['title', 'staff.settings.title', 'text'],
  ['text', 'staff.plan.text', 'text'],
  ['reference', 'staff.plan.reference', 'text'],
  ['speaker', 'staff.plan.speaker', 'text'],
];

/** Reads a chosen file's text, clearing the input so the same file can be chosen again. */
async function chosenText(input: HTMLInputElement): Promise<string | undefined> {
  const text = await input.files?.[0]?.text();
  input.value = '';
  return text;
}

export function WordPlan({ translator }: { translator: Translator }) {
  const store = useKioskStore();
  const sync = useSyncController();
  const { t } = translator;
  const [word, setWord] = useState<Partial<WordOfDay>>({});
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [errors, setErrors] = useState<string[]>([]);
  const problem = (error: { line: number; refusal: Parameters<typeof refusalText>[1] }) =>
    t('staff.plan.line', {
      line: error.line,
      problem: refusalText(translator, error.refusal, WORD_SPECS),
    });

  async function saveToday(event: Event) {
    event.preventDefault();
    const entry = { ...word, date: store.dayOf(store.now()).day };
    const parsed = await parseWordPlan(JSON.stringify([entry]));
    setErrors([]);
    if (parsed.ok) await storeWords(store, parsed.words).then(() => publishChange(sync));
    setMessage(
      parsed.ok
        ? { ok: true, text: t('staff.plan.todaySaved') }
        : { ok: false, text: refusalText(translator, parsed.errors[0]!.refusal, WORD_SPECS) },
    );
  }

  async function importFile(input: HTMLInputElement) {
    const text = await chosenText(input);
    if (text === undefined) return;
    const outcome = await importWordPlan(store, text);
    if (outcome.ok) publishChange(sync);
    setMessage(
      outcome.ok
        ? { ok: true, text: t('staff.plan.imported', { n: outcome.words.length }) }
        : { ok: false, text: t('staff.plan.refused', { n: outcome.errors.length }) },
    );
    setErrors(outcome.ok ? [] : outcome.errors.map(problem));
  }

  return (
    <section class="settings-part" aria-labelledby="settings-plan">
      <h3 id="settings-plan">{t('staff.plan.heading')}</h3>
      <form class="settings-item" onSubmit={(event) => void saveToday(event)} noValidate>
        <Fields
          value={word}
          specs={WORD_SPECS.slice(1)}
          translator={translator}
          onChange={setWord}
        />
        <button type="submit">{t('staff.plan.saveToday')}</button>
      </form>
      <p>{t('staff.plan.help')}</p>
      <label class="field">
        {t('staff.plan.import')}
        <input
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(event) => void importFile(event.currentTarget)}
        />
      </label>
      <Feedback message={message} />
      {errors.length > 0 ? (
        <ul class="staff-message warn">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function ConfigFile({
  translator,
  specs,
}: {
  translator: Translator;
  specs: Spec<SiteConfig>[];
}) {
  const store = useKioskStore();
  const sync = useSyncController();
  const { t } = translator;
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const show = (outcome: SettingsOutcome) => {
    if (outcome.ok) publishChange(sync);
    setMessage(
      outcome.ok
        ? { ok: true, text: t('staff.settings.imported') }
        : { ok: false, text: refusalText(translator, outcome.refusal, specs) },
    );
  };

  return (
    <section class="settings-part" aria-labelledby="settings-file">
      <h3 id="settings-file">{t('staff.settings.file')}</h3>
      <button type="button" onClick={() => void deliverFile(configFile(store.config.get()))}>
        {t('staff.settings.export')}
      </button>
      <label class="field">
        {t('staff.settings.import')}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) =>
            void chosenText(event.currentTarget).then(
              (text) => void (text !== undefined && importConfigText(store, text).then(show)),
            )
          }
        />
      </label>
      <Feedback message={message} />
    </section>
  );
}
