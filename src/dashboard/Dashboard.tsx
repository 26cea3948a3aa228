/**
 * The coordinator's dashboard: sign in with an admin token, choose a period, and see every site
 * side by side, one site's figures, the funder report and every tablet with its health. A
 * `manage` token also adds sites and tablets and changes tablets from the list, and edits a site's
 * programme and *Ord for dagen* plan; the page asks the endpoint which role its token has. A refused token signs out and says why.
 *
 * A period chosen asks for what is shown at once: every site's sums over it and over the same
 * dates last year (two small answers a site, all at once), then the days of the one site the
 * site view shows. A funder report reads its sites' days only when the lead asks for it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { IsoDate } from '../domain/business-day.ts';
import type { RangeProblem } from '../domain/periods.ts';
import {
  ApiError,
  createApi,
  forgetToken,
  readToken,
  saveToken,
  type AdminMe,
  type AdminSite,
  type Api,
} from './api.ts';
import { Devices } from './Devices.tsx';
import { saveFile, type Save } from './download.ts';
import {
  PERIOD_CHOICES,
  customRange,
  lastYearOf,
  localToday,
  presetRange,
  type DateRange,
  type PeriodChoice,
} from './figures.ts';
import { longDate, t } from './format.ts';
import { FunderReportPanel } from './FunderReportPanel.tsx';
import { Overview } from './Overview.tsx';
import { Programme } from './Programme.tsx';
import { failureText, loadPeriod, useSiteDays } from './site-days.ts';
import { SitePanel } from './SitePanel.tsx';
import type { MessageKey } from '../i18n/nb.ts';
import type { SiteSumsAnswer } from '../shared/protocol.ts';

/** The figures shown: the period, and each site's sums over it and over the same period last year. */
interface Shown {
  range: DateRange;
  sums: ReadonlyMap<string, { now: SiteSumsAnswer; lastYear: SiteSumsAnswer }>;
}

const RANGE_PROBLEMS: Record<RangeProblem, MessageKey> = {
  missing: 'dash.period.missing',
  'to-before-from': 'dash.period.toBeforeFrom',
  'too-long': 'dash.period.tooLong',
};

function SignIn({ onToken, message }: { onToken: (token: string) => void; message: string }) {
  const [problem, setProblem] = useState('');
  return (
    <form
      class="sign-in"
      aria-labelledby="sign-in-title"
      onSubmit={(event) => {
        event.preventDefault();
        const input = (event.currentTarget as HTMLFormElement).elements.namedItem(
          'token',
        ) as HTMLInputElement;
        const token = input.value.trim();
        if (token === '') {
          setProblem(t('dash.signIn.empty'));
          input.focus();
          return;
        }
        input.value = '';
        onToken(token);
      }}
    >
      <h2 id="sign-in-title">{t('dash.signIn.title')}</h2>
      <label for="token">{t('dash.signIn.token')}</label>
      <input
        id="token"
        name="token"
        type="password"
        autocomplete="off"
        spellcheck={false}
        aria-describedby="token-hint"
      />
      <p id="token-hint" class="hint">
        {t('dash.signIn.hint')}
      </p>
      <p role="alert" class="problem">
        {problem || message}
      </p>
      <button type="submit">{t('dash.signIn.submit')}</button>
    </form>
  );
}

export interface DashboardProps {
  /** The API for a token; the endpoint's by default (tests give their own). */
  apiFor?: (token: string) => Api;
  now?: () => Date;
  save?: Save;
  print?: () => void;
}

export function Dashboard({
  apiFor = (token) => createApi(token),
  now = () => new Date(),
  save = saveFile,
  print,
}: DashboardProps) {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [message, setMessage] = useState('');
  const today: IsoDate = localToday(now());
  const [choice, setChoice] = useState<PeriodChoice>('thisMonth');
  const [range, setRange] = useState<DateRange>(() => presetRange('thisMonth', today));
  const [rangeProblem, setRangeProblem] = useState('');
  const [me, setMe] = useState<AdminMe | undefined>();
  const [sites, setSites] = useState<AdminSite[] | undefined>();
  const [shown, setShown] = useState<Shown | undefined>();
  const [status, setStatus] = useState('');

  const signOut = (why = '') => {
    forgetToken();
    setToken(null);
    setMe(undefined);
    setSites(undefined);
    setShown(undefined);
    setMessage(why);
  };

  // One API for a token: the figures and the changes use the same.
  const api = useMemo(() => (token === null ? undefined : apiFor(token)), [token]);
  // Sites' days are read when a section shows them, and kept while the same figures are shown.
  const days = useSiteDays(api, shown, signOut);

  useEffect(() => {
    if (api === undefined) return;
    let current = true;
    setStatus(t('dash.loading'));
    (async () => {
      const { who, sites: list, sums } = await loadPeriod(api, range);
      const last = lastYearOf(range);
      if (!current) return;
      setMe(who);
      setSites(list);
      setShown({ range, sums });
      setStatus(
        t('dash.period.shown', {
          from: longDate(range.from),
          to: longDate(range.to),
          lastFrom: longDate(last.from),
          lastTo: longDate(last.to),
        }),
      );
    })().catch((error: unknown) => {
      if (!current) return;
      if (error instanceof ApiError && error.failure.reason === 'refused') {
        signOut(failureText(error));
      } else {
        setStatus(failureText(error));
      }
    });
    return () => {
      current = false;
    };
  }, [api, range.from, range.to]);

  if (token === null) {
    return (
      <main id="main" class="dash">
        <h1>{t('dash.title')}</h1>
        <SignIn
          message={message}
          onToken={(typed) => {
            saveToken(typed);
            setMessage('');
            setToken(typed);
          }}
        />
      </main>
    );
  }

  return (
    <main id="main" class="dash">
      <div class="top no-print">
        <h1>{t('dash.title')}</h1>
        <button type="button" onClick={() => signOut()}>
          {t('dash.signOut')}
        </button>
        {me ? (
          <p class="who">
            {t('dash.manage.signedInAs', {
              label: me.label,
              role: t(me.role === 'manage' ? 'dash.manage.role.manage' : 'dash.manage.role.read'),
            })}
          </p>
        ) : null}
      </div>
      <nav class="no-print" aria-label={t('dash.nav.label')}>
        <ul>
          <li>
            <a href="#overview">{t('dash.overview.title')}</a>
          </li>
          <li>
            <a href="#site">{t('dash.site.title')}</a>
          </li>
          <li>
            <a href="#report">{t('dash.report.title')}</a>
          </li>
          <li>
            <a href="#devices">{t('dash.devices.title')}</a>
          </li>
          <li>
            <a href="#programme">{t('dash.nav.programme')}</a>
          </li>
        </ul>
      </nav>
      <form
        class="period no-print"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget as HTMLFormElement;
          const value = (name: string) =>
            (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
          if (choice !== 'custom') {
            setRange(presetRange(choice, today));
            setRangeProblem('');
            return;
          }
          const typed = customRange(value('from'), value('to'));
          if (typeof typed === 'string') {
            setRangeProblem(t(RANGE_PROBLEMS[typed]));
            return;
          }
          setRangeProblem('');
          setRange(typed);
        }}
      >
        <fieldset>
          <legend>{t('dash.period.legend')}</legend>
          <div class="choices">
            {PERIOD_CHOICES.map((one) => (
              <label key={one} class="choice">
                <input
                  type="radio"
                  name="period"
                  value={one}
                  checked={choice === one}
                  onChange={() => setChoice(one)}
                />
                {t(`dash.period.${one}` as MessageKey)}
              </label>
            ))}
          </div>
          {choice === 'custom' ? (
            <div class="dates">
              <label>
                {t('dash.period.from')}
                <input type="date" name="from" defaultValue={range.from} />
              </label>
              <label>
                {t('dash.period.to')}
                <input type="date" name="to" defaultValue={range.to} />
              </label>
            </div>
          ) : null}
          <button type="submit">{t('dash.period.show')}</button>
          <p role="alert" class="problem">
            {rangeProblem}
          </p>
        </fieldset>
      </form>
      <p role="status" class="status no-print">
        {status}
      </p>
      {sites && shown ? (
        <>
          <section id="overview" aria-labelledby="overview-title" class="no-print">
            <h2 id="overview-title">{t('dash.overview.title')}</h2>
            <Overview
              data={sites.map((site) => ({
                site,
                // A site added since the figures were read has none yet.
                totals: shown.sums.get(site.slug)?.now.totals ?? [],
                lastYearTotals: shown.sums.get(site.slug)?.lastYear.totals ?? [],
              }))}
              range={shown.range}
            />
          </section>
          <section id="site" aria-labelledby="site-title" class="no-print">
            <h2 id="site-title">{t('dash.site.title')}</h2>
            <SitePanel sites={sites} range={shown.range} today={today} save={save} days={days} />
          </section>
          <section id="report" aria-labelledby="report-title">
            <h2 id="report-title" class="no-print">
              {t('dash.report.title')}
            </h2>
            <FunderReportPanel
              sites={sites}
              range={shown.range}
              today={today}
              days={days}
              save={save}
              {...(print ? { print } : {})}
            />
          </section>
          <section id="devices" aria-labelledby="devices-title" class="no-print">
            <h2 id="devices-title">{t('dash.devices.title')}</h2>
            <Devices
              sites={sites}
              now={now()}
              manage={
                api && me?.role === 'manage'
                  ? {
                      api,
                      now,
                      update: (change) => setSites((list) => list && change(list)),
                      refused: (why) => signOut(why),
                    }
                  : undefined
              }
            />
          </section>
          {api && me ? (
            <section id="programme" aria-labelledby="programme-title" class="no-print">
              <h2 id="programme-title">{t('dash.config.title')}</h2>
              <Programme
                api={api}
                sites={sites}
                canManage={me.role === 'manage'}
                label={me.label}
                today={today}
                now={now}
                refused={(why) => signOut(why)}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
