/**
 * The events the door records: a check-in, and the refinement an answer to the site's question
 * makes of it. Pure: the store stamps the time and place and records them.
 */
import type { SiteConfig } from '../../shared/site-config.ts';
import type { EventInput } from '../../storage/index.ts';

type NewEvent = Omit<EventInput, 'id'>;

/** One visitor at the door, at `at` on `day` (by the hour, when the visit counter is). */
export function checkInEvent(site: SiteConfig, at: number, day: string, hour: number): NewEvent {
  const byHour = site.counters.find((counter) => counter.id === 'visit')?.byHour ?? true;
  return { day, at, counter: 'visit', ...(byHour ? { hour } : {}), delta: 1, source: 'door' };
}

/**
 * Moves a check-in to the key of the visitor's answer: one event undoes it, one counts it
 * where the answer says. None for an option the site does not have.
 */
export function answerEvents(
  site: SiteConfig,
  checkIn: EventInput,
  optionId: string,
  at: number,
): NewEvent[] {
  const option = site.question?.options.find((candidate) => candidate.id === optionId);
  if (option === undefined) return [];
  const target = option.countsAs ?? checkIn.counter;
  const moved: NewEvent = {
    day: checkIn.day,
    at,
    counter: target,
    delta: 1,
    source: 'door',
    refines: checkIn.id,
  };
  if (option.countsAs === undefined) moved.option = option.id;
  const targetCounter = site.counters.find((counter) => counter.id === target);
  if (checkIn.hour !== undefined && (targetCounter?.byHour ?? false)) moved.hour = checkIn.hour;
  const undo: NewEvent = {
    day: checkIn.day,
    at,
    counter: checkIn.counter,
    delta: -1,
    source: 'door',
    refines: checkIn.id,
  };
  if (checkIn.option !== undefined) undo.option = checkIn.option;
  if (checkIn.hour !== undefined) undo.hour = checkIn.hour;
  return [undo, moved];
}
