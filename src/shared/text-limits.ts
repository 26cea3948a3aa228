/**
 * The limits of the texts a lead types (questions, answers, programme titles, counter names),
 * each chosen to fit where it is shown, and the configuration schema that holds new input to
 * them. Its own module: only settings and config import need it, never the door's first paint.
 */
import * as z from 'zod/mini';
import { LANGUAGES, siteConfigSchema, type LocalizedText, type SiteConfig } from './site-config.ts';

/**
 * How many characters each kind of text the lead types may have, in every language, measured
 * on the door at 768×1024 (20 px type; test/e2e/accessibility.test.ts): a question is at most
 * two lines of its 28 px legend; answers sit on one line of their buttons, two to a row (at 30
 * each takes a row of its own, and eight of them ran 350 px below the screen); a programme
 * title is at most two lines of today's card. A counter's or option's name (40) is a staff
 * tally button's label and a table's row heading. The site's name keeps the schema's own 80.
 */
export const TEXT_LIMITS = { question: 100, answer: 28, title: 60, name: 40 } as const;
export type TextKind = keyof typeof TEXT_LIMITS;

/** One localized text of a configuration: where it is, and which limit it has. */
export interface ConfigText {
  path: (string | number)[];
  kind: TextKind;
  text: LocalizedText;
}

/** Every localized text a configuration holds (the lead's to word, per language). */
export function configTexts(config: SiteConfig): ConfigText[] {
  const own = config.questions?.own;
  return [
    ...config.schedule.map((item, i) => ({
      path: ['schedule', i, 'title'],
      kind: 'title' as const,
      text: item.title,
    })),
    ...config.counters.flatMap((counter, i) => [
      { path: ['counters', i, 'name'], kind: 'name' as const, text: counter.name },
      ...(counter.options ?? []).map((option, j) => ({
        path: ['counters', i, 'options', j, 'name'],
        kind: 'name' as const,
        text: option.name,
      })),
    ]),
    ...(own
      ? [
          { path: ['questions', 'own', 'text'], kind: 'question' as const, text: own.text },
          ...own.options.map((option, i) => ({
            path: ['questions', 'own', 'options', i, 'label'],
            kind: 'answer' as const,
            text: option.label,
          })),
        ]
      : []),
  ];
}

/**
 * The configuration as the lead saves or imports it: the stored schema plus each text's
 * limit (`TEXT_LIMITS`). Only new input is held to the limits; what is stored, backed up or
 * painted from reads with the stored schema, so a longer text saved before stays readable.
 */
export const siteConfigInputSchema = siteConfigSchema.check(
  z.superRefine((config, ctx) => {
    for (const { path, kind, text } of configTexts(config)) {
      const maximum = TEXT_LIMITS[kind];
      for (const language of LANGUAGES) {
        const value = text[language];
        if (value !== undefined && value.length > maximum) {
          ctx.issues.push({
            code: 'too_big',
            origin: 'string',
            maximum,
            inclusive: true,
            input: value,
            path: [...path, language],
          });
        }
      }
    }
  }),
);
