/**
 * Owns what the settings editor's draft becomes before the schema checks it: ids made once
 * from names, empty rows dropped, and the counters a question or a capacity implies. Pure:
 * a configuration in, a new one out; it never validates, stores or rejects.
 */
import type { SiteConfig } from '../shared/site-config';
import { withVolunteerCounters } from './volunteer-hours';

/** A fixed ASCII id from a display name: "Øreakupunktur" → "oreakupunktur", never taken twice. */
export function slugFor(name: string, taken: readonly string[], fallback = 'punkt'): string {
  const base =
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || fallback;
  let slug = base;
  for (let n = 2; taken.includes(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Items with an id; a new item (id '') gets one from its name, unlike any other's. */
function withIds<T extends { id: string }>(items: T[], nameOf: (item: T) => string): T[] {
  const taken = items.map((item) => item.id).filter(Boolean);
  return items.map((item) => {
    if (item.id !== '') return item;
    const id = slugFor(nameOf(item), taken);
    taken.push(id);
    return { ...item, id };
  });
}

/**
 * What the editor's draft becomes before validation: new items (id '') get their slug from
 * their name, opening hours without days and empty dates are dropped, an answer that refines
 * visits is also a visit option, a place with a capacity counts check-outs, and every site
 * has the volunteer counters (`frivillige`, `frivillig-minutter`).
 */
export function prepareConfig(draft: SiteConfig): SiteConfig {
  let counters = withIds(draft.counters, (counter) => counter.name.nb).map((counter) =>
    counter.options ? { ...counter, options: withIds(counter.options, (o) => o.name.nb) } : counter,
  );
  const question = draft.question && {
    ...draft.question,
    options: withIds(draft.question.options, (option) => option.label.nb),
  };
  const answers = question?.options.filter((option) => option.countsAs === undefined) ?? [];
  counters = counters.map((counter) => {
    if (counter.id !== 'visit') return counter;
    const options = [...(counter.options ?? [])];
    for (const answer of answers) {
      if (!options.some((option) => option.id === answer.id)) {
        options.push({ id: answer.id, name: answer.label });
      }
    }
    return options.length > 0 ? { ...counter, options } : counter;
  });
  if (draft.capacity !== undefined && !counters.some((counter) => counter.kind === 'checkout')) {
    counters.push({ id: 'checkout', kind: 'checkout', name: { nb: 'Sjekket ut' }, byHour: true });
  }
  const prepared: SiteConfig = {
    ...draft,
    openingHours: draft.openingHours.filter((hours) => hours.weekdays.length > 0),
    closedDates: draft.closedDates.filter(Boolean),
    openDates: draft.openDates.filter(Boolean),
    schedule: withIds(draft.schedule, (item) => item.title.nb),
    counters: withVolunteerCounters({ counters }).counters,
  };
  if (question) prepared.question = question;
  return prepared;
}
