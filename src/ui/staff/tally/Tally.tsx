/**
 * The volunteer's tally: a big +1 per counter on today, the running totals of every replica,
 * undo of this session's last tap or correction, a correction with a fixed reason and a
 * back-fill from a paper sheet. Every write goes through the kiosk store; the totals re-read
 * after each one, and its confirmation shows beside the button that made it.
 */
import { useMemo, useState } from 'preact/hooks';
import { useNow, useObservable } from '../../../state/index.ts';
import type { StaffRole } from '../../../state/pins.ts';
import {
  createTallyActions,
  type Drafts,
  type TallyActions,
  type TallyTarget,
  tallyTargets,
  type TallyWrite,
  useDayTotals,
  useStaffNet,
  useStaffTranslator,
} from '../../../state/staff.ts';
import { useKioskStore } from '../../store-context.ts';
import { Backfill } from './Backfill.tsx';
import { Correction } from './Correction.tsx';
import { Notice, type TallyNotice } from './Notice.tsx';
import { TallyCard } from './TallyCard.tsx';
import { VolunteerShift } from './VolunteerShift.tsx';
import { signed, targetName } from './target-names.ts';

export interface TallyProps {
  /** Who is signed in: a volunteer back-fills only today and yesterday. */
  role: StaffRole;
  /** The session's tally actions (so undo survives moving between staff screens). */
  tally?: TallyActions;
  /** Half-typed fields kept when the screen closed by itself. */
  drafts?: Drafts;
}

/** Where a confirmation shows: a counter's card (by id) or one of the tools. */
type Place = string;

export function Tally({ role, tally: given, drafts }: TallyProps) {
  const store = useKioskStore();
  const config = useObservable(store.config);
  const translator = useStaffTranslator(store);
  const { t } = translator;
  const own = useMemo(() => given ?? createTallyActions(store, role), [given, store, role]);
  const lastTap = useObservable(own.lastTap);
  const now = useNow(store);
  const today = store.dayOf(now).day;
  const totals = useDayTotals(store, today);
  const staffNet = useStaffNet(store, today);
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
  const [notice, setNotice] = useState<(TallyNotice & { place: Place }) | undefined>(undefined);
  const noticeAt = (place: Place) => (notice?.place === place ? notice : undefined);

  const name = (target: TallyTarget) => targetName(translator, target);
  const report = (place: Place) => (write: TallyWrite, text: string) => {
    const what = signed(write.delta, name(write.target));
    setNotice(
      write.stored
        ? { place, text, stored: true }
        : { place, text: t('staff.tally.notSaved', { what }), stored: false },
    );
  };

  async function tap(target: TallyTarget) {
    const write = await own.tap(target);
    const text = t('staff.tally.saved', { what: signed(write.delta, name(target)) });
    report(target.counter.id)(write, text);
  }

  async function undo() {
    const write = await own.undo();
    if (write === undefined) return;
    const what = signed(-write.delta, name(write.target));
    report('undo')(write, t('staff.tally.undone', { what }));
  }

  return (
    <section class="tally" aria-labelledby="tally-title">
      <h2 id="tally-title">{t('staff.tally.title')}</h2>
      {cards.length === 0 ? <p>{t('staff.tally.nothingOn')}</p> : null}
      <div class="tally-cards">
        {cards.map((group) => (
          <TallyCard
            key={group[0]!.counter.id}
            targets={group}
            totals={totals}
            staffNet={staffNet}
            translator={translator}
            notice={noticeAt(group[0]!.counter.id)}
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
        <Notice notice={noticeAt('undo')} />
      </div>
      <VolunteerShift
        tally={own}
        totals={totals}
        translator={translator}
        {...(drafts ? { drafts } : {})}
      />
      <Correction
        targets={targets}
        tally={own}
        translator={translator}
        notice={noticeAt('correction')}
        onWritten={report('correction')}
      />
      <Backfill
        config={config}
        today={today}
        tally={own}
        translator={translator}
        notice={noticeAt('backfill')}
        onWritten={report('backfill')}
        {...(drafts ? { drafts } : {})}
      />
    </section>
  );
}
