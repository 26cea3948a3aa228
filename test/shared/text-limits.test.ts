// Each kind of text the lead types has a limit in the shared schema: one character over it is
// refused with the limit named, at the limit it is taken; a configuration stored before the
// limits still reads.
import { describe, expect, it } from 'vitest';
import { hjerteromAlta, stegForSteg } from '../../src/domain/presets/index.ts';
import { siteConfigSchema, type SiteConfig } from '../../src/shared/site-config.ts';
import { TEXT_LIMITS, siteConfigInputSchema, type TextKind } from '../../src/shared/text-limits.ts';
import { fieldProblemOf, validationIssues } from '../../src/shared/validation-issues.ts';

/** A preset with one text of a kind set in one language. */
const WITH: Record<TextKind, (text: string) => { config: SiteConfig; path: string }> = {
  question: (text) => ({
    config: {
      ...stegForSteg,
      questions: {
        ready: [],
        own: { ...stegForSteg.questions!.own!, text: { nb: 'Jeg er', nn: text } },
      },
    },
    path: 'questions.own.text.nn',
  }),
  answer: (text) => {
    const own = stegForSteg.questions!.own!;
    const [first, ...rest] = own.options;
    return {
      config: {
        ...stegForSteg,
        questions: {
          ready: [],
          own: { ...own, options: [{ ...first!, label: { nb: text } }, ...rest] },
        },
      },
      path: 'questions.own.options.0.label.nb',
    };
  },
  title: (text) => ({
    config: {
      ...hjerteromAlta,
      schedule: [{ ...hjerteromAlta.schedule[0]!, title: { nb: 'Ord', ar: text } }],
    },
    path: 'schedule.0.title.ar',
  }),
  name: (text) => ({
    config: {
      ...hjerteromAlta,
      counters: hjerteromAlta.counters.map((counter, i) =>
        i === 1 ? { ...counter, name: { ...counter.name, se: text } } : counter,
      ),
    },
    path: 'counters.1.name.se',
  }),
};

describe("the limits of the lead's texts", () => {
  it.each(Object.entries(TEXT_LIMITS) as [TextKind, number][])(
    'a %s of %i characters is taken; one more is refused, the limit named',
    (kind, limit) => {
      expect(siteConfigInputSchema.safeParse(WITH[kind]('x'.repeat(limit)).config).success).toBe(
        true,
      );
      const { config, path } = WITH[kind]('x'.repeat(limit + 1));
      const result = siteConfigInputSchema.safeParse(config, { reportInput: true });
      if (result.success) throw new Error('expected a refusal');
      expect(result.error.issues).toHaveLength(1);
      expect(fieldProblemOf(result.error.issues[0]!)).toEqual({
        field: path,
        fieldProblem: 'too-long',
        max: limit,
      });
      expect(validationIssues(result.error)).toEqual([
        { path, message: `must be at most ${limit} characters` },
      ]);
    },
  );

  it('are shorter than the stored bound, which still reads a longer text saved before', () => {
    const { config } = WITH.answer('x'.repeat(TEXT_LIMITS.answer + 50));
    expect(siteConfigSchema.safeParse(config).success).toBe(true);
    expect(siteConfigInputSchema.safeParse(config).success).toBe(false);
  });
});
