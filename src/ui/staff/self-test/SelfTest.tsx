/**
 * The lead's self-test: is this tablet set up to keep its counts and to work offline? One
 * line per check, green when fine, else one sentence of what to do. It only shows; the facts
 * and the rule come from state/tablet-health.ts, which loads when the screen opens. (The screen
 * itself is small and rides in the staff chunk: a chunk of its own, imported from the staff
 * chunk, made the bundler split Preact out of the door's entry, +0.3 KB on its first paint.)
 */
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey, Translator } from '../../../i18n/index.ts';
import { useStaffTranslator } from '../../../state/staff.ts';
import type { CheckId, CheckLine, TabletHealth } from '../../../state/tablet-health.ts';
import { useKioskStore, useSyncController } from '../../store-context.ts';
import { formatBytes } from '../StorageStatus.tsx';
import './self-test.css';

const LABELS: Record<CheckId, MessageKey> = {
  installed: 'selfTest.check.installed',
  persisted: 'selfTest.check.persisted',
  space: 'selfTest.check.space',
  offline: 'selfTest.check.offline',
  update: 'selfTest.check.update',
  wakeLock: 'selfTest.check.wakeLock',
  clock: 'selfTest.check.clock',
  sync: 'selfTest.check.sync',
  export: 'selfTest.check.export',
};

const MARKS = { ok: '✓', warn: '!', unknown: '?' } as const;

export interface SelfTestProps {
  role: 'lead';
  /** Gathers the facts; the browser's own unless a test passes its own. */
  gather?: () => Promise<TabletHealth>;
}

/** A line's message with its values as the lead reads them. */
function messageOf({ t, language }: Translator, line: CheckLine): string {
  const { at, used, quota, minutes } = line.values ?? {};
  return t(line.message, {
    ...(at === undefined
      ? {}
      : {
          at: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
            at,
          ),
        }),
    ...(used === undefined ? {} : { used: formatBytes(used) }),
    ...(quota === undefined ? {} : { quota: formatBytes(quota) }),
    ...(minutes === undefined ? {} : { minutes }),
  });
}

export function SelfTest({ gather }: SelfTestProps) {
  const store = useKioskStore();
  const sync = useSyncController();
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const [lines, setLines] = useState<CheckLine[] | undefined>(undefined);
  const [checking, setChecking] = useState(false);

  const run = () => {
    setChecking(true);
    const rules = import('../../../state/tablet-health.ts');
    const facts = gather
      ? gather()
      : rules.then((health) => health.gatherTabletHealth(health.browserHealthSources(store, sync)));
    void Promise.all([rules, facts]).then(
      ([{ healthChecks }, health]) => {
        setLines(healthChecks(health));
        setChecking(false);
      },
      () => setChecking(false),
    );
  };
  useEffect(run, [store, sync, gather]);

  return (
    <section class="self-test" aria-labelledby="self-test-title" aria-busy={checking}>
      <h2 id="self-test-title">{t('selfTest.title')}</h2>
      <p>{t('selfTest.intro')}</p>
      {lines === undefined ? (
        <p role="status">{t('selfTest.checking')}</p>
      ) : (
        <ul class="self-test-lines">
          {lines.map((line) => (
            <li
              key={line.check}
              class={`self-test-line ${line.status}`}
              aria-labelledby={`self-test-${line.check}`}
            >
              <span class="self-test-mark" aria-hidden="true">
                {MARKS[line.status]}
              </span>
              <div>
                <h3 id={`self-test-${line.check}`}>{t(LABELS[line.check])}</h3>
                <p>
                  <strong>{t(`selfTest.status.${line.status}`)}</strong>
                  {' — '}
                  {messageOf(translator, line)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div class="staff-actions">
        <button type="button" disabled={checking} onClick={run}>
          {t(checking ? 'selfTest.checking' : 'selfTest.again')}
        </button>
      </div>
    </section>
  );
}
