/** Owns the count of programme items planned on a period's opening days. Pure. */
import { addDays, type IsoDate } from '../../domain/business-day.ts';
import { programmeFor } from '../../domain/schedule.ts';
import type { ScheduleItem, SiteConfig } from '../../shared/site-config.ts';

/** A programme item and on how many opening days of the period it was planned. */
export interface PlannedItem {
  item: ScheduleItem;
  days: number;
}

/**
 * Each programme item with the number of opening days of `from`–`to` it was planned on, in
 * the order the site lists them; items never planned in the period are left out. Uses the
 * schedule as configured now (per-day snapshots come with config schema v2).
 */
export function plannedProgramme(config: SiteConfig, from: IsoDate, to: IsoDate): PlannedItem[] {
  const days = new Map<string, number>();
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const item of programmeFor(config, date)) days.set(item.id, (days.get(item.id) ?? 0) + 1);
  }
  return config.schedule
    .filter((item) => days.has(item.id))
    .map((item) => ({ item, days: days.get(item.id)! }));
}
