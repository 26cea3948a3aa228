/**
 * Settings (lead): the place, its hours and programme, counters, the check-in question,
 * capacity and languages, edited as one draft and saved through the schema; *Ord for dagen*;
 * the configuration file; storage and sync. A refused save names what is wrong and keeps the
 * door as it was.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../../../i18n/index.ts';
import {
  LANGUAGES,
  SCHEDULE_KINDS,
  type Counter,
  type SiteConfig,
} from '../../../shared/site-config.ts';
import { useObservable } from '../../../state/index.ts';
import { applySettings } from '../../../state/settings.ts';
import { useStaffTranslator } from '../../../state/staff-session.ts';
import { useKioskStore, useSyncController } from '../../store-context.ts';
import { StorageStatus } from '../StorageStatus.tsx';
import { SyncPanel } from '../SyncPanel.tsx';
import { Feedback, Fields, refusalText, type Choices, type Message, type Spec } from './fields.tsx';
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
  const item = (kind: string, when: object) => ({
    id: '',
    kind,
    title: { nb: '' },
    time: '18:00',
    ...when,
  });
  const counterSpecs = (counter: Counter): Spec[] => [
    ['name', 'staff.settings.itemName', 'nb'],
    ...(counter.id === ''
      ? ([
          ['kind', 'staff.settings.kind', { choose: choices(NEW_COUNTER_KINDS, 'staff.kind.') }],
        ] as const)
      : []),
    ...(counter.kind === 'visit' || counter.kind === 'checkout'
      ? []
      : ([
          ['priceNok', 'staff.settings.price', 'count'],
          ['weekdays', 'staff.settings.counterDays', { set: days, optional: true }],
        ] as const)),
    [
      'options',
      'staff.settings.options',
      {
        rows: () => [['name', 'staff.settings.itemName', 'nb']],
        add: [['staff.settings.addOption', { id: '', name: { nb: '' } }]],
      },
    ],
  ];
  const specs: Spec[] = [
    ['name', 'staff.settings.name', 'text'],
    ['capacity', 'staff.settings.capacity', 'count'],
    ['idleTimeoutSeconds', 'staff.settings.idle', 'int'],
    ['retentionDays', 'staff.settings.retention', 'int'],
    ['languages', 'staff.settings.languages', { set: choices(LANGUAGES, 'lang.') }],
    [
      'defaultLanguage',
      'staff.settings.defaultLanguage',
      { choose: choices(draft.languages, 'lang.') },
    ],
    [
      'openingHours',
      'staff.settings.hours',
      {
        rows: () => [
          ['weekdays', 'staff.settings.days', { set: days }],
          ['open', 'staff.settings.opens', 'time'],
          ['close', 'staff.settings.closes', 'time'],
        ],
        add: [['staff.settings.addHours', { weekdays: [], open: '10:00', close: '15:00' }]],
      },
    ],
    ['observePublicHolidays', 'staff.settings.holidays', 'check'],
    ['closedDates', 'staff.settings.closedDates', 'dates'],
    ['openDates', 'staff.settings.openDates', 'dates'],
    [
      'schedule',
      'staff.settings.programme',
      {
        rows: (row) => [
          ['title', 'staff.settings.title', 'nb'],
          ['kind', 'staff.settings.kind', { choose: choices(SCHEDULE_KINDS, 'staff.kind.') }],
          ['time', 'staff.settings.time', 'time'],
          row['date'] === undefined
            ? ['weekdays', 'staff.settings.days', { set: days }]
            : ['date', 'staff.backfill.day', 'date'],
        ],
        add: [
          ['staff.settings.addWeekly', item('activity', { weekdays: [1] })],
          ['staff.settings.addEvent', item('event', { date: today })],
        ],
      },
    ],
    [
      'counters',
      'staff.settings.counters',
      {
        rows: (row) => counterSpecs(row as Counter),
        add: [
          [
            'staff.settings.addCounter',
            { id: '', kind: 'activity', name: { nb: '' }, byHour: false },
          ],
        ],
        keep: (row) => row['kind'] === 'visit' || row['kind'] === 'checkout',
      },
    ],
    [
      'question',
      'staff.settings.question',
      {
        fresh: { text: { nb: '' }, options: [] },
        fields: [
          ['text', 'staff.settings.questionText', 'nb'],
          [
            'options',
            'staff.settings.answer',
            {
              rows: () => [
                ['label', 'staff.settings.answer', 'nb'],
                [
                  'countsAs',
                  'staff.settings.countsAs',
                  {
                    choose: [
                      ['', t('staff.closing.visits')],
                      ...saved.counters
                        .filter((counter) => counter.id !== 'visit')
                        .map((counter) => [counter.id, counter.name.nb] as const),
                    ],
                  },
                ],
              ],
              add: [['staff.settings.addAnswer', { id: '', label: { nb: '' } }]],
            },
          ],
        ],
      },
    ],
    [
      'wordOfDay',
      'door.wordOfDay',
      {
        fields: [
          ['enabled', 'staff.settings.wordEnabled', 'check'],
          ['time', 'staff.settings.time', 'time'],
        ],
      },
    ],
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
      <StorageStatus />
      {sync ? <SyncPanel sync={sync} /> : null}
    </section>
  );
}
