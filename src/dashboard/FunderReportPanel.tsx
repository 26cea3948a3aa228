/**
 * The funder report for one site or all sites together, computed as the tablet computes it (the
 * domain's funderReport, the tablet's plan and its labelled sections), printable on one A4 page
 * and downloadable as the tablet's CSV. The endpoint knows no opening hours: the figures that
 * need them are left to the tablet's report, and the page says so.
 */
import { useState } from 'preact/hooks';
import type { IsoDate } from '../domain/business-day.ts';
import { funderReport } from '../domain/funder-report.ts';
import { funderReportPlan } from '../state/funder-report/plan.ts';
import { funderReportCsv } from '../ui/staff/funder-report/funder-csv.ts';
import { reportSections, type Cell, type Section } from '../ui/staff/funder-report/sections.ts';
import type { Save } from './download.ts';
import { mergeSites, reportConfig, type DateRange } from './figures.ts';
import { count, hours, longDate, t, translator } from './format.ts';
import type { SiteData } from './Overview.tsx';

const ALL = '';

/** The report's sections for `scope` (a site's slug, or all sites together). */
export function dashboardReport(
  data: readonly SiteData[],
  scope: string,
  range: DateRange,
  today: IsoDate,
): { name: string; sections: Section[] } | undefined {
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
  data: readonly SiteData[];
  range: DateRange;
  today: IsoDate;
  save: Save;
  print?: () => void;
}

export function FunderReportPanel({
  data,
  range,
  today,
  save,
  print = () => window.print(),
}: FunderReportPanelProps) {
  const [scope, setScope] = useState(ALL);
  const report = dashboardReport(data, scope, range, today);
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
            {data.map(({ site }) => (
              <option key={site.slug} value={site.slug}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={print} disabled={!report}>
          {t('dash.report.print')}
        </button>
        <button type="button" onClick={download} disabled={!report}>
          {t('dash.report.csv')}
        </button>
      </div>
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
