/**
 * A site's programme and *Ord for dagen* plan as its tablets last published them (PROTOCOL.md,
 * "Configuration travels"): a `read` admin sees them, a `manage` admin edits them and publishes
 * a new version from the one read. Nothing is sent that the shared schemas refuse; a problem is
 * said on its field. A version published meanwhile (409) is shown with who published it and
 * when, the typed edits stay, and loading it puts them on top only when no item or day was
 * changed on both sides. A site whose tablets have not published yet has nothing to edit: the
 * page cannot make a whole configuration.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { addDays, type IsoDate, type Weekday } from '../domain/business-day.ts';
import { neutralId } from '../domain/configuration.ts';
import type { PublishedConfig } from '../shared/config-publication.ts';
import { SCHEDULE_KINDS, type ScheduleItem, type WordOfDay } from '../shared/site-config.ts';
import { TEXT_LIMITS } from '../shared/text-limits.ts';
import { weekdayName } from '../ui/staff/funder-report/sections.ts';
import { ApiError, type AdminSite, type Api } from './api.ts';
import {
  draftOf,
  edited,
  fieldOf,
  issuesOf,
  publishOf,
  rebase,
  same,
  type Clash,
  type Draft,
  type FieldIssue,
} from './config-edits.ts';
import { longDate, moment, t } from './format.ts';
import { siteOptions } from './SitePanel.tsx';
import type { MessageKey } from '../i18n/nb.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A site's configuration as the page holds it. */
type Load =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'failed'; text: string }
  | {
      state: 'ready';
      /** The version the draft was made from: a publish is based on it. */
      base: PublishedConfig;
      draft: Draft;
      /** A version published meanwhile, shown until the coordinator loads it. */
      conflict?: PublishedConfig;
      issues: FieldIssue[];
    };

type Ready = Extract<Load, { state: 'ready' }>;

/**
 * Drafts not published yet, per site, kept in this tab like the token: a sign-out (a token
 * refused mid-edit), a new sign-in or a reload find them where they were, on the version they
 * were made from. They hold nothing the endpoint does not hold already but the edits.
 */
const DRAFTS_KEY = 'terskel-config-drafts';
type Kept = Record<string, { base: PublishedConfig; draft: Draft }>;

function keptDrafts(): Kept {
  try {
    return (JSON.parse(sessionStorage.getItem(DRAFTS_KEY) ?? '{}') as Kept | null) ?? {};
  } catch {
    return {};
  }
}

function keepDraft(site: string, kept: Kept[string] | undefined): void {
  const all = keptDrafts();
  if (kept) all[site] = kept;
  else delete all[site];
  try {
    if (Object.keys(all).length === 0) sessionStorage.removeItem(DRAFTS_KEY);
    else sessionStorage.setItem(DRAFTS_KEY, JSON.stringify(all));
  } catch {
    // A full or refused storage keeps the draft on the page only, as before this tab kept any.
  }
}

/** A failed read or publish in words; a publish says that nothing is lost. */
function failureText(error: unknown, publishing: boolean): string {
  const failure = error instanceof ApiError ? error.failure : ({ reason: 'network' } as const);
  switch (failure.reason) {
    case 'network':
      return t(publishing ? 'dash.config.error.network' : 'dash.error.network');
    case 'server':
      return t(publishing ? 'dash.config.error.server' : 'dash.error.server', {
        status: failure.status,
      });
    case 'rejected':
      if (failure.status === 413) return t('dash.config.error.tooLarge');
      return t(publishing ? 'dash.config.error.rejected' : 'dash.error.server', {
        status: failure.status,
      });
    case 'refused':
      return t('dash.signIn.refused');
  }
}

const kindName = (kind: ScheduleItem['kind']) => t(`dash.config.kind.${kind}` as MessageKey);

/** "mandag, onsdag kl. 18:00–19:30" or "24.12.2026 kl. 18:00". */
function whenText(item: ScheduleItem): string {
  const days = item.date
    ? longDate(item.date)
    : (item.weekdays ?? []).map((day) => weekdayName('nb', day as Weekday)).join(', ');
  const time = item.endTime ? `${item.time}–${item.endTime}` : item.time;
  return t('dash.config.when', { days, time });
}

/** The first day from `today` the plan has no word for: where a new word goes. */
function freeDay(plan: readonly WordOfDay[], today: IsoDate): IsoDate {
  const taken = new Set(plan.map((word) => word.date));
  let date = today;
  while (taken.has(date)) date = addDays(date, 1);
  return date;
}

/** A value with `key` set, or without it when the typed text is empty (the schema wants it so). */
function withOptional<T extends object, K extends keyof T>(value: T, key: K, text: string): T {
  const next = { ...value };
  if (text === '') delete next[key];
  else next[key] = text as T[K];
  return next;
}

const clashText = (clash: Clash) =>
  clash.kind === 'item'
    ? t('dash.config.clashItem', { title: clash.title })
    : t('dash.config.clashDay', { date: longDate(clash.date) });

export interface ProgrammeProps {
  api: Api;
  sites: readonly AdminSite[];
  /** Whether the token may publish (`manage`); a `read` token sees no control. */
  canManage: boolean;
  /** The admin's label, written as the publisher of what they publish. */
  label: string;
  today: IsoDate;
  now: () => Date;
  /** The token was refused: the page signs out and says why. */
  refused(message: string): void;
}

export function Programme({ api, sites, canManage, label, today, now, refused }: ProgrammeProps) {
  const [chosen, setChosen] = useState(sites[0]?.slug ?? '');
  const site = sites.find((one) => one.slug === chosen) ?? sites[0];
  const slug = site?.slug ?? '';
  const [loads, setLoads] = useState<Record<string, Load>>({});
  const [status, setStatus] = useState('');
  const [showPast, setShowPast] = useState(false);
  const [focusId, setFocusId] = useState<string>();
  const busy = useRef(false);
  const load = loads[slug];

  const keep = (at: string, next: Load) => {
    if (next.state !== 'ready') return;
    keepDraft(
      at,
      edited(next.base, next.draft) ? { base: next.base, draft: next.draft } : undefined,
    );
  };
  const put = (at: string, next: Load) => {
    keep(at, next);
    setLoads((all) => ({ ...all, [at]: next }));
  };
  /** Changes a site's loaded configuration as it is then (an answer may come after typing). */
  const amend = (at: string, change: (ready: Ready) => Ready) =>
    setLoads((all) => {
      const one = all[at];
      if (one?.state !== 'ready') return all;
      const next = change(one);
      keep(at, next);
      return { ...all, [at]: next };
    });

  // Focus moves once the page holds what an action changed, before it is painted.
  useLayoutEffect(() => {
    if (focusId === undefined) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  useEffect(() => {
    if (!site || loads[slug]) return;
    let current = true;
    put(slug, { state: 'loading' });
    api.config(slug).then(
      (published) => {
        if (!current) return;
        if (published === null) return put(slug, { state: 'none' });
        // A `read` token is shown what is published, never a draft kept in this tab.
        const mine = canManage ? keptDrafts()[slug] : undefined;
        if (mine && mine.base.version === published.version) {
          return put(slug, { state: 'ready', ...mine, issues: [] });
        }
        if (mine) {
          // Edits kept from before a sign-out, made from an older version: a conflict as any.
          return put(slug, { state: 'ready', ...mine, conflict: published, issues: [] });
        }
        put(slug, { state: 'ready', base: published, draft: draftOf(published), issues: [] });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.failure.reason === 'refused') {
          refused(t('dash.signIn.refused'));
          return;
        }
        put(slug, { state: 'failed', text: failureText(error, false) });
      },
    );
    return () => {
      current = false;
    };
  }, [api, slug]);

  if (!site) return null;
  const siteName = site.name;
  const id = (...parts: (string | number)[]) => ['cfg', slug, ...parts].join('-');

  const chooser = (
    <label>
      {t('dash.config.choose')}
      <select
        value={slug}
        onChange={(event) => {
          setChosen((event.target as HTMLSelectElement).value);
          setStatus('');
        }}
      >
        {siteOptions(sites)}
      </select>
    </label>
  );

  if (!load || load.state === 'loading') {
    return (
      <div class="programme">
        {chooser}
        <p role="status">{t('dash.config.loading')}</p>
      </div>
    );
  }
  if (load.state === 'none' || load.state === 'failed') {
    return (
      <div class="programme">
        {chooser}
        <p role="status" class={load.state === 'failed' ? 'problem' : undefined}>
          {load.state === 'none' ? t('dash.config.none', { site: siteName }) : load.text}
        </p>
        {load.state === 'failed' ? (
          <button
            type="button"
            onClick={() =>
              setLoads((all) => {
                const { [slug]: _dropped, ...rest } = all;
                return rest;
              })
            }
          >
            {t('dash.config.retry')}
          </button>
        ) : null}
      </div>
    );
  }

  const { base, draft, conflict, issues } = load;
  const at = slug;
  const version = t('dash.config.version', {
    version: base.version,
    by: base.updatedBy,
    at: moment(base.updatedAt),
  });

  if (!canManage) {
    // What is published, never a draft this tab may keep from a `manage` token before.
    const shown = draftOf(base);
    return (
      <div class="programme">
        {chooser}
        <p>{version}</p>
        <h3>{t('dash.config.programme', { site: siteName })}</h3>
        {shown.schedule.length === 0 ? (
          <p>{t('dash.config.noItems')}</p>
        ) : (
          <ul class="read-list">
            {shown.schedule.map((item) => (
              <li key={item.id}>
                <strong>{item.title.nb}</strong> ({kindName(item.kind)}): {whenText(item)}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('dash.config.plan', { site: siteName })}</h3>
        {shown.plan.length === 0 ? (
          <p>{t('dash.config.noWords')}</p>
        ) : (
          <ul class="read-list">
            {shown.plan.map((word) => (
              <li key={word.date}>
                <strong>
                  {longDate(word.date)}: {word.title}
                </strong>
                {word.text ? ` – ${word.text}` : ''}
                {word.reference || word.speaker
                  ? ` (${[
                      word.reference,
                      word.speaker && `${t('dash.config.speaker')}: ${word.speaker}`,
                    ]
                      .filter(Boolean)
                      .join(', ')})`
                  : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const problemOf = (field: string) => issues.find((issue) => issue.field === field)?.text;
  const unshown = issues.filter((issue) => !/^(schedule|plan)\.\d+/.test(issue.field));
  /** A field's problem as part of its description, so a screen reader hears it on the field. */
  const described = (field: string, ...more: (string | undefined)[]) => {
    const problem = problemOf(field);
    const ids = [...more, problem ? id('problem', field) : undefined].filter(Boolean).join(' ');
    return {
      'aria-describedby': ids || undefined,
      'aria-invalid': problem ? true : undefined,
    } as const;
  };
  const problemLine = (field: string) => {
    const problem = problemOf(field);
    return problem ? (
      <p id={id('problem', field)} class="problem">
        {problem}
      </p>
    ) : null;
  };

  /** The draft changed: structure changes (an item added or removed) drop stale problems. */
  const change = (next: Draft, structural = false) => {
    amend(at, (ready) => ({ ...ready, draft: next, issues: structural ? [] : ready.issues }));
    setStatus('');
  };
  const changeItem = (index: number, item: ScheduleItem) =>
    change({ ...draft, schedule: draft.schedule.map((one, i) => (i === index ? item : one)) });
  const changeWord = (index: number, word: WordOfDay) =>
    change({ ...draft, plan: draft.plan.map((one, i) => (i === index ? word : one)) });

  function addItem(weekly: boolean) {
    const taken = draft.schedule.map((item) => item.id);
    const item: ScheduleItem = {
      id: neutralId(taken),
      kind: weekly ? 'activity' : 'event',
      title: { nb: '' },
      time: '18:00',
      ...(weekly ? { weekdays: [1] } : { date: today }),
    };
    change({ ...draft, schedule: [...draft.schedule, item] }, true);
    setFocusId(id('schedule', draft.schedule.length, 'title'));
  }

  function addWord() {
    const word: WordOfDay = { date: freeDay(draft.plan, today), title: '' };
    change({ ...draft, plan: [...draft.plan, word] }, true);
    setFocusId(id('plan', draft.plan.length, 'date'));
  }

  async function publish(event: Event) {
    event.preventDefault();
    if (busy.current) return;
    if (conflict) {
      setFocusId(id('conflict'));
      return;
    }
    if (!edited(base, draft)) {
      setStatus(t('dash.config.nothingChanged'));
      return;
    }
    const publishing = publishOf(base, draft);
    const found = issuesOf(publishing);
    if (found.length > 0) {
      amend(at, (ready) => ({ ...ready, issues: found }));
      setStatus(t('dash.config.notSent', { n: found.length }));
      setFocusId(fieldId(found[0]!.field));
      return;
    }
    busy.current = true;
    setStatus(t('dash.config.publishing'));
    try {
      const outcome = await api.publishConfig(at, publishing);
      if (outcome.ok) {
        const published: PublishedConfig = {
          version: outcome.version,
          config: publishing.config,
          plan: publishing.plan,
          // The endpoint answers only the version: the browser's clock stands in for its time.
          updatedAt: now().toISOString(),
          updatedBy: label,
        };
        put(at, { state: 'ready', base: published, draft: draftOf(published), issues: [] });
        setStatus(t('dash.config.published', { version: outcome.version, site: siteName }));
      } else {
        amend(at, (ready) => ({ ...ready, conflict: outcome.current, issues: [] }));
        setStatus('');
        setFocusId(id('conflict'));
      }
    } catch (error) {
      if (error instanceof ApiError && error.failure.reason === 'refused') {
        refused(t('dash.signIn.refused'));
        return;
      }
      if (
        error instanceof ApiError &&
        error.failure.reason === 'rejected' &&
        error.failure.status === 400 &&
        error.failure.issues.length > 0
      ) {
        const named = error.failure.issues.map((issue) => ({
          field: fieldOf(issue.path),
          text: t('dash.config.problem.server', { message: issue.message }),
        }));
        amend(at, (ready) => ({ ...ready, issues: named }));
        setStatus(t('dash.config.refused', { n: named.length }));
        setFocusId(fieldId(named[0]!.field));
        return;
      }
      setStatus(failureText(error, true));
    } finally {
      busy.current = false;
    }
  }

  /** The input a problem's field is typed in: the item's title for the item as a whole. */
  function fieldId(field: string): string {
    const parts = field.split('.');
    if (parts[0] === 'schedule' && parts.length === 2) return id('schedule', parts[1]!, 'title');
    if (parts[0] === 'schedule' && parts[2] === 'weekdays') {
      return id('schedule', parts[1]!, 'weekdays', 1);
    }
    if (parts[0] === 'schedule' && parts[2] === 'kind') return id('schedule', parts[1]!, 'kind');
    if (/^(schedule|plan)$/.test(parts[0]!) && parts.length === 3) return id(...parts);
    return id('publish');
  }

  function loadCurrent() {
    if (!conflict) return;
    const merged = rebase(base, draft, conflict);
    if (merged.ok) {
      put(at, { state: 'ready', base: conflict, draft: merged.draft, issues: [] });
      setStatus(
        edited(conflict, merged.draft)
          ? t('dash.config.rebased', { version: conflict.version })
          : t('dash.config.loaded', { version: conflict.version }),
      );
    } else {
      put(at, { state: 'ready', base: conflict, draft: draftOf(conflict), issues: [] });
      setStatus(
        t('dash.config.redo', {
          version: conflict.version,
          clashes: merged.clashes.map(clashText).join(', '),
        }),
      );
    }
    setFocusId(id('title'));
  }

  const clashes = conflict ? rebase(base, draft, conflict) : undefined;

  // A year's plan is hundreds of days: the days gone by, as published, are folded away until
  // asked for. A day edited, or with a problem, is always shown.
  const published = new Map(base.plan.map((word) => [word.date, word]));
  const hidden = (word: WordOfDay, index: number) =>
    !showPast &&
    word.date < today &&
    same(published.get(word.date), word) &&
    !issues.some((issue) => issue.field.startsWith(`plan.${index}.`));
  const hiddenPast = draft.plan.filter((word, index) => hidden(word, index)).length;

  return (
    <div class="programme">
      {chooser}
      <form
        class="config-form"
        aria-labelledby={id('title')}
        noValidate
        onSubmit={(event) => void publish(event)}
      >
        <h3 id={id('title')} tabIndex={-1}>
          {t('dash.config.programme', { site: siteName })}
        </h3>
        <p>{version}</p>
        {conflict && clashes ? (
          <section class="panel conflict" aria-labelledby={id('conflict')}>
            <h4 id={id('conflict')} tabIndex={-1}>
              {t('dash.config.conflictTitle', { site: siteName })}
            </h4>
            <p>
              {t('dash.config.conflictWho', {
                version: conflict.version,
                by: conflict.updatedBy,
                at: moment(conflict.updatedAt),
              })}
            </p>
            <p>
              {clashes.ok
                ? t('dash.config.conflictSimple')
                : t('dash.config.conflictClashes', {
                    clashes: clashes.clashes.map(clashText).join(', '),
                  })}
            </p>
            <button type="button" onClick={loadCurrent}>
              {clashes.ok
                ? t('dash.config.loadAndApply', { version: conflict.version })
                : t('dash.config.loadAndRedo', { version: conflict.version })}
            </button>
          </section>
        ) : null}
        <p class="hint">{t('dash.config.onlyHere')}</p>
        {draft.schedule.length === 0 ? <p>{t('dash.config.noItems')}</p> : null}
        {draft.schedule.map((item, index) => {
          const at = (field: string) => `schedule.${index}.${field}`;
          const name = item.title.nb.trim() || t('dash.config.newItem');
          const translated = Object.keys(item.title).some((language) => language !== 'nb');
          return (
            <fieldset key={item.id} class="config-item">
              <legend>{t('dash.config.itemLegend', { n: index + 1, title: name })}</legend>
              {problemLine(`schedule.${index}`)}
              <label for={id('schedule', index, 'title')}>{t('dash.config.itemTitle')}</label>
              <input
                id={id('schedule', index, 'title')}
                value={item.title.nb}
                maxLength={200}
                autocomplete="off"
                {...described(
                  at('title'),
                  translated ? id('schedule', index, 'translated') : undefined,
                  problemOf(`schedule.${index}`) ? id('problem', `schedule.${index}`) : undefined,
                )}
                onInput={(event) =>
                  changeItem(index, {
                    ...item,
                    title: { ...item.title, nb: (event.target as HTMLInputElement).value },
                  })
                }
              />
              {translated ? (
                <p id={id('schedule', index, 'translated')} class="hint">
                  {t('dash.config.translated')}
                </p>
              ) : null}
              {problemLine(at('title'))}
              <label for={id('schedule', index, 'kind')}>{t('dash.config.itemKind')}</label>
              <select
                id={id('schedule', index, 'kind')}
                value={item.kind}
                {...described(at('kind'))}
                onChange={(event) =>
                  changeItem(index, {
                    ...item,
                    kind: (event.target as HTMLSelectElement).value as ScheduleItem['kind'],
                  })
                }
              >
                {SCHEDULE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {kindName(kind)}
                  </option>
                ))}
              </select>
              {problemLine(at('kind'))}
              <div class="times">
                <div>
                  <label for={id('schedule', index, 'time')}>{t('dash.config.itemTime')}</label>
                  <input
                    id={id('schedule', index, 'time')}
                    type="time"
                    value={item.time}
                    {...described(at('time'))}
                    onInput={(event) =>
                      changeItem(index, {
                        ...item,
                        time: (event.target as HTMLInputElement).value,
                      })
                    }
                  />
                  {problemLine(at('time'))}
                </div>
                <div>
                  <label for={id('schedule', index, 'endTime')}>{t('dash.config.itemEnd')}</label>
                  <input
                    id={id('schedule', index, 'endTime')}
                    type="time"
                    value={item.endTime ?? ''}
                    {...described(at('endTime'))}
                    onInput={(event) =>
                      changeItem(
                        index,
                        withOptional(item, 'endTime', (event.target as HTMLInputElement).value),
                      )
                    }
                  />
                  {problemLine(at('endTime'))}
                </div>
              </div>
              <fieldset class="choices">
                <legend>{t('dash.config.repeat')}</legend>
                <label>
                  <input
                    type="radio"
                    name={id('schedule', index, 'repeat')}
                    checked={item.date === undefined}
                    onChange={() => {
                      const { date: _date, ...rest } = item;
                      changeItem(index, { ...rest, weekdays: [1] });
                    }}
                  />
                  {t('dash.config.weekly')}
                </label>
                <label>
                  <input
                    type="radio"
                    name={id('schedule', index, 'repeat')}
                    checked={item.date !== undefined}
                    onChange={() => {
                      const { weekdays: _weekdays, ...rest } = item;
                      changeItem(index, { ...rest, date: today });
                    }}
                  />
                  {t('dash.config.once')}
                </label>
              </fieldset>
              {item.date === undefined ? (
                <fieldset
                  class="choices weekdays"
                  aria-describedby={
                    problemOf(at('weekdays')) ? id('problem', at('weekdays')) : undefined
                  }
                >
                  <legend>{t('dash.config.weekdays')}</legend>
                  {WEEKDAYS.map((day) => (
                    <label key={day}>
                      <input
                        type="checkbox"
                        id={id('schedule', index, 'weekdays', day)}
                        checked={item.weekdays?.includes(day) ?? false}
                        aria-invalid={problemOf(at('weekdays')) ? true : undefined}
                        onChange={(event) => {
                          const on = (event.target as HTMLInputElement).checked;
                          const days = (item.weekdays ?? []).filter((one) => one !== day);
                          changeItem(index, {
                            ...item,
                            weekdays: on ? [...days, day].sort((a, b) => a - b) : days,
                          });
                        }}
                      />
                      {weekdayName('nb', day)}
                    </label>
                  ))}
                  {problemLine(at('weekdays'))}
                </fieldset>
              ) : (
                <>
                  <label for={id('schedule', index, 'date')}>{t('dash.config.date')}</label>
                  <input
                    id={id('schedule', index, 'date')}
                    type="date"
                    value={item.date}
                    {...described(at('date'))}
                    onInput={(event) =>
                      changeItem(index, {
                        ...item,
                        date: (event.target as HTMLInputElement).value,
                      })
                    }
                  />
                  {problemLine(at('date'))}
                </>
              )}
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  change(
                    { ...draft, schedule: draft.schedule.filter((_, i) => i !== index) },
                    true,
                  );
                  setStatus(t('dash.config.itemRemoved', { title: name }));
                  setFocusId(id('add-weekly'));
                }}
              >
                {t('dash.config.removeItem', { title: name })}
              </button>
            </fieldset>
          );
        })}
        <div class="buttons">
          <button
            type="button"
            id={id('add-weekly')}
            class="secondary"
            onClick={() => addItem(true)}
          >
            {t('dash.config.addWeekly')}
          </button>
          <button type="button" class="secondary" onClick={() => addItem(false)}>
            {t('dash.config.addOnce')}
          </button>
        </div>

        <h3>{t('dash.config.plan', { site: siteName })}</h3>
        {draft.plan.length === 0 ? <p>{t('dash.config.noWords')}</p> : null}
        {hiddenPast > 0 ? (
          <p class="buttons">
            <span>{t('dash.config.pastHidden', { n: hiddenPast })}</span>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                // Focus goes to the first day shown now, where the list continues.
                const first = draft.plan.findIndex((word, index) => hidden(word, index));
                setShowPast(true);
                setFocusId(id('plan', first, 'date'));
              }}
            >
              {t('dash.config.showPast', { n: hiddenPast })}
            </button>
          </p>
        ) : null}
        {draft.plan.map((word, index) => {
          if (hidden(word, index)) return null;
          const at = (field: string) => `plan.${index}.${field}`;
          const legend = t('dash.config.wordLegend', {
            date: word.date ? longDate(word.date) : t('dash.config.noDate'),
          });
          const text = (field: 'title' | 'reference' | 'speaker', labelKey: MessageKey) => (
            <>
              <label for={id('plan', index, field)}>{t(labelKey)}</label>
              <input
                id={id('plan', index, field)}
                value={word[field] ?? ''}
                maxLength={120}
                autocomplete="off"
                {...described(at(field))}
                onInput={(event) => {
                  const typed = (event.target as HTMLInputElement).value;
                  changeWord(
                    index,
                    field === 'title'
                      ? { ...word, title: typed }
                      : withOptional(word, field, typed),
                  );
                }}
              />
              {problemLine(at(field))}
            </>
          );
          return (
            // Keyed by place: a word's date is what the coordinator edits.
            <fieldset key={index} class="config-item">
              <legend>{legend}</legend>
              {problemLine(`plan.${index}`)}
              <label for={id('plan', index, 'date')}>{t('dash.config.date')}</label>
              <input
                id={id('plan', index, 'date')}
                type="date"
                value={word.date}
                {...described(at('date'))}
                onInput={(event) =>
                  changeWord(index, { ...word, date: (event.target as HTMLInputElement).value })
                }
              />
              {problemLine(at('date'))}
              {text('title', 'dash.config.wordTitle')}
              <label for={id('plan', index, 'text')}>{t('dash.config.wordText')}</label>
              <textarea
                id={id('plan', index, 'text')}
                value={word.text ?? ''}
                maxLength={2000}
                rows={3}
                {...described(at('text'))}
                onInput={(event) =>
                  changeWord(
                    index,
                    withOptional(word, 'text', (event.target as HTMLTextAreaElement).value),
                  )
                }
              />
              {problemLine(at('text'))}
              {text('reference', 'dash.config.wordReference')}
              {text('speaker', 'dash.config.speaker')}
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  change({ ...draft, plan: draft.plan.filter((_, i) => i !== index) }, true);
                  setStatus(t('dash.config.wordRemoved', { date: legend }));
                  setFocusId(id('add-word'));
                }}
              >
                {t('dash.config.removeWord', {
                  date: word.date ? longDate(word.date) : t('dash.config.noDate'),
                })}
              </button>
            </fieldset>
          );
        })}
        <div class="buttons">
          <button type="button" id={id('add-word')} class="secondary" onClick={addWord}>
            {t('dash.config.addWord')}
          </button>
        </div>
        {unshown.length > 0 ? (
          <div id={id('problem', 'other')} class="problem">
            <p>{t('dash.config.otherProblems')}</p>
            <ul>
              {unshown.map((issue) => (
                <li key={issue.field}>
                  {issue.field}: {issue.text}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p class="hint">{t('dash.config.publishHint', { max: TEXT_LIMITS.title })}</p>
        <button type="submit" id={id('publish')}>
          {t('dash.config.publish', { site: siteName })}
        </button>
        <p role="status" class="status">
          {status}
        </p>
      </form>
    </div>
  );
}
