// A site's programme and Ord for dagen plan on the dashboard: a `read` token sees them and no
// control; a `manage` token adds a programme item and a day's word and publishes from the version
// it read; a version published meanwhile (409) is shown with who published it and when, keeps
// what was typed and is loaded with the edits on top; a refused field (400) and a field the
// shared schemas refuse say so on the field; a site with nothing published says so.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type Api } from '../../../src/dashboard/api.ts';
import { Dashboard } from '../../../src/dashboard/Dashboard.tsx';
import { moment } from '../../../src/dashboard/format.ts';
import type { ConfigPublish, PublishedConfig } from '../../../src/shared/config-publication.ts';
import { ALTA_CONFIG, fakeApi } from './fixtures.ts';

const NOW = () => new Date('2026-12-05T12:00:00');
const ALTA = 'Blå Kors Hjerterom Alta';
const PUBLISH = `Publiser programmet og planen for ${ALTA}`;

/** Signs in and waits for Alta's programme (or what is said instead). */
async function open(api: Api) {
  render(<Dashboard apiFor={() => api} now={NOW} save={() => {}} />);
  fireEvent.input(screen.getByLabelText('Admin-nøkkel'), { target: { value: 'token' } });
  fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
  return screen.findByRole('region', { name: 'Program og Ord for dagen' });
}

const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const item = (section: HTMLElement, name: string | RegExp) =>
  within(section).getByRole('group', { name });
const status = (section: HTMLElement) => within(section).getByRole('status');
/** A field's description as a screen reader reads it: its aria-describedby's texts. */
const description = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe("a site's programme and plan on the dashboard", () => {
  beforeEach(() => sessionStorage.clear());

  it('shows a read token the programme and the plan, and no control', async () => {
    const section = await open(
      fakeApi([], { role: 'read', configs: { 'hjerterom-alta': ALTA_CONFIG } }),
    );
    await within(section).findByRole('heading', { name: `Program på ${ALTA}` });
    expect(within(section).getByText(/^Versjon 3, publisert av Døra /).tagName).toBe('P');
    const [programme, plan] = within(section).getAllByRole('list');
    expect(within(programme!).getAllByRole('listitem')[1]!.textContent).toBe(
      'Middag (Måltid): mandag, onsdag, fredag kl. 13:15',
    );
    expect(
      within(plan!)
        .getAllByRole('listitem')
        .map((word) => word.textContent),
    ).toEqual([
      '7.12.2026: Håp – Vi bærer hverandres byrder. (Hvem taler: Per)',
      '8.12.2026: Fellesskap (Gal 6,2)',
    ]);
    expect(within(section).queryAllByRole('button')).toEqual([]);
    expect(within(section).queryAllByRole('textbox')).toEqual([]);
    expect(within(section).queryByRole('form')).toBeNull();
  });

  it('says when the tablets have published nothing yet, and offers no editing', async () => {
    const section = await open(fakeApi([], { role: 'manage' }));
    expect((await within(section).findByText(/^Nettbrettene på/)).textContent).toBe(
      `Nettbrettene på ${ALTA} har ikke publisert innstillingene sine ennå. Programmet og Ord for dagen kan endres her når et nettbrett på stedet har publisert dem.`,
    );
    expect(within(section).queryAllByRole('button')).toEqual([]);
    expect(within(section).queryAllByRole('textbox')).toEqual([]);
  });

  it('lets a manage token add a programme item and a word, and publishes from the version read', async () => {
    const published: ConfigPublish[] = [];
    const asked: string[] = [];
    const section = await open(
      fakeApi(asked, { role: 'manage', configs: { 'hjerterom-alta': ALTA_CONFIG }, published }),
    );
    fireEvent.click(
      await within(section).findByRole('button', { name: 'Legg til fast programpunkt' }),
    );
    const added = item(section, 'Programpunkt 6: nytt programpunkt');
    const title = within(added).getByRole('textbox', { name: 'Tittel (bokmål)' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    type(title, 'Quiz');
    const quiz = item(section, 'Programpunkt 6: Quiz');
    type(within(quiz).getByLabelText('Starter'), '19:00');
    type(within(quiz).getByLabelText('Slutter (valgfritt)'), '21:00');
    fireEvent.click(within(quiz).getByRole('checkbox', { name: 'mandag' }));
    fireEvent.click(within(quiz).getByRole('checkbox', { name: 'torsdag' }));

    fireEvent.click(within(section).getByRole('button', { name: 'Legg til et ord for dagen' }));
    // Today has no word yet: the new one is today's.
    const word = item(section, 'Ord for dagen 5.12.2026');
    await waitFor(() => expect(document.activeElement).toBe(within(word).getByLabelText('Dato')));
    type(within(word).getByRole('textbox', { name: 'Tittel' }), 'Nåde');
    type(within(word).getByRole('textbox', { name: 'Hvem taler' }), 'Kari');

    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    await waitFor(() =>
      expect(status(section).textContent).toBe(
        `Publisert som versjon 4. Nettbrettene på ${ALTA} får den neste gang de synkroniserer.`,
      ),
    );
    expect(asked).toContain('publish hjerterom-alta 3');
    expect(published).toHaveLength(1);
    const sent = published[0]!;
    expect(sent.baseVersion).toBe(3);
    const { schedule, ...rest } = sent.config;
    const { schedule: before, ...restBefore } = ALTA_CONFIG.config;
    expect(rest).toEqual(restBefore);
    expect(schedule.slice(0, -1)).toEqual(before);
    expect(schedule.at(-1)).toEqual({
      id: expect.stringMatching(/^t-[a-z0-9]+$/),
      kind: 'activity',
      title: { nb: 'Quiz' },
      time: '19:00',
      endTime: '21:00',
      weekdays: [4],
    });
    expect(sent.plan).toEqual([
      ...ALTA_CONFIG.plan,
      { date: '2026-12-05', title: 'Nåde', speaker: 'Kari' },
    ]);
    // The page now stands on the new version.
    expect(within(section).getByText(/^Versjon 4, publisert av Kontoret /).tagName).toBe('P');
  });

  it('folds away the days gone by, shows them when asked, and still publishes them', async () => {
    const published: ConfigPublish[] = [];
    const past = { date: '2026-12-01', title: 'Lys' };
    const section = await open(
      fakeApi([], {
        role: 'manage',
        configs: { 'hjerterom-alta': { ...ALTA_CONFIG, plan: [past, ...ALTA_CONFIG.plan] } },
        published,
      }),
    );
    await within(section).findByRole('group', { name: 'Ord for dagen 7.12.2026' });
    expect(within(section).queryByRole('group', { name: 'Ord for dagen 1.12.2026' })).toBeNull();
    expect(within(section).getByText('Dager som er passert, er skjult: 1.').tagName).toBe('SPAN');
    const word = within(section).getByRole('group', { name: 'Ord for dagen 8.12.2026' });
    type(within(word).getByRole('textbox', { name: 'Tittel' }), 'Fellesskap i dag');
    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    await waitFor(() => expect(published).toHaveLength(1));
    expect(published[0]!.plan).toEqual([
      past,
      ALTA_CONFIG.plan[0],
      { ...ALTA_CONFIG.plan[1], title: 'Fellesskap i dag' },
    ]);
    fireEvent.click(within(section).getByRole('button', { name: 'Vis dagene som er passert (1)' }));
    const shown = within(section).getByRole('group', { name: 'Ord for dagen 1.12.2026' });
    await waitFor(() => expect(document.activeElement).toBe(within(shown).getByLabelText('Dato')));
  });

  it('refuses to send what the shared schemas refuse, and says so on the field', async () => {
    const published: ConfigPublish[] = [];
    const section = await open(
      fakeApi([], { role: 'manage', configs: { 'hjerterom-alta': ALTA_CONFIG }, published }),
    );
    const dinner = await within(section).findByRole('group', { name: 'Programpunkt 2: Middag' });
    type(within(dinner).getByRole('textbox', { name: 'Tittel (bokmål)' }), '');
    fireEvent.click(within(dinner).getByRole('checkbox', { name: 'mandag' }));
    fireEvent.click(within(dinner).getByRole('checkbox', { name: 'onsdag' }));
    fireEvent.click(within(dinner).getByRole('checkbox', { name: 'fredag' }));
    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    const emptied = item(section, 'Programpunkt 2: nytt programpunkt');
    const title = within(emptied).getByRole('textbox', { name: 'Tittel (bokmål)' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(description(title)).toContain('kan ikke være tom');
    expect(within(emptied).getByRole('group', { name: 'Ukedager' }).textContent).toContain(
      'Velg minst én ukedag.',
    );
    expect(status(section).textContent).toBe(
      'Ikke publisert: 2 felt må rettes først. Feilen står ved feltet. Endringene dine er her fortsatt.',
    );
    expect(published).toEqual([]);
  });

  it('shows the fields the endpoint refuses (400) and keeps what was typed', async () => {
    const section = await open(
      fakeApi([], {
        role: 'manage',
        configs: { 'hjerterom-alta': ALTA_CONFIG },
        publish: () =>
          Promise.reject(
            new ApiError({
              reason: 'rejected',
              status: 400,
              issues: [{ path: 'plan.1.title', message: 'tittel mangler' }],
            }),
          ),
      }),
    );
    const word = await within(section).findByRole('group', { name: 'Ord for dagen 8.12.2026' });
    const title = within(word).getByRole('textbox', { name: 'Tittel' });
    type(title, 'Fellesskap og håp');
    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(description(title)).toBe('Serveren godtok ikke feltet: tittel mangler');
    expect((title as HTMLInputElement).value).toBe('Fellesskap og håp');
    expect(document.activeElement).toBe(title);
    expect(status(section).textContent).toBe(
      'Serveren godtok ikke 1 felt. Feilen står ved feltet. Ingenting er publisert, og endringene dine er her fortsatt.',
    );
  });

  it('says what went wrong when the endpoint cannot be reached, and loses nothing', async () => {
    const section = await open(
      fakeApi([], {
        role: 'manage',
        configs: { 'hjerterom-alta': ALTA_CONFIG },
        publish: () => Promise.reject(new ApiError({ reason: 'network' })),
      }),
    );
    const dinner = await within(section).findByRole('group', { name: 'Programpunkt 2: Middag' });
    type(within(dinner).getByLabelText('Starter'), '14:00');
    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    await waitFor(() =>
      expect(status(section).textContent).toBe(
        'Fikk ikke kontakt med serveren. Ingenting er publisert, og endringene dine er her fortsatt. Sjekk nettet og prøv igjen.',
      ),
    );
    expect((within(dinner).getByLabelText('Starter') as HTMLInputElement).value).toBe('14:00');
  });

  it('keeps the edits in the tab when the token is refused while publishing', async () => {
    let refuse = true;
    const api = fakeApi([], {
      role: 'manage',
      configs: { 'hjerterom-alta': ALTA_CONFIG },
      publish: async (_site, body) => {
        if (refuse) throw new ApiError({ reason: 'refused' });
        return { ok: true, version: body.baseVersion + 1 };
      },
    });
    const section = await open(api);
    const dinner = await within(section).findByRole('group', { name: 'Programpunkt 2: Middag' });
    type(within(dinner).getByLabelText('Starter'), '14:00');
    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    const why = await screen.findByText(
      'Nøkkelen ble ikke godtatt. Lag en ny med «admin add» og prøv igjen.',
    );
    expect(why.getAttribute('role')).toBe('alert');
    refuse = false;
    fireEvent.input(screen.getByLabelText('Admin-nøkkel'), { target: { value: 'new-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
    const again = await screen.findByRole('region', { name: 'Program og Ord for dagen' });
    const kept = await within(again).findByRole('group', { name: 'Programpunkt 2: Middag' });
    expect((within(kept).getByLabelText('Starter') as HTMLInputElement).value).toBe('14:00');
  });

  it('shows a version published meanwhile with who and when, keeps the edits, and puts them on top', async () => {
    // Meanwhile the kitchen's tablet added a day to the plan: nothing the coordinator touched.
    const current: PublishedConfig = {
      ...ALTA_CONFIG,
      version: 4,
      plan: [...ALTA_CONFIG.plan, { date: '2026-12-09', title: 'Tro' }],
      updatedAt: '2026-12-05T11:30:00.000Z',
      updatedBy: 'Kjøkkenet',
    };
    const published: ConfigPublish[] = [];
    let conflicts = 1;
    const section = await open(
      fakeApi([], {
        role: 'manage',
        configs: { 'hjerterom-alta': ALTA_CONFIG },
        published,
        publish: async (_site, body) =>
          conflicts-- > 0 ? { ok: false, current } : { ok: true, version: body.baseVersion + 1 },
      }),
    );
    const dinner = await within(section).findByRole('group', { name: 'Programpunkt 2: Middag' });
    type(within(dinner).getByRole('textbox', { name: 'Tittel (bokmål)' }), 'Middag for alle');
    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));

    const heading = await within(section).findByRole('heading', {
      name: `Innstillingene for ${ALTA} er endret i mellomtiden`,
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const conflict = within(section).getByRole('region', {
      name: `Innstillingene for ${ALTA} er endret i mellomtiden`,
    });
    expect(within(conflict).getByText(/^Versjon 4 ble publisert/).textContent).toBe(
      `Versjon 4 ble publisert av Kjøkkenet ${moment(current.updatedAt)}, mens du gjorde endringene dine. Ingenting av ditt er publisert, og ingenting er overskrevet.`,
    );
    // What was typed is still there, and publishing again does not overwrite the new version.
    const kept = item(section, 'Programpunkt 2: Middag for alle');
    expect(
      (within(kept).getByRole('textbox', { name: 'Tittel (bokmål)' }) as HTMLInputElement).value,
    ).toBe('Middag for alle');
    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    expect(published).toHaveLength(1);

    fireEvent.click(
      within(conflict).getByRole('button', { name: 'Hent versjon 4 og legg endringene mine oppå' }),
    );
    await waitFor(() =>
      expect(status(section).textContent).toBe(
        'Versjon 4 er hentet, og endringene dine er lagt oppå. Se over, og publiser igjen.',
      ),
    );
    expect(within(section).queryByRole('region', { name: /endret i mellomtiden/ })).toBeNull();
    expect(within(section).getByText(/^Versjon 4, publisert av Kjøkkenet /).tagName).toBe('P');
    expect(item(section, 'Programpunkt 2: Middag for alle').tagName).toBe('FIELDSET');
    expect(item(section, 'Ord for dagen 9.12.2026').tagName).toBe('FIELDSET');

    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    await waitFor(() => expect(published).toHaveLength(2));
    expect(published[1]!.baseVersion).toBe(4);
    expect(published[1]!.config.schedule[1]!.title.nb).toBe('Middag for alle');
    expect(published[1]!.plan.map((word) => word.date)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
    ]);
  });

  it('says the edits must be redone when the same item changed on both sides', async () => {
    const changed = ALTA_CONFIG.config.schedule.map((one) =>
      one.id === 'middag' ? { ...one, time: '13:30' } : one,
    );
    const current: PublishedConfig = {
      ...ALTA_CONFIG,
      version: 4,
      config: { ...ALTA_CONFIG.config, schedule: changed },
      updatedAt: '2026-12-05T11:30:00.000Z',
      updatedBy: 'Kjøkkenet',
    };
    const section = await open(
      fakeApi([], {
        role: 'manage',
        configs: { 'hjerterom-alta': ALTA_CONFIG },
        publish: async () => ({ ok: false, current }),
      }),
    );
    const dinner = await within(section).findByRole('group', { name: 'Programpunkt 2: Middag' });
    type(within(dinner).getByLabelText('Starter'), '14:00');
    fireEvent.click(within(section).getByRole('button', { name: PUBLISH }));
    const conflict = await within(section).findByRole('region', {
      name: `Innstillingene for ${ALTA} er endret i mellomtiden`,
    });
    expect(within(conflict).getByText(/^Du og den andre/).textContent).toBe(
      'Du og den andre har endret det samme: programpunktet «Middag». Endringene dine kan derfor ikke legges oppå automatisk. Skriv dem ned, hent den nye versjonen og gjør dem på nytt.',
    );
    // Until the coordinator asks, the typed time stays.
    expect((within(dinner).getByLabelText('Starter') as HTMLInputElement).value).toBe('14:00');
    fireEvent.click(
      within(conflict).getByRole('button', {
        name: 'Hent versjon 4 (endringene mine må gjøres på nytt)',
      }),
    );
    await waitFor(() =>
      expect(status(section).textContent).toBe(
        'Versjon 4 er hentet uten endringene dine: gjør dem på nytt. Endret begge steder: programpunktet «Middag».',
      ),
    );
    const loaded = item(section, 'Programpunkt 2: Middag');
    expect((within(loaded).getByLabelText('Starter') as HTMLInputElement).value).toBe('13:30');
  });
});
