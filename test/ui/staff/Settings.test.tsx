import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { isVolunteerCounter, withVolunteerCounters } from '../../../src/domain/volunteer-hours.ts';
import { hjerteromAlta, montenegroHammerfest } from '../../../src/domain/presets/index.ts';
import type { SiteConfig } from '../../../src/shared/site-config.ts';
import { SLUG_PATTERN } from '../../../src/shared/slug.ts';
import { configFile, importConfigText } from '../../../src/state/settings.ts';
import { readSetting } from '../../../src/storage/settings.ts';
import { wordOn } from '../../../src/storage/words.ts';
import { App } from '../../../src/ui/App.tsx';
import { Settings } from '../../../src/ui/staff/settings/Settings.tsx';
import { StoreContext } from '../../../src/ui/store-context.ts';
import { clearSettings } from '../../support/staff.ts';
import { MONDAY_1250, THURSDAY_1200, testKiosk } from '../../support/kiosk.ts';

const MONDAY = '2026-11-23';

beforeEach(async () => {
  await clearSettings();
});

function renderSettings(config: SiteConfig = hjerteromAlta) {
  const kiosk = testKiosk({ config, now: MONDAY_1250 });
  render(
    <StoreContext.Provider value={kiosk.store}>
      <Settings role="lead" />
    </StoreContext.Provider>,
  );
  return kiosk;
}

const PLACE = 'Stedet og språkene';
const HOURS = 'Åpent og stengt';
const PROGRAMME = 'Programmet';
const COUNTERS = 'Tellere og priser';
const DOOR = 'Ved døra';
const TABLET = 'Nettbrettet';
/** A settings section: its own form, with its own save button. */
const section = (name: string) => within(screen.getByRole('form', { name }));
const save = (name: string) =>
  fireEvent.click(section(name).getByRole('button', { name: `Lagre – ${name}` }));
const type = (element: HTMLElement, value: string) =>
  fireEvent.input(element, { target: { value } });
// A neutral id: "t-" and a few base-36 characters, nothing the lead typed.
const NEUTRAL_ID = expect.stringMatching(/^t-[a-z0-9]{1,6}$/);
const group = (name: string) => screen.getByRole('group', { name });

function chooseFile(label: string, name: string, content: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true });
  fireEvent.change(input);
}

describe('the settings editor', () => {
  it('saves a new name through the schema and puts it on the door', async () => {
    const kiosk = renderSettings();
    type(screen.getByRole('textbox', { name: 'Stedets navn' }), 'Hjerterom Alta sentrum');
    save(PLACE);
    expect((await section(PLACE).findByRole('status')).textContent).toBe(
      'Lagret: Stedets navn: Blå Kors Hjerterom Alta → Hjerterom Alta sentrum.',
    );
    expect(kiosk.store.config.get().name).toBe('Hjerterom Alta sentrum');
    expect(((await readSetting('config')) as SiteConfig).name).toBe('Hjerterom Alta sentrum');
  });

  it('refuses a place without an opening day, and saves nothing', async () => {
    const kiosk = renderSettings(montenegroHammerfest);
    const hours = within(group('Åpningstider 1'));
    for (const day of ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn']) {
      fireEvent.click(hours.getByRole('checkbox', { name: day }));
    }
    save(HOURS);
    // The refusal stands next to the section's own save button.
    expect((await section(HOURS).findByRole('alert')).textContent).toBe(
      'Ikke lagret: stedet må ha minst én åpningsdag.',
    );
    expect(kiosk.store.config.get()).toBe(montenegroHammerfest);
    expect(await readSetting('config')).toBeUndefined();
  });

  it('refuses capacity 0 and a counter without a name', async () => {
    renderSettings(montenegroHammerfest);
    type(screen.getByRole('textbox', { name: 'Kapasitet (tomt = ingen grense)' }), '0');
    save(PLACE);
    expect((await screen.findByRole('alert')).textContent).toMatch(/kapasiteten må være minst 1/);
    type(screen.getByRole('textbox', { name: 'Kapasitet (tomt = ingen grense)' }), '15');
    fireEvent.click(screen.getByRole('button', { name: 'Legg til teller' }));
    save(COUNTERS);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Ikke lagret: teller 8 må ha et navn.'),
    );
    expect(await readSetting('config')).toBeUndefined();
  });

  it('names a field the schema refuses by its labels, in Norwegian', async () => {
    renderSettings();
    type(screen.getByRole('textbox', { name: 'Sekunder før personalskjermen lukkes' }), '5');
    save(TABLET);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ikke lagret: «Sekunder før personalskjermen lukkes» er for lite eller for kort. Ingenting er endret.',
    );
  });

  it("edits a programme title's nynorsk translation under Oversettelser and saves it", async () => {
    const kiosk = renderSettings();
    const word = within(group('Hobbykveld'));
    fireEvent.click(word.getByText('Oversettelser (tomt = bokmål vises)'));
    const nynorsk = word.getByRole('textbox', { name: 'Tittel: Norsk nynorsk' });
    expect(nynorsk.getAttribute('lang')).toBe('nn');
    type(nynorsk, 'Hobbykveld for alle');
    // Arabic runs in the direction typed; emptied, the translation is dropped and bokmål shows.
    const arabic = word.getByRole('textbox', { name: 'Tittel: العربية' });
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(arabic.getAttribute('dir')).toBe('auto');
    type(arabic, '');
    save(PROGRAMME);
    expect((await section(PROGRAMME).findByRole('status')).textContent).toBe('Lagret: Program.');
    const { title } = kiosk.store.config.get().schedule[4]!;
    expect(title).toEqual({
      ...hjerteromAlta.schedule[4]!.title,
      ar: undefined,
      nn: 'Hobbykveld for alle',
    });
    expect(title).not.toHaveProperty('ar');
    expect(((await readSetting('config')) as SiteConfig).schedule[4]!.title.nn).toBe(
      'Hobbykveld for alle',
    );
  });

  it('offers a translation only in the languages the site has on', async () => {
    renderSettings({ ...hjerteromAlta, languages: ['nb', 'en'], defaultLanguage: 'nb' });
    const word = within(group('Hobbykveld'));
    expect(word.getAllByRole('textbox').map((input) => input.getAttribute('lang') ?? 'nb')).toEqual(
      ['nb', 'en'],
    );
  });

  it('refuses a translation over its limit, naming the field, the language and the limit', async () => {
    const kiosk = renderSettings();
    const bingo = within(group('Bingo'));
    type(bingo.getByRole('textbox', { name: 'Tittel: Davvisámegiella' }), 'x'.repeat(61));
    save(PROGRAMME);
    expect((await section(PROGRAMME).findByRole('alert')).textContent).toBe(
      'Ikke lagret: «Program › nr. 4 › Tittel › Davvisámegiella» er for lang: høyst 60 tegn. Ingenting er endret.',
    );
    expect(kiosk.store.config.get()).toBe(hjerteromAlta);
    expect(await readSetting('config')).toBeUndefined();
  });

  it("gives a new counter and option a neutral id, never the lead's words; renaming keeps it", async () => {
    const kiosk = renderSettings(montenegroHammerfest);
    const counters = within(screen.getByRole('form', { name: 'Tellere og priser' }));
    expect(counters.getByRole('note').textContent).toBe('Ikke skriv navn på personer her.');
    fireEvent.click(screen.getByRole('button', { name: 'Legg til teller' }));
    fireEvent.click(screen.getByRole('button', { name: 'Legg til teller' }));
    type(within(group('Tellere 8')).getByRole('textbox', { name: 'Navn' }), 'Kari Nordmann');
    type(within(group('Tellere 9')).getByRole('textbox', { name: 'Navn' }), 'Kari Nordmann 2');
    fireEvent.click(
      within(group('Kari Nordmann')).getByRole('button', {
        name: 'Legg til valg for Kari Nordmann',
      }),
    );
    type(within(group('Valg 1')).getByRole('textbox', { name: 'Navn' }), 'Ola Nordmann');
    type(
      within(group('Kari Nordmann')).getByRole('textbox', {
        name: 'Pris i kroner (tomt = gratis)',
      }),
      '20',
    );
    save(COUNTERS);
    await screen.findByRole('status');
    // The counters the lead added (the implied volunteer counters are added after them).
    const added = () =>
      kiosk.store.config
        .get()
        .counters.filter((counter) => !isVolunteerCounter(counter.id))
        .slice(-2);
    const [kari, other] = added();
    expect(kari).toMatchObject({ name: { nb: 'Kari Nordmann' }, priceNok: 20 });
    for (const id of [kari!.id, other!.id, kari!.options![0]!.id]) {
      expect(id).toEqual(NEUTRAL_ID);
      expect(SLUG_PATTERN.test(id)).toBe(true);
    }
    expect(kari!.id).not.toBe(other!.id);
    type(within(group('Kari Nordmann')).getAllByRole('textbox', { name: 'Navn' })[0]!, 'Fisketur');
    type(within(group('Ola Nordmann')).getByRole('textbox', { name: 'Navn' }), 'Båt');
    save(COUNTERS);
    await waitFor(() => expect(added()[0]?.name.nb).toBe('Fisketur'));
    expect(added()[0]?.id).toBe(kari!.id);
    expect(added()[0]?.options?.[0]).toEqual({ id: kari!.options![0]!.id, name: { nb: 'Båt' } });
  });

  it('adds a one-off event, a closed date and "open after all" for a holiday', async () => {
    const kiosk = renderSettings();
    fireEvent.click(
      screen.getByRole('button', { name: 'Legg til arrangement (quiz, konsert, tur)' }),
    );
    const rows = screen.getAllByRole('group', { name: 'Program 6' });
    type(within(rows[0]!).getByRole('textbox', { name: 'Tittel' }), 'Quiz');
    type(
      screen.getByRole('textbox', { name: 'Stengte dager (ÅÅÅÅ-MM-DD, skilt med komma)' }),
      '2026-12-24, 2026-12-31',
    );
    type(
      screen.getByRole('textbox', { name: 'Åpent likevel (f.eks. en helligdag)' }),
      '2026-12-26',
    );
    save(PROGRAMME);
    expect((await screen.findByRole('status')).textContent).toBe('Lagret: Program.');
    save(HOURS);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Lagret: Stengte dager (ÅÅÅÅ-MM-DD, skilt med komma): – → 2026-12-24, 2026-12-31, ' +
          'Åpent likevel (f.eks. en helligdag): – → 2026-12-26.',
      ),
    );
    const config = kiosk.store.config.get();
    expect(config.schedule.at(-1)).toMatchObject({ id: NEUTRAL_ID, kind: 'event', date: MONDAY });
    expect(config.closedDates).toEqual(['2026-12-24', '2026-12-31']);
    expect(config.openDates).toEqual(['2026-12-26']);
  });

  it("the site's own question is asked first; an answer may count under another counter", async () => {
    const kiosk = renderSettings();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Stedets eget spørsmål (stilles først)' }),
    );
    type(screen.getByRole('textbox', { name: 'Spørsmålet' }), 'Jeg er …');
    fireEvent.click(screen.getByRole('button', { name: 'Legg til svar' }));
    type(within(group('Svar 1')).getByRole('textbox', { name: 'Svar' }), 'Deltaker');
    fireEvent.click(screen.getByRole('button', { name: 'Legg til svar' }));
    const staff = within(group('Svar 2'));
    type(staff.getByRole('textbox', { name: 'Svar' }), 'Jeg jobber her');
    fireEvent.change(staff.getByRole('combobox', { name: 'Teller som' }), {
      target: { value: 'middag' },
    });
    save(DOOR);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Lagret: Spørsmål etter innsjekk (høyst tre, alle kan hoppes over).',
    );
    expect(kiosk.store.config.get().questions).toEqual({
      ready: ['forste-gang'],
      own: {
        id: NEUTRAL_ID,
        text: { nb: 'Jeg er …' },
        options: [
          { id: NEUTRAL_ID, label: { nb: 'Deltaker' } },
          { id: NEUTRAL_ID, label: { nb: 'Jeg jobber her' }, countsAs: 'middag' },
        ],
      },
    });
  });

  it('takes over a configuration file of schema v1, its question migrated', async () => {
    const kiosk = renderSettings();
    const { questions: _questions, ...rest } = hjerteromAlta;
    const v1 = {
      ...rest,
      schema: 1,
      question: {
        text: { nb: 'Jeg er …' },
        options: [{ id: 'deltaker', label: { nb: 'Deltaker' } }],
      },
    };
    expect(await importConfigText(kiosk.store, JSON.stringify(v1))).toMatchObject({ ok: true });
    expect(kiosk.store.config.get()).toMatchObject({
      schema: 2,
      questions: { ready: [], own: { id: 'jeg-er', ...v1.question } },
    });
  });

  it('the lead chooses the ready-made questions, at most three in all, and the user voice', async () => {
    const kiosk = renderSettings();
    const ready = within(group('Ferdige spørsmål'));
    fireEvent.click(ready.getByRole('checkbox', { name: 'Aldersgruppe' }));
    fireEvent.change(
      screen.getByRole('combobox', { name: 'Hvordan var det i dag? (tre ansikter)' }),
      {
        target: { value: 'checkout' },
      },
    );
    save(DOOR);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Lagret: Spørsmål etter innsjekk (høyst tre, alle kan hoppes over), ' +
        'Hvordan var det i dag? (tre ansikter): Ikke spør → Ved utsjekk.',
    );
    expect(kiosk.store.config.get().questions).toEqual({ ready: ['forste-gang', 'aldersgruppe'] });
    expect(kiosk.store.config.get().userVoice).toBe('checkout');

    fireEvent.click(ready.getByRole('checkbox', { name: 'Kjønn' }));
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Stedets eget spørsmål (stilles først)' }),
    );
    type(screen.getByRole('textbox', { name: 'Spørsmålet' }), 'Hvem er du?');
    fireEvent.click(screen.getByRole('button', { name: 'Legg til svar' }));
    type(within(group('Svar 1')).getByRole('textbox', { name: 'Svar' }), 'Barn');
    save(DOOR);
    expect((await screen.findByRole('alert')).textContent).toMatch(/høyst 3 spørsmål/);
    expect(kiosk.store.config.get().questions).toEqual({ ready: ['forste-gang', 'aldersgruppe'] });
  });
});

describe('the settings sections', () => {
  it('each section saves only its own fields; the others keep their unsaved edits', async () => {
    const kiosk = renderSettings();
    const price = () =>
      within(group('Bingobrett')).getByRole('textbox', {
        name: 'Pris i kroner (tomt = gratis)',
      }) as HTMLInputElement;
    type(price(), '15');
    fireEvent.click(within(group('Åpningstider 1')).getByRole('checkbox', { name: 'man' }));
    expect(section(COUNTERS).getByText('Endringene her er ikke lagret ennå.')).toBeVisible();
    expect(screen.getByText('Ikke lagret ennå: Åpent og stengt, Tellere og priser.')).toBeVisible();

    save(HOURS);
    expect((await section(HOURS).findByRole('status')).textContent).toBe(
      'Lagret: Åpningstider (mandag).',
    );
    const stored = (await readSetting('config')) as SiteConfig;
    expect(stored.openingHours[0]!.weekdays).toEqual([2, 3, 5]);
    const bingo = (config: SiteConfig) => config.counters.find((c) => c.id === 'bingo');
    expect(bingo(stored)?.priceNok).toBe(10);
    // The price typed in the other section is still there, and still marked as not saved.
    expect(price().value).toBe('15');
    expect(section(COUNTERS).getByText('Endringene her er ikke lagret ennå.')).toBeVisible();
    expect(section(HOURS).queryByText('Endringene her er ikke lagret ennå.')).toBeNull();

    save(COUNTERS);
    expect((await section(COUNTERS).findByRole('status')).textContent).toBe(
      'Lagret: Bingobrett: pris 10 → 15 kr.',
    );
    expect(bingo(kiosk.store.config.get())?.priceNok).toBe(15);
    expect(kiosk.store.config.get().openingHours[0]!.weekdays).toEqual([2, 3, 5]);
    expect(screen.queryByText(/Ikke lagret ennå/)).toBeNull();
  });

  it('edits not saved are still there, and still marked, after leaving settings and coming back', () => {
    const kiosk = renderSettings();
    type(screen.getByRole('textbox', { name: 'Stedets navn' }), 'Nytt navn');
    cleanup();
    render(
      <StoreContext.Provider value={kiosk.store}>
        <Settings role="lead" />
      </StoreContext.Provider>,
    );
    expect((screen.getByRole('textbox', { name: 'Stedets navn' }) as HTMLInputElement).value).toBe(
      'Nytt navn',
    );
    expect(screen.getByText('Ikke lagret ennå: Stedet og språkene.')).toBeVisible();
  });

  it('a way straight to each section puts the focus on its heading', () => {
    renderSettings();
    fireEvent.click(screen.getByRole('button', { name: COUNTERS }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: COUNTERS }));
  });

  it('a refused section changes nothing stored and keeps the edits of another section', async () => {
    renderSettings();
    type(screen.getByRole('textbox', { name: 'Stedets navn' }), 'Nytt navn');
    type(screen.getByRole('textbox', { name: 'Sekunder før personalskjermen lukkes' }), '5');
    save(TABLET);
    expect((await section(TABLET).findByRole('alert')).textContent).toMatch(/^Ikke lagret/);
    expect(section(PLACE).queryByRole('alert')).toBeNull();
    expect(await readSetting('config')).toBeUndefined();
    expect((screen.getByRole('textbox', { name: 'Stedets navn' }) as HTMLInputElement).value).toBe(
      'Nytt navn',
    );
  });
});

describe('Ord for dagen', () => {
  it("stores today's word typed in", async () => {
    const kiosk = renderSettings();
    const plan = within(screen.getByRole('region', { name: 'Dagens ord og plan' }));
    type(plan.getByRole('textbox', { name: 'Tittel' }), 'Håp');
    type(plan.getByRole('textbox', { name: 'Henvisning' }), 'Rom 15,13');
    fireEvent.click(plan.getByRole('button', { name: 'Lagre dagens ord' }));
    expect((await plan.findByRole('status')).textContent).toBe('Dagens ord er lagret.');
    const { db } = await kiosk.storage;
    expect(await wordOn(db, MONDAY)).toEqual({
      date: MONDAY,
      title: 'Håp',
      reference: 'Rom 15,13',
    });
  });

  it('imports a good CSV plan (semicolons, quoted text)', async () => {
    const kiosk = renderSettings();
    chooseFile(
      'Importer plan fra fil',
      'plan.csv',
      'date;title;text;reference;speaker\n' +
        '2026-11-23;Håp;"Gud gir håp; hver dag";Rom 15,13;Kari\n' +
        '2026-11-24;Fred;;Joh 14,27;\n',
    );
    expect((await screen.findByRole('status')).textContent).toBe('Planen er importert: 2 dager.');
    const { db } = await kiosk.storage;
    expect(await wordOn(db, MONDAY)).toEqual({
      date: MONDAY,
      title: 'Håp',
      text: 'Gud gir håp; hver dag',
      reference: 'Rom 15,13',
      speaker: 'Kari',
    });
  });

  it('a file with a bad line imports nothing and names the line', async () => {
    const kiosk = renderSettings();
    chooseFile(
      'Importer plan fra fil',
      'plan.csv',
      'date,title,text\n2026-11-23,Håp,\n2026-13-40,Fred,\n2026-11-25,,tom tittel\n',
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ikke importert: 2 linjer har feil.',
    );
    const problems = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(problems).toEqual(['Linje 3: «Dag» har feil format', 'Linje 4: «Tittel» mangler']);
    const { db } = await kiosk.storage;
    expect(await wordOn(db, MONDAY)).toBeUndefined();
  });

  it('imports a JSON plan and reports a bad entry by its number', async () => {
    renderSettings();
    chooseFile(
      'Importer plan fra fil',
      'plan.json',
      JSON.stringify([{ date: '2026-11-23', title: 'Håp' }, { date: '2026-11-24' }]),
    );
    await screen.findByRole('alert');
    expect(screen.getByRole('listitem').textContent).toBe('Linje 2: «Tittel» mangler');
  });
});

describe('the configuration file', () => {
  it('exported and imported on a fresh tablet gives the same door', async () => {
    const edited: SiteConfig = {
      ...hjerteromAlta,
      name: 'Hjerterom Alta, Løkkeveien',
      schedule: [
        ...hjerteromAlta.schedule,
        { id: 'quiz', kind: 'event', title: { nb: 'Quiz' }, time: '18:30', date: '2026-11-26' },
      ],
    };
    const file = configFile(edited);
    await clearSettings();
    const fresh = testKiosk({ now: THURSDAY_1200 });
    expect((await importConfigText(fresh.store, file.content)).ok).toBe(true);
    render(<App store={fresh.store} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Hjerterom Alta, Løkkeveien',
    );
    expect((await screen.findByRole('list')).textContent).toMatch(/18\.30\s*Quiz/);
    expect(await readSetting('config')).toEqual(withVolunteerCounters(edited));
  });

  it('a failing import names the field in Norwegian and changes nothing', async () => {
    const kiosk = renderSettings();
    const broken = { ...hjerteromAlta, counters: [{ ...hjerteromAlta.counters[0], byHour: 'ja' }] };
    chooseFile('Bruk oppsett fra fil', 'oppsett.json', JSON.stringify(broken));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ikke lagret: «Tellere › nr. 1 › byHour» har feil type. Ingenting er endret.',
    );
    expect(kiosk.store.config.get()).toBe(hjerteromAlta);
    expect(await readSetting('config')).toBeUndefined();
  });
});

describe("a counter's switch", () => {
  it('switches a counter off and on with "Vis i tellingen", saved like the rest', async () => {
    const kiosk = renderSettings();
    const inUse = (counter: string) =>
      within(group(counter)).getByRole('checkbox', { name: 'Vis i tellingen' });
    expect((inUse('Bingobrett') as HTMLInputElement).checked).toBe(true);
    expect((inUse('Telefonsamtale') as HTMLInputElement).checked).toBe(false);
    // Visits are always counted: they have no switch.
    expect(within(group('Besøk')).queryByRole('checkbox', { name: 'Vis i tellingen' })).toBeNull();
    fireEvent.click(inUse('Bingobrett'));
    fireEvent.click(inUse('Telefonsamtale'));
    save(COUNTERS);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Lagret: Bingobrett endret, Telefonsamtale endret.',
    );
    const enabledOf = (config: SiteConfig, id: string) =>
      config.counters.find((counter) => counter.id === id)?.enabled;
    expect(enabledOf(kiosk.store.config.get(), 'bingo')).toBe(false);
    expect(enabledOf(kiosk.store.config.get(), 'telefonsamtale')).toBe(true);
    const stored = (await readSetting('config')) as SiteConfig;
    expect(enabledOf(stored, 'bingo')).toBe(false);
    expect(enabledOf(stored, 'telefonsamtale')).toBe(true);
  });

  it('retires a saved counter or option instead of removing it; only a new row can be removed', async () => {
    const kiosk = renderSettings();
    // Saved counters and options have no remove button: their counts keep their names.
    expect(within(group('Bingobrett')).queryByRole('button', { name: /^Fjern/ })).toBeNull();
    const cash = within(group('Bingobrett')).getByRole('group', { name: 'Kontant' });
    expect(within(cash).queryByRole('button', { name: /^Fjern/ })).toBeNull();
    fireEvent.click(within(cash).getByRole('checkbox', { name: 'Vis valget i tellingen' }));
    // A row not saved yet can go again.
    fireEvent.click(screen.getByRole('button', { name: 'Legg til teller' }));
    const added = screen.getAllByRole('group', { name: /^Tellere \d+$/ });
    expect(added).toHaveLength(1);
    fireEvent.click(within(added[0]!).getByRole('button', { name: /^Fjern/ }));
    expect(screen.queryAllByRole('group', { name: /^Tellere \d+$/ })).toEqual([]);
    save(COUNTERS);
    await screen.findByRole('status');
    const bingo = kiosk.store.config.get().counters.find((counter) => counter.id === 'bingo')!;
    expect(bingo.options).toEqual([
      { id: 'cash', name: expect.objectContaining({ nb: 'Kontant' }), enabled: false },
      { id: 'vipps', name: expect.objectContaining({ nb: 'Vipps' }) },
    ]);
  });

  it('an imported counter switch that is not yes or no is refused, the field named', async () => {
    const kiosk = renderSettings();
    const broken = {
      ...hjerteromAlta,
      counters: hjerteromAlta.counters.map((counter) =>
        counter.id === 'middag' ? { ...counter, enabled: 'ja' } : counter,
      ),
    };
    chooseFile('Bruk oppsett fra fil', 'oppsett.json', JSON.stringify(broken));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ikke lagret: «Tellere › nr. 2 › Vis i tellingen» har feil type. Ingenting er endret.',
    );
    expect(kiosk.store.config.get()).toBe(hjerteromAlta);
    expect(await readSetting('config')).toBeUndefined();
  });
});
