/**
 * The funder report for one site or all sites together, computed as the tablet computes it (the
 * domain's funderReport, the tablet's plan and its labelled sections), printable on one A4 page
 * and downloadable as the tablet's CSV. The endpoint knows no opening hours: the figures that
 * need them are left to the tablet's report, and the page says so.
 *
 * The report needs every day of its sites in the period and last year (the estimate of people
 * reads them day by day): they are read only when the lead asks for the report («Lag rapport»),
 * through the page's cache of days, so a site already shown is not asked for again.
 */
import { useState } from 'preact/hooks';
import type { IsoDate } from '../domain/business-day.ts';
import { funderReport } from '../domain/funder-report.ts';
import { funderReportPlan } from '../state/funder-report/plan.ts';
import { funderReportCsv } from '../ui/staff/funder-report/funder-csv.ts';
import { reportSections, type Cell, type Section } from '../ui/staff/funder-report/sections.ts';
import type { AdminSite } from './api.ts';
import type { Save } from './download.ts';
import { lastYearOf, mergeSites, reportConfig, type DateRange } from './figures.ts';
import { count, hours, longDate, t, translator } from './format.ts';
import { failureText, type SiteData, type SiteDaysCache } from './site-days.ts';
import { siteOptions } from './SitePanel.tsx';

const ALL = '';

/** The report's sections for `scope` (a site's slug, or all sites together). */
interface Report {
  name: string;
  sections: Section[];
}

export function dashboardReport(
  data: readonly SiteData[],
  scope: string,
  range: DateRange,
  today: IsoDate,
): Report | undefined {
  const chosen = scope === ALL ? data : data.filter((d) => d.site.slug === scope);
  if (chosen.length === 0) return undefined;
  const name = scope === ALL ? t('dash.report.allSites') : chosen[0]!.site.name;
  const days = mergeSites(chosen.map((d) => d.days));
  const lastYearDays = mergeSites(chosen.map((d) => d.lastYearDays));
  const config = reportConfig(
    name,
    [...days, ...lastYearDays],
    chosen.map((d) => d.site.slug),
  );
  const plan = funderReportPlan(config);
  const result = funderReport(range.from, range.to, days, config, plan, lastYearDays);
  if (!result.ok) return undefined;
  const view = {
    site: name,
    source: 'endpoint' as const,
    madeOn: today,
    plan,
    report: result.report,
    programme: [],
  };
  // Opening hours and unrecorded days need the site's schedule, which only the tablet has.
  const needSchedule = new Set([t('staff.funder.openingHours'), t('staff.funder.notRecorded')]);
  const sections = reportSections(view, config, translator).map((section) => ({
    ...section,
    rows: section.rows.filter((row) => !needSchedule.has(row.label)),
  }));
  return { name, sections };
}

function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'count':
    case 'nok':
      return count(cell.value);
    case 'decimal':
      return hours(cell.value);
    case 'share':
      return new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 }).format(
        cell.value,
      );
    case 'text':
      return cell.text;
    case 'none':
      return '–';
  }
}

export interface FunderReportPanelProps {
  sites: readonly AdminSite[];
  range: DateRange;
  today: IsoDate;
  /** The page's days, kept by site and range. */
  days: SiteDaysCache;
  save: Save;
  print?: () => void;
}

/**
 * A report asked for, by the scope and period it was asked for and the days it was read from
 * (the page's cache, new with each period's figures: a period shown again is asked again).
 */
type Made = { key: string; from: SiteDaysCache } & (
  | { state: 'loading' }
  | { state: 'made'; report: Report | undefined }
  | { state: 'failed'; text: string }
);

export function FunderReportPanel({
  sites,
  range,
  today,
  days,
  save,
  print = () => window.print(),
}: FunderReportPanelProps) {
  const [scope, setScope] = useState(ALL);
  const [made, setMade] = useState<Made>();
  const key = `${scope} ${range.from} ${range.to}`;
  // A report of another scope or period is not this one: changing either asks again.
  const current = made?.key === key && made.from === days ? made : undefined;
  const report = current?.state === 'made' ? current.report : undefined;

  const make = async () => {
    setMade({ key, from: days, state: 'loading' });
    const chosen = scope === ALL ? sites : sites.filter((site) => site.slug === scope);
    const last = lastYearOf(range);
    const settle = (next: Made) =>
      setMade((now) => (now?.key === key && now.from === days ? next : now));
    try {
      const data = await Promise.all(
        chosen.map(async (site) => {
          const [shown, lastYear] = await Promise.all([
            days.load(site.slug, range),
            days.load(site.slug, last),
          ]);
          return { site, days: shown, lastYearDays: lastYear };
        }),
      );
      settle({
        key,
        from: days,
        state: 'made',
        report: dashboardReport(data, scope, range, today),
      });
    } catch (error) {
      settle({ key, from: days, state: 'failed', text: failureText(error) });
    }
  };
  const download = () => {
    if (!report) return;
    save(
      `tilskuddsrapport-${scope || 'alle'}-${range.from}-${range.to}.csv`,
      funderReportCsv(report.sections, translator),
      'text/csv;charset=utf-8',
    );
  };
  return (
    <div class="funder-report">
      <div class="controls no-print">
        <label>
          {t('dash.report.scope')}
          <select
            value={scope}
            onChange={(event) => setScope((event.target as HTMLSelectElement).value)}
          >
            <option value={ALL}>{t('dash.report.allSites')}</option>
            {siteOptions(sites)}
          </select>
        </label>
        <button type="button" onClick={() => void make()}>
          {t('dash.report.make')}
        </button>
        <button type="button" onClick={print} disabled={!report}>
          {t('dash.report.print')}
        </button>
        <button type="button" onClick={download} disabled={!report}>
          {t('dash.report.csv')}
        </button>
      </div>
      <p role="status" class={`status no-print${current?.state === 'failed' ? ' problem' : ''}`}>
        {current?.state === 'loading'
          ? t('dash.report.loading')
          : current?.state === 'failed'
            ? current.text
            : ''}
      </p>
      {current === undefined ? <p class="hint no-print">{t('dash.report.ask')}</p> : null}
      {report ? (
        <article class="report-page" aria-labelledby="report-heading">
          <h3 id="report-heading">
            {t('dash.report.heading', {
              site: report.name,
              from: longDate(range.from),
              to: longDate(range.to),
            })}
          </h3>
          <p class="note">{t('dash.report.openingNote')}</p>
          <div class="report-sections">
            {report.sections.map((section) => (
              <section
                key={section.id}
                class="report-section"
                aria-labelledby={`report-${section.id}`}
              >
                <h4 id={`report-${section.id}`}>{section.title}</h4>
                {section.rows.length > 0 ? (
                  <table class="figures">
                    <thead>
                      <tr>
                        <td />
                        {section.columns.map((column) => (
                          <th scope="col" key={column}>
                            {column}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {section.rows.map((row) => (
                        <tr key={row.label}>
                          <th scope="row">{row.label}</th>
                          {row.cells.map((cell, i) => (
                            <td key={i} class="num">
                              {cellText(cell)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {section.note ? <p class="note">{section.note}</p> : null}
              </section>
            ))}
          </div>
        </article>
      ) : null}
    </div>
  );
}
