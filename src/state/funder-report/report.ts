/**
 * Owns the funder report as the lead's screen and its CSV use it: the domain's figures for a
 * period, the programme planned, where the days came from and the day it was made.
 */
import type { IsoDate } from '../../domain/business-day.ts';
import {
  funderReport,
  type FunderReport,
  type FunderReportPlan,
  type PeriodRefusal,
} from '../../domain/funder-report.ts';
import type { SiteConfig } from '../../shared/site-config.ts';
import type { TotalsSource } from '../reports.ts';
import type { FunderReportDays } from './load.ts';
import { funderReportPlan } from './plan.ts';
import { plannedProgramme, type PlannedItem } from './programme.ts';

/** Everything the funder report shows. */
export interface FunderReportView {
  site: string;
  source: TotalsSource;
  /** The business day it was made. */
  madeOn: IsoDate;
  plan: FunderReportPlan;
  report: FunderReport;
  programme: PlannedItem[];
}

export type FunderReportOutcome =
  { ok: true; view: FunderReportView } | { ok: false; reason: PeriodRefusal };

/** The funder report of `from`–`to` from loaded days, or why the period was refused. */
export function buildFunderReport(
  from: string,
  to: string,
  loaded: FunderReportDays,
  config: SiteConfig,
  madeOn: IsoDate,
): FunderReportOutcome {
  const plan = funderReportPlan(config);
  const result = funderReport(from, to, loaded.days, config, plan, loaded.lastYearDays);
  if (!result.ok) return result;
  return {
    ok: true,
    view: {
      site: config.name,
      source: loaded.source,
      madeOn,
      plan,
      report: result.report,
      programme: plannedProgramme(config, from, to),
    },
  };
}
