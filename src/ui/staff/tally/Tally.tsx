/**
 * The volunteer's tally: a big +1 per counter on today, the running totals of every replica,
 * undo of this session's last tap, a correction with a fixed reason and a back-fill from a
 * paper sheet. Every write goes through the kiosk store; the totals re-read after each one.
 */
import { useMemo, useState } from 'preact/hooks';
import { useNow, useObservable } from '../../../state/index.ts';
import {
  createTallyActions,
  type TallyActions,
  type TallyTarget,
  tallyTargets,
  type TallyWrite,
  useDayTotals,
  useStaffTranslator,
} from '../../../state/staff.ts';
import { useKioskStore } from '../../store-context.ts';
import { Backfill } from './Backfill.tsx';
import { Correction } from './Correction.tsx';
import { TallyCard } from './TallyCard.tsx';
import { VolunteerShift } from './VolunteerShift.tsx';
import { signed, targetName } from './target-names.ts';

export interface TallyProps {
  /** The session's tally actions (so undo survives moving between staff screens). */
  tally?: TallyActions;
}

export function Tally({ tally: given }: TallyProps) {
  const store = useKioskStore();
  const config = useObservable(store.config);
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const own = useMemo(() => given ?? createTallyActions(store), [given, store]);
  const lastTap = useObservable(own.lastTap);
  const now = useNow(store);
  const today = store.dayOf(now).day;
  const totals = useDayTotals(store, today);
  const targets = useMemo(() => tallyTargets(config, today), [config, today]);
  const cards = useMemo(() => {
    const byCounter = new Map<string, TallyTarget[]>();
    for (const target of targets) {
      const list = byCounter.get(target.counter.id) ?? [];
      list.push(target);
      byCounter.set(target.counter.id, list);
    }
    return [...byCounter.values()];
  }, [targets]);
  const [notice, setNotice] = useState<{ text: string; stored: boolean } | undefined>(undefined);

  const name = (target: TallyTarget) => targetName(translator, target);
  const report = (write: TallyWrite, text: string) => {
    const what = signed(write.delta, name(write.target));
    setNotice(
      write.stored
        ? { text, stored: true }
        : { text: t('staff.tally.notSaved', { what }), stored: false },
    );
  };

  async function tap(target: TallyTarget) {
    const write = await own.tap(target);
    report(write, t('staff.tally.saved', { what: signed(write.delta, name(target)) }));
  }

  async function undo() {
    const write = await own.undo();
    if (write === undefined) return;
    report(write, t('staff.tally.undone', { what: signed(-write.delta, name(write.target)) }));
  }

  return (
    <section class="tally" aria-labelledby="tally-title">
      <h2 id="tally-title">{t('staff.tally.title')}</h2>
      <p role="status" class={notice?.stored === false ? 'staff-message warn' : 'staff-message'}>
        {notice?.text ?? ''}
      </p>
      {cards.length === 0 ? <p>{t('staff.tally.nothingOn')}</p> : null}
      <div class="tally-cards">
        {cards.map((group) => (
          <TallyCard
            key={group[0]!.counter.id}
            targets={group}
            totals={totals}
            translator={translator}
            onTap={(target) => void tap(target)}
          />
        ))}
      </div>
      <div class="tally-undo">
        <button
          type="button"
          class="secondary"
          disabled={lastTap === undefined}
          onClick={() => void undo()}
        >
          {t('staff.tally.undo')}
        </button>
        <span>
          {lastTap
            ? t('staff.tally.lastTap', { what: signed(lastTap.delta, name(lastTap.target)) })
            : t('staff.tally.nothingToUndo')}
        </span>
      </div>
      <VolunteerShift tally={own} totals={totals} translator={translator} />
      <Correction targets={targets} tally={own} translator={translator} onWritten={report} />
      <Backfill
        config={config}
        today={today}
        tally={own}
        translator={translator}
        onWritten={report}
      />
    </section>
  );
}
