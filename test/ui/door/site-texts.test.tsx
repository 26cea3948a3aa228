// The door words the site's own texts — its question, answers and programme — in the
// visitor's language, bokmål where a translation is empty, and isolates a bokmål text in the
// Arabic page so it is not drawn as "?Hvem er du".
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { instantOf } from '../../../src/domain/business-day.ts';
import { hjerteromAlta, hjerteromBarnUnge } from '../../../src/domain/presets/index.ts';
import { loadCatalogue, nb } from '../../../src/i18n/index.ts';
import { LANGUAGES, type Language, type SiteConfig } from '../../../src/shared/site-config.ts';
import { App } from '../../../src/ui/App.tsx';
import { testKiosk } from '../../support/kiosk.ts';

/** Thursday 26 November 2026, 17:45: open, pizza evening at 18.00 next. */
const THURSDAY_1745 = instantOf('2026-11-26', '17:45', 'Europe/Oslo');
const own = hjerteromBarnUnge.questions!.own!;
/** The preset, its guardian answer translated to none but English, Ukrainian and North Sámi. */
const SITE: SiteConfig = {
  ...hjerteromBarnUnge,
  questions: {
    ready: [],
    own: {
      ...own,
      options: own.options.map((option) =>
        option.id === 'foresatt'
          ? {
              ...option,
              label: {
                nb: 'Foresatt',
                nn: '',
                se: 'Fuolaheaddji',
                en: 'Guardian',
                uk: 'Батьки чи опікун',
              },
            }
          : option,
      ),
    },
  },
};

/** The door on a fresh tablet, in a visitor's language, after one tap on its Sjekk inn. */
async function tapIn(config: SiteConfig, language: Language) {
  render(<App store={testKiosk({ config, now: THURSDAY_1745 }).store} />);
  if (language !== 'nb')
    fireEvent.click(screen.getByRole('button', { name: nb[`lang.${language}`] }));
  const checkIn = (await loadCatalogue(language))['door.checkIn'] ?? nb['door.checkIn'];
  fireEvent.click(await screen.findByRole('button', { name: checkIn }));
}

describe("the site's own texts at the door", () => {
  it.each(LANGUAGES)(
    "in %s: the site's question and its answers, bokmål for an empty one",
    async (language) => {
      await tapIn(SITE, language);
      const question = await screen.findByRole('group', { name: own.text[language] });
      const answers = within(question)
        .getAllByRole('button')
        .map((button) => button.textContent);
      const guardian = SITE.questions!.own!.options[2]!.label;
      expect(answers.slice(0, 3)).toEqual([
        own.options[0]!.label[language],
        own.options[1]!.label[language],
        guardian[language] || 'Foresatt',
      ]);
      expect(new Set(answers.slice(0, 3)).size).toBe(3);
    },
  );

  it('in Arabic isolates a bokmål answer, question and programme title in <bdi lang="nb">', async () => {
    const { ar: _question, ...questionText } = own.text;
    const [_activity, pizza, youth] = hjerteromBarnUnge.schedule;
    const { ar: _pizza, ...pizzaTitle } = pizza!.title;
    const config: SiteConfig = {
      ...SITE,
      questions: { ready: [], own: { ...SITE.questions!.own!, text: questionText } },
      schedule: [{ ...pizza!, title: pizzaTitle }, youth!],
    };
    await tapIn(config, 'ar');
    expect(screen.getByRole('main').getAttribute('dir')).toBe('rtl');
    const question = await screen.findByRole('group', { name: 'Hvem er du?' });
    const isolated = (element: HTMLElement) =>
      [...element.querySelectorAll('bdi')].map((bdi) => [
        bdi.getAttribute('lang'),
        bdi.textContent,
      ]);
    expect(isolated(question)).toEqual([
      ['nb', 'Hvem er du?'],
      ['nb', 'Foresatt'],
    ]);
    // Arabic texts the site has are not isolated: they run with the page.
    expect(within(question).getByRole('button', { name: own.options[0]!.label.ar })).toBeVisible();
    const programme = await screen.findByRole('list');
    expect(isolated(programme)).toEqual([['nb', 'Pizzakveld']]);
    expect(programme.textContent).toContain(youth!.title.ar!);
  });

  it.each([
    ['2029-05-17', 'ar', 'مغلق اليوم – يوم الدستور'],
    ['2029-05-17', 'se', 'Gitta odne – Vuođđoláhkabeaivi'],
    // Whit Monday and Constitution Day fall on one date in 2027.
    ['2027-05-17', 'en', 'Closed today – Whit Monday and Constitution Day'],
  ] as const)(
    "on %s in %s the closed line names the public holiday in the visitor's language",
    async (date, language, line) => {
      const now = instantOf(date, '12:00', 'Europe/Oslo');
      render(<App store={testKiosk({ config: hjerteromAlta, now }).store} />);
      fireEvent.click(screen.getByRole('button', { name: nb[`lang.${language}`] }));
      // The closed notice begins with it, and goes on to say when the place opens again.
      const notice = await screen.findByText((text) => text.startsWith(`${line} — `));
      expect(notice).toBeVisible();
    },
  );
});
