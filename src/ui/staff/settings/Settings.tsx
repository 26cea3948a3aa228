/**
 * Settings (lead): the place, its hours and programme, counters, the questions after a tap,
 * the user voice,
 * capacity and languages, edited as one draft and saved through the schema; *Ord for dagen*;
 * the configuration file; storage and sync. A refused save names what is wrong and keeps the
 * door as it was.
 */
import { useEffect, useState } from 'preact/hooks';
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
import {
  Feedback,
  Fields,
  refusalText,
  specsOf,
  type Choices,
  type Message,
  type Spec,
} from './fields.tsx';
import { SessionTimeouts } from './SessionTimeouts.tsx';
import { ConfigFile, WordPlan } from './WordPlan.tsx';

const NEW_COUNTER_KINDS = ['meal', 'sale', 'activity'] as const;

export function Settings(_props: { role: 'lead' }) {
  const store = useKioskStore();
  const sync = useSyncController();
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const saved = useObservable(store.config);
  const [draft, setDraft] = useState<SiteConfig>(saved);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  useEffect(() => setDraft(saved), [saved]);

  async function save(event: Event) {
    event.preventDefault();
    const outcome = await applySettings(store, draft);
    setMessage(
      outcome.ok
        ? { ok: true, text: t('staff.settings.saved') }
        : { ok: false, text: refusalText(translator, outcome.refusal, specs) },
    );
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
      rows: () => [specsOf<CounterOption>()('name', 'staff.settings.itemName', 'nb')],
      add: [['staff.settings.addOption', { id: '', name: { nb: '' } }]],
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
      keep: (row) => row.kind === 'visit' || row.kind === 'checkout',
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
      <form class="settings-form" onSubmit={(event) => void save(event)} noValidate>
        <Fields
          value={draft}
          specs={specs}
          translator={translator}
          onChange={(next) => setDraft(next as SiteConfig)}
        />
        <button type="submit">{t('staff.settings.save')}</button>
        <Feedback message={message} />
      </form>
      <WordPlan translator={translator} />
      <ConfigFile translator={translator} specs={specs} />
      <SessionTimeouts />
      <StorageStatus />
      {sync ? <SyncPanel sync={sync} /> : null}
    </section>
  );
}
