/**
 * The site profile: everything a place configures, validated at every boundary
 * (stored config, config import, presets). Pure data and schemas; no defaults hidden
 * in UI code. Uses zod/mini so the tablet bundle stays small.
 */
import * as z from 'zod/mini';
import { clockTimeSchema, isoDateSchema, slugSchema } from './slug.ts';

export const LANGUAGES = ['nb', 'nn', 'se', 'en', 'uk', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

/**
 * The bound every stored text is read with: the one limit before the per-kind limits below,
 * so a configuration saved under it still reads (and never falls back to a preset).
 */
const STORED_TEXT_MAX = 200;
const storedText = () => z.string().check(z.maxLength(STORED_TEXT_MAX));

/** Text per language; bokmål is required and is the fallback for every other language. */
export const localizedTextSchema = z.strictObject({
  nb: z.string().check(z.minLength(1, 'kan ikke være tom'), z.maxLength(STORED_TEXT_MAX)),
  nn: z.optional(storedText()),
  se: z.optional(storedText()),
  en: z.optional(storedText()),
  uk: z.optional(storedText()),
  ar: z.optional(storedText()),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z.int().check(z.gte(1), z.lte(7));

export const openingHoursSchema = z.strictObject({
  weekdays: z.array(weekdaySchema).check(z.minLength(1)),
  open: clockTimeSchema,
  close: clockTimeSchema,
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const SCHEDULE_KINDS = ['word', 'meal', 'activity', 'event', 'service'] as const;

/** A programme item: weekly (weekdays) or one-off (date); exactly one of the two. */
export const scheduleItemSchema = z
  .strictObject({
    id: slugSchema,
    kind: z.enum(SCHEDULE_KINDS),
    title: localizedTextSchema,
    time: clockTimeSchema,
    endTime: z.optional(clockTimeSchema),
    weekdays: z.optional(z.array(weekdaySchema).check(z.minLength(1))),
    date: z.optional(isoDateSchema),
  })
  .check(
    z.refine((item) => (item.weekdays === undefined) !== (item.date === undefined), {
      message: 'et programpunkt gjelder enten faste ukedager eller én dato',
    }),
  );
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;

export const COUNTER_KINDS = ['visit', 'checkout', 'meal', 'sale', 'activity'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

export const counterOptionSchema = z.strictObject({
  id: slugSchema,
  name: localizedTextSchema,
  /**
   * Whether staff are offered it for tallying; absent means on. An option is retired, never
   * deleted: one that is off keeps its name for the counts already made with it.
   */
  enabled: z.optional(z.boolean()),
});
export type CounterOption = z.infer<typeof counterOptionSchema>;

/** Something counted. Its id is fixed forever; its name is the lead's to change. */
export const counterSchema = z.strictObject({
  id: slugSchema,
  kind: z.enum(COUNTER_KINDS),
  name: localizedTextSchema,
  /** Days it is on; absent means every opening day. */
  weekdays: z.optional(z.array(weekdaySchema).check(z.minLength(1))),
  /** Price of one unit in whole kroner, for sales. */
  priceNok: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
  options: z.optional(z.array(counterOptionSchema).check(z.maxLength(12))),
  /** Whether events are kept per local hour (visits are; meals need not be). */
  byHour: z.boolean(),
  /**
   * Whether staff are offered it for tallying; absent means on. A counter that is off keeps
   * the counts already made in history, exports and reports: switching it off hides no count.
   */
  enabled: z.optional(z.boolean()),
});
export type Counter = z.infer<typeof counterSchema>;

export const questionOptionSchema = z.strictObject({
  id: slugSchema,
  label: localizedTextSchema,
  /** Count the tap under this counter instead of `visit` (a tidgiver is not a visitor). */
  countsAs: z.optional(slugSchema),
});
export type QuestionOption = z.infer<typeof questionOptionSchema>;

/** Schema v1's one optional question after a check-in (read only to migrate it). */
export const checkInQuestionSchema = z.strictObject({
  text: localizedTextSchema,
  options: z.array(questionOptionSchema).check(z.minLength(1), z.maxLength(8)),
});
export type CheckInQuestion = z.infer<typeof checkInQuestionSchema>;

/**
 * The ready-made door questions, each its own counter with this fixed id (its answers and
 * texts live in domain/door-questions.ts and i18n/door-questions.ts).
 */
export const READY_QUESTIONS = ['forste-gang', 'aldersgruppe', 'kjonn'] as const;
export type ReadyQuestionId = (typeof READY_QUESTIONS)[number];
/** At most this many questions after a tap: a few short ones, never a form. */
export const MAX_QUESTIONS = 3;

/**
 * The site's own single-choice question: its id is its counter's, its answers that counter's
 * options. Only it may send the tap to another counter (`countsAs`), and it is asked first.
 */
export const ownQuestionSchema = z.strictObject({
  id: slugSchema,
  text: localizedTextSchema,
  options: z.array(questionOptionSchema).check(z.minLength(1), z.maxLength(8)),
});
export type OwnQuestion = z.infer<typeof ownQuestionSchema>;

/** The questions after a tap: the site's own (asked first), then the ready-made ones in order. */
export const doorQuestionsSchema = z.strictObject({
  own: z.optional(ownQuestionSchema),
  ready: z.array(z.enum(READY_QUESTIONS)),
});
export type DoorQuestionsConfig = z.infer<typeof doorQuestionsSchema>;

/** "Hvordan var det i dag?": off, asked at check-out, or a small separate button on the door. */
export const USER_VOICE_MODES = ['off', 'checkout', 'button'] as const;
export type UserVoiceMode = (typeof USER_VOICE_MODES)[number];

/** Whether `Intl` knows this IANA zone: every date on the door is formatted in it. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}

export const wordOfDaySettingsSchema = z.strictObject({
  enabled: z.boolean(),
  time: clockTimeSchema,
});

export const siteConfigSchema = z
  .strictObject({
    schema: z.literal(2),
    preset: z.optional(slugSchema),
    site: slugSchema,
    name: z.string().check(z.minLength(1, 'stedet må ha et navn'), z.maxLength(80)),
    timeZone: z.string().check(z.refine(isTimeZone, 'ukjent tidssone')),
    /** The business day starts at this local hour, so a late night is not split. */
    cutoffHour: z.int().check(z.gte(0), z.lte(12)),
    defaultLanguage: languageSchema,
    languages: z.array(languageSchema).check(z.minLength(1)),
    openingHours: z
      .array(openingHoursSchema)
      .check(z.minLength(1, 'stedet må ha minst én åpningsdag')),
    observePublicHolidays: z.boolean(),
    closedDates: z.array(isoDateSchema),
    /** Dates the place opens after all (a holiday celebrated together). */
    openDates: z.array(isoDateSchema),
    schedule: z.array(scheduleItemSchema),
    wordOfDay: wordOfDaySettingsSchema,
    counters: z.array(counterSchema).check(z.minLength(1)),
    questions: z.optional(doorQuestionsSchema),
    userVoice: z.optional(z.enum(USER_VOICE_MODES)),
    capacity: z.optional(z.int().check(z.gte(1, 'kapasiteten må være minst 1'), z.lte(10_000))),
    idleTimeoutSeconds: z.int().check(z.gte(15), z.lte(3600)),
    retentionDays: z.int().check(z.gte(1), z.lte(3650)),
  })
  .check(
    z.superRefine((config, ctx) => {
      const ids = new Set<string>();
      config.counters.forEach((counter, i) => {
        if (ids.has(counter.id)) {
          ctx.issues.push({
            code: 'custom',
            message: 'to tellere har samme id',
            input: counter.id,
            path: ['counters', i, 'id'],
          });
        }
        ids.add(counter.id);
      });
      if (!ids.has('visit')) {
        ctx.issues.push({
          code: 'custom',
          message: 'telleren «visit» (besøk) må finnes',
          input: config.counters,
          path: ['counters'],
        });
      }
      const own = config.questions?.own;
      own?.options.forEach((option, i) => {
        if (option.countsAs !== undefined && !ids.has(option.countsAs)) {
          ctx.issues.push({
            code: 'custom',
            message: 'svaret teller under en teller som ikke finnes',
            input: option.countsAs,
            path: ['questions', 'own', 'options', i, 'countsAs'],
          });
        }
      });
      const ready = config.questions?.ready ?? [];
      if (ready.length + (own ? 1 : 0) > MAX_QUESTIONS) {
        ctx.issues.push({
          code: 'custom',
          message: `høyst ${MAX_QUESTIONS} spørsmål etter innsjekk`,
          input: config.questions,
          path: ['questions'],
        });
      }
      if (new Set(ready).size !== ready.length) {
        ctx.issues.push({
          code: 'custom',
          message: 'det samme spørsmålet er valgt to ganger',
          input: ready,
          path: ['questions', 'ready'],
        });
      }
      // Its id is its counter's: it must not add answers to a counter that counts something else.
      if (own && ((READY_QUESTIONS as readonly string[]).includes(own.id) || ids.has(own.id))) {
        ctx.issues.push({
          code: 'custom',
          message: 'spørsmålets id er allerede i bruk',
          input: own.id,
          path: ['questions', 'own', 'id'],
        });
      }
      if (!config.languages.includes(config.defaultLanguage)) {
        ctx.issues.push({
          code: 'custom',
          message: 'standardspråket må være blant språkene',
          input: config.defaultLanguage,
          path: ['defaultLanguage'],
        });
      }
    }),
  );
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** One day's *Ord for dagen*: typed in or imported ahead of time. */
export const wordOfDaySchema = z.strictObject({
  date: isoDateSchema,
  title: z.string().check(z.minLength(1, 'tittel mangler'), z.maxLength(120)),
  text: z.optional(z.string().check(z.maxLength(2000))),
  reference: z.optional(z.string().check(z.maxLength(120))),
  speaker: z.optional(z.string().check(z.maxLength(120))),
});
export type WordOfDay = z.infer<typeof wordOfDaySchema>;
