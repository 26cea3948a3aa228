/**
 * Settings (lead): the place, its hours and programme, counters, the questions after a tap,
 * the user voice, capacity and languages, edited in sections that each save only their own
 * fields through the schema and say what changed; *Ord for dagen*; the configuration file;
 * storage and sync. A refused save names what is wrong, next to that section's button, and
 * keeps the door as it was; another section's unsaved edits stay where they are.
 */
import { useEffect, useState } from 'preact/hooks';
import { prepareConfig } from '../../../domain/configuration.ts';
import { isVolunteerCounter } from '../../../domain/volunteer-hours.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import {
  LANGUAGES,
  READY_QUESTIONS,
  SCHEDULE_KINDS,
  USER_VOICE_MODES,
  type Counter,
  type DoorQuestionsConfig,
  type OwnQuestion,
  type CounterOption,
  type OpeningHours,
  type QuestionOption,
  type ScheduleItem,
  type SiteConfig,
} from '../../../shared/site-config.ts';
import { useObservable } from '../../../state/index.ts';
import { applySettings, useStaffTranslator } from '../../../state/staff.ts';
import { useKioskStore, useSyncController } from '../../store-context.ts';
import { StorageStatus } from '../StorageStatus.tsx';
import { SyncPanel } from '../SyncPanel.tsx';
import { describeChanges, differs, type SectionProps } from './changes.ts';
import {
  Feedback,
  Fields,
  refusalText,
  specsOf,
  type Choices,
  type Message,
  type Spec,
} from './fields.tsx';
import { Publication, publishChange } from './Publication.tsx';
import { SessionTimeouts } from './SessionTimeouts.tsx';
import { ConfigFile, WordPlan } from './WordPlan.tsx';

/** The settings form's sections, each saved on its own: its title and the fields it owns. */
const SECTIONS: readonly { id: string; title: MessageKey; props: SectionProps }[] = [
  {
    id: 'place',
    title: 'staff.settings.section.place',
    props: ['name', 'capacity', 'languages', 'defaultLanguage'],
  },
  {
    id: 'hours',
    title: 'staff.settings.section.hours',
    props: ['openingHours', 'observePublicHolidays', 'closedDates', 'openDates'],
  },
  { id: 'programme', title: 'staff.settings.section.programme', props: ['schedule'] },
  { id: 'counters', title: 'staff.settings.section.counters', props: ['counters'] },
  {
    id: 'door',
    title: 'staff.settings.section.door',
    props: ['questions', 'userVoice', 'wordOfDay'],
  },
  {
    id: 'tablet',
    title: 'staff.settings.section.tablet',
    props: ['idleTimeoutSeconds', 'retentionDays'],
  },
];

/**
 * Edits not saved yet, per kiosk store: leaving settings for another staff screen and coming
 * back finds them where they were (closing the page asks first, see below).
 */
const unsavedEdits = new WeakMap<object, Partial<SiteConfig>>();

/** The configuration without keys whose value was cleared (the schema wants them absent). */
function withoutCleared(config: SiteConfig): SiteConfig {
  return Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined),
  ) as SiteConfig;
}

/** The edits without those of these properties (a section's, once saved or edited anew). */
function editsBesides(edits: Partial<SiteConfig>, props: SectionProps): Partial<SiteConfig> {
  return Object.fromEntries(
    Object.entries(edits).filter(([prop]) => !props.includes(prop as keyof SiteConfig)),
  );
}

const NEW_COUNTER_KINDS = ['meal', 'sale', 'activity'] as const;

export function Settings(_props: { role: 'lead' }) {
  const store = useKioskStore();
  const sync = useSyncController();
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const saved = useObservable(store.config);
  // Only what the lead has changed and not saved yet, per property: a save in one section
  // takes its own properties out and leaves every other section's edits as they were.
  const [edits, setEdits] = useState<Partial<SiteConfig>>(() => unsavedEdits.get(store) ?? {});
  useEffect(() => void unsavedEdits.set(store, edits), [store, edits]);
  const [message, setMessage] = useState<{ section: string; message: Message } | undefined>();
  const draft = { ...saved, ...edits } as SiteConfig;
  const unsaved = SECTIONS.filter((section) => differs(saved, draft, section.props));

  // Closing the page with edits not saved asks first, as a browser does for any form.
  useEffect(() => {
    if (unsaved.length === 0) return undefined;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [unsaved.length]);

  function edit(props: SectionProps, next: SiteConfig) {
    const own = Object.fromEntries(props.map((prop) => [prop, next[prop]]));
    setEdits({ ...editsBesides(edits, props), ...own });
  }

  async function save(section: (typeof SECTIONS)[number], event: Event) {
    event.preventDefault();
    const before = store.config.get();
    const own = Object.fromEntries(section.props.map((prop) => [prop, draft[prop]]));
    const outcome = await applySettings(store, withoutCleared({ ...before, ...own }));
    if (!outcome.ok) {
      const text = refusalText(translator, outcome.refusal, specs);
      setMessage({ section: section.id, message: { ok: false, text } });
      return;
    }
    setEdits((current) => editsBesides(current, section.props));
    publishChange(sync);
    // Both sides as saving prepares them (ids, the volunteer counters), so only the lead's own
    // changes are named.
    const changes = describeChanges(
      translator,
      prepareConfig(before),
      outcome.config,
      section.props,
      specs,
    );
    const text =
      changes.length === 0
        ? t('staff.settings.nothingChanged')
        : t('staff.settings.savedChanges', { changes: changes.join(', ') });
    setMessage({ section: section.id, message: { ok: true, text } });
  }

  const choices = (values: readonly string[], prefix: string): Choices =>
    values.map((value) => [value, t(`${prefix}${value}` as MessageKey)]);
  const days: Choices = [1, 2, 3, 4, 5, 6, 7].map((day) => [
    day,
    t(`staff.weekday.${day}` as MessageKey),
  ]);
  const today = store.dayOf(store.now()).day;
  const item = (
    kind: ScheduleItem['kind'],
    when: Pick<ScheduleItem, 'weekdays'> | Pick<ScheduleItem, 'date'>,
  ): ScheduleItem => ({ id: '', kind, title: { nb: '' }, time: '18:00', ...when });
  const counterField = specsOf<Counter>();
  const counterSpecs = (counter: Counter): Spec<Counter>[] => [
    counterField('name', 'staff.settings.itemName', 'nb'),
    ...(counter.id === ''
      ? [
          counterField('kind', 'staff.settings.kind', {
            choose: choices(NEW_COUNTER_KINDS, 'staff.kind.'),
          }),
        ]
      : []),
    ...(counter.kind === 'visit' || counter.kind === 'checkout'
      ? []
      : [
          // Off hides it from the tally, never its counts; volunteer shifts have their own entry.
          ...(isVolunteerCounter(counter.id)
            ? []
            : [counterField('enabled', 'staff.settings.counterInUse', 'check')]),
          counterField('priceNok', 'staff.settings.price', 'count'),
          counterField('weekdays', 'staff.settings.counterDays', { set: days, optional: true }),
        ]),
    counterField('options', 'staff.settings.options', {
      rows: (option) => [
        specsOf<CounterOption>()('name', 'staff.settings.itemName', 'nb'),
        // A saved option is switched off, never removed: its counts keep its name.
        ...(option.id === ''
          ? []
          : [specsOf<CounterOption>()('enabled', 'staff.settings.optionInUse', 'check')]),
      ],
      add: [['staff.settings.addOption', { id: '', name: { nb: '' } }]],
      keep: (option) => option.id !== '',
    }),
  ];
  const hours = specsOf<OpeningHours>();
  const programme = specsOf<ScheduleItem>();
  const answer = specsOf<QuestionOption>();
  const own = specsOf<OwnQuestion>();
  const questions = specsOf<DoorQuestionsConfig>();
  const word = specsOf<SiteConfig['wordOfDay']>();
  const field = specsOf<SiteConfig>();
  const specs: Spec<SiteConfig>[] = [
    field('name', 'staff.settings.name', 'text'),
    field('capacity', 'staff.settings.capacity', 'count'),
    field('idleTimeoutSeconds', 'staff.settings.idle', 'int'),
    field('retentionDays', 'staff.settings.retention', 'int'),
    field('languages', 'staff.settings.languages', { set: choices(LANGUAGES, 'lang.') }),
    field('defaultLanguage', 'staff.settings.defaultLanguage', {
      choose: choices(draft.languages, 'lang.'),
    }),
    field('openingHours', 'staff.settings.hours', {
      rows: () => [
        hours('weekdays', 'staff.settings.days', { set: days }),
        hours('open', 'staff.settings.opens', 'time'),
        hours('close', 'staff.settings.closes', 'time'),
      ],
      add: [['staff.settings.addHours', { weekdays: [], open: '10:00', close: '15:00' }]],
    }),
    field('observePublicHolidays', 'staff.settings.holidays', 'check'),
    field('closedDates', 'staff.settings.closedDates', 'dates'),
    field('openDates', 'staff.settings.openDates', 'dates'),
    field('schedule', 'staff.settings.programme', {
      rows: (row) => [
        programme('title', 'staff.settings.title', 'nb'),
        programme('kind', 'staff.settings.kind', {
          choose: choices(SCHEDULE_KINDS, 'staff.kind.'),
        }),
        programme('time', 'staff.settings.time', 'time'),
        row.date === undefined
          ? programme('weekdays', 'staff.settings.days', { set: days })
          : programme('date', 'staff.backfill.day', 'date'),
      ],
      add: [
        ['staff.settings.addWeekly', item('activity', { weekdays: [1] })],
        ['staff.settings.addEvent', item('event', { date: today })],
      ],
    }),
    field('counters', 'staff.settings.counters', {
      rows: counterSpecs,
      add: [
        [
          'staff.settings.addCounter',
          { id: '', kind: 'activity', name: { nb: '' }, byHour: false },
        ],
      ],
      // A saved counter is switched off («Vis i tellingen»), never removed, so the counts made
      // with it keep its name on every tablet and in the endpoint's days.csv; only a new row
      // not saved yet (no id) can be removed.
      keep: (row) => row.kind === 'visit' || row.kind === 'checkout' || row.id !== '',
    }),
    field('questions', 'staff.settings.questions', {
      fresh: { ready: [] },
      fields: [
        questions('ready', 'staff.settings.readyQuestions', {
          set: choices(READY_QUESTIONS, 'staff.settings.ready.'),
        }),
        questions('own', 'staff.settings.ownQuestion', {
          fresh: { id: '', text: { nb: '' }, options: [] },
          fields: [
            own('text', 'staff.settings.questionText', 'nb'),
            own('options', 'staff.settings.answer', {
              rows: () => [
                answer('label', 'staff.settings.answer', 'nb'),
                answer('countsAs', 'staff.settings.countsAs', {
                  choose: [
                    ['', t('staff.closing.visits')],
                    ...saved.counters
                      .filter((counter) => counter.id !== 'visit')
                      .map((counter) => [counter.id, counter.name.nb] as const),
                  ],
                }),
              ],
              add: [['staff.settings.addAnswer', { id: '', label: { nb: '' } }]],
            }),
          ],
        }),
      ],
    }),
    field('userVoice', 'staff.settings.userVoice', {
      choose: choices(USER_VOICE_MODES, 'staff.settings.userVoice.'),
    }),
    field('wordOfDay', 'door.wordOfDay', {
      fields: [
        word('enabled', 'staff.settings.wordEnabled', 'check'),
        word('time', 'staff.settings.time', 'time'),
      ],
    }),
  ];

  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('staff.nav.settings')}</h2>
      {sync ? <Publication sync={sync} translator={translator} /> : null}
      {/* The sections are long: a way straight to each, its heading taking the focus. */}
      <div class="settings-jump" role="group" aria-label={t('staff.settings.jump')}>
        {SECTIONS.map((section) => (
          <button
            key={section.id}
            type="button"
            class="secondary"
            onClick={() => {
              const heading = document.getElementById(`settings-${section.id}`);
              heading?.scrollIntoView?.({ block: 'start' });
              heading?.focus();
            }}
          >
            {t(section.title)}
          </button>
        ))}
      </div>
      {unsaved.length > 0 ? (
        <p class="staff-message warn">
          {t('staff.settings.unsavedIn', {
            sections: unsaved.map((section) => t(section.title)).join(', '),
          })}
        </p>
      ) : null}
      {SECTIONS.map((section) => {
        const title = t(section.title);
        const headingId = `settings-${section.id}`;
        return (
          <form
            key={section.id}
            class="settings-form settings-section"
            aria-labelledby={headingId}
            onSubmit={(event) => void save(section, event)}
            noValidate
          >
            <h3 id={headingId} tabIndex={-1}>
              {title}
            </h3>
            {/* Ids and names of what is counted may leave the tablet: no people's names. */}
            {['programme', 'counters', 'door'].includes(section.id) ? (
              <p role="note">{t('staff.settings.noNames')}</p>
            ) : null}
            <Fields
              value={draft}
              specs={specs.filter(([prop]) => section.props.includes(prop))}
              translator={translator}
              onChange={(next) => edit(section.props, next as SiteConfig)}
            />
            <div class="settings-save">
              <button
                type="submit"
                aria-label={t('staff.settings.saveSection', { section: title })}
              >
                {t('staff.settings.save')}
              </button>
              {differs(saved, draft, section.props) ? (
                <p class="staff-message warn">{t('staff.settings.unsaved')}</p>
              ) : null}
              <Feedback message={message?.section === section.id ? message.message : undefined} />
            </div>
          </form>
        );
      })}
      <WordPlan translator={translator} />
      <ConfigFile translator={translator} specs={specs} />
      <SessionTimeouts />
      <StorageStatus />
      {sync ? <SyncPanel sync={sync} /> : null}
    </section>
  );
}
