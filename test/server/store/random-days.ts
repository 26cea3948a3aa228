/**
 * Random upload days for the store contracts' interleaving tests, drawn from a seeded generator
 * so a failing run can be replayed: a few dates, each with one to four keys of three counters,
 * some with an option, an hour or kroner.
 */
import type { UploadV1 } from '../../../src/shared/protocol.ts';

/** An element of `list` drawn with `random`. */
export const pickWith =
  (random: () => number) =>
  <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)]!;

/**
 * The days of one upload: `picks` dates drawn from `dates` (a date drawn twice is one day), and
 * kroner on about `nokShare` of the keys.
 */
export function randomDays(
  random: () => number,
  dates: readonly string[],
  { picks = 2, nokShare = 0.2 } = {},
): UploadV1['days'] {
  const pick = pickWith(random);
  const drawn = Array.from({ length: picks }, () => pick(dates));
  return [...new Set(drawn)].map((date) => ({
    date,
    // A key occurs once a day: the later of a drawn pair stands.
    counts: [
      ...new Map(
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
          counter: pick(['visit', 'middag', 'bingo']),
          ...(random() < 0.4 ? { option: pick(['a', 'b']) } : {}),
          ...(random() < 0.5 ? { hour: pick([0, 12, 13]) } : {}),
          inc: Math.floor(random() * 30),
          dec: Math.floor(random() * 3),
          ...(random() < nokShare ? { incNok: Math.floor(random() * 500), decNok: 0 } : {}),
        })).map((count) => [`${count.counter}|${count.option}|${count.hour}`, count]),
      ).values(),
    ],
  }));
}
