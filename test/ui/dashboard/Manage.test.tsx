// Sites and tablets managed from the dashboard: a `read` token sees everything and no control; a
// `manage` token adds a site, adds a tablet and sees its pairing code once, relabels, revokes
// after a question that names the tablet, and gives a new code. Focus follows each step, the
// outcome is said in a status region, and a change the endpoint refuses says why in Norwegian
// and leaves the page (and what was typed) as it was.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type Api } from '../../../src/dashboard/api.ts';
import { Dashboard } from '../../../src/dashboard/Dashboard.tsx';
import { fakeApi } from './fixtures.ts';

const NOW = () => new Date('2026-12-05T12:00:00');
const ALTA_TABLE = 'Nettbrett på Blå Kors Hjerterom Alta';
const KITCHEN = '22222222-2222-4222-8222-222222222222';

/** Signs in with a token the fake endpoint knows, and waits for the tablets. */
async function open(api: Api) {
  render(<Dashboard apiFor={() => api} now={NOW} save={() => {}} />);
  fireEvent.input(screen.getByLabelText('Admin-nøkkel'), { target: { value: 'token' } });
  fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
  return screen.findByRole('table', { name: ALTA_TABLE });
}

const devicesStatus = () =>
  screen.getAllByRole('status').find((status) => status.closest('#devices'))!;
const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((header) => header.textContent);

describe('managing sites and tablets from the dashboard', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows a read token everything and no control', async () => {
    const table = await open(fakeApi([], { role: 'read' }));
    expect(screen.getByText('Logget inn som Styret (kan se alt).').tagName).toBe('P');
    expect(rowNames(table)).toEqual(['Døra', 'Kjøkkenet', 'Uten navn (33333333)']);
    expect(
      screen.queryAllByRole('button', {
        name: /^(Endre navn|Ny paringskode|Tilbakekall|Legg til)/,
      }),
    ).toEqual([]);
    expect(screen.queryByRole('columnheader', { name: 'Endre' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Legg til et sted' })).toBeNull();
    expect(screen.queryByLabelText('Kortnavn')).toBeNull();
  });

  it('lets a manage token add a site, checking the slug first', async () => {
    const asked: string[] = [];
    await open(fakeApi(asked, { role: 'manage' }));
    expect(screen.getByText('Logget inn som Kontoret (kan se og endre).').tagName).toBe('P');
    const form = screen.getByRole('form', { name: 'Legg til et sted' });
    const slug = within(form).getByLabelText('Kortnavn');
    fireEvent.input(slug, { target: { value: 'Ny Plass' } });
    fireEvent.input(within(form).getByLabelText('Navn på stedet'), {
      target: { value: 'Ny plass' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Legg til stedet' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(
      /^Kortnavnet kan bare ha små bokstaver a–z/,
    );
    expect(document.activeElement).toBe(slug);
    // A slug the page already shows is refused without asking.
    fireEvent.input(slug, { target: { value: 'steg-for-steg' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Legg til stedet' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toBe(
        'Det finnes allerede et sted med kortnavnet «steg-for-steg».',
      ),
    );
    expect(asked.filter((one) => one.startsWith('add'))).toEqual([]);

    fireEvent.input(slug, { target: { value: 'ny-plass' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Legg til stedet' }));
    const added = await screen.findByRole('table', { name: 'Nettbrett på Ny plass' });
    expect(within(added).getByRole('cell').textContent).toBe('Ingen nettbrett ennå.');
    expect(asked).toContain('add site ny-plass Ny plass');
    expect(devicesStatus().textContent).toBe(
      'Ny plass er lagt til. Legg til nettbrett på stedet under.',
    );
    // The next step is its first tablet: focus is there, and the form is empty again.
    const next = screen.getByRole('form', { name: 'Nytt nettbrett på Ny plass' });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(next).getByLabelText('Navn på nettbrettet (valgfritt)'),
      ),
    );
    expect((slug as HTMLInputElement).value).toBe('');
    expect(within(form).queryByRole('alert')).toBeNull();
    // The new site is in the rest of the page too: one site's view and the report's scope.
    expect(screen.getAllByRole('option', { name: 'Ny plass' })).toHaveLength(2);
  });

  it('adds a tablet and shows its pairing code once, saying it is shown only now', async () => {
    const asked: string[] = [];
    const table = await open(fakeApi(asked, { role: 'manage' }));
    const form = screen.getByRole('form', { name: 'Nytt nettbrett på Blå Kors Hjerterom Alta' });
    fireEvent.input(within(form).getByLabelText('Navn på nettbrettet (valgfritt)'), {
      target: { value: ' Baren ' },
    });
    fireEvent.click(
      within(form).getByRole('button', { name: 'Legg til nettbrett på Blå Kors Hjerterom Alta' }),
    );
    const heading = await screen.findByRole('heading', { name: 'Paringskode til Baren' });
    expect(asked).toContain('add device hjerterom-alta Baren');
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const panel = screen.getByRole('region', { name: 'Paringskode til Baren' });
    expect(within(panel).getByText('ABCDE-23456').tagName).toBe('CODE');
    expect(within(panel).getByText('https://terskel.example.no/#/provision?c=eyJ9').tagName).toBe(
      'CODE',
    );
    expect(within(panel).getByText(/^Koden og lenken vises bare nå\./).tagName).toBe('STRONG');
    expect(devicesStatus().textContent).toBe(
      'Baren er lagt til på Blå Kors Hjerterom Alta. Paringskoden vises under tabellen.',
    );
    expect(rowNames(table)).toEqual(['Døra', 'Kjøkkenet', 'Uten navn (33333333)', 'Baren']);
    expect(
      within(within(table).getByRole('row', { name: /^Baren/ })).getAllByRole('cell')[0]!
        .textContent,
    ).toBe('aldri');

    fireEvent.click(within(panel).getByRole('button', { name: 'Ferdig, skjul koden' }));
    await waitFor(() => expect(screen.queryByText('ABCDE-23456')).toBeNull());
    expect(screen.queryByRole('heading', { name: 'Paringskode til Baren' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(within(table).getByRole('rowheader', { name: 'Baren' })),
    );
  });

  it('relabels a tablet, starting from its name', async () => {
    const asked: string[] = [];
    const table = await open(fakeApi(asked, { role: 'manage' }));
    fireEvent.click(screen.getByRole('button', { name: 'Endre navn på Kjøkkenet' }));
    const input = (await screen.findByLabelText('Nytt navn')) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(input.value).toBe('Kjøkkenet');
    fireEvent.input(input, { target: { value: 'Kjøkken og bar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre navnet' }));
    await waitFor(() =>
      expect(rowNames(table)).toEqual(['Døra', 'Kjøkken og bar', 'Uten navn (33333333)']),
    );
    expect(asked).toContain(`label ${KITCHEN} Kjøkken og bar`);
    expect(devicesStatus().textContent).toBe('Nettbrettet heter nå Kjøkken og bar.');
    expect(screen.queryByLabelText('Nytt navn')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Endre navn på Kjøkken og bar' }),
      ),
    );
  });

  it('revokes a tablet only after a question that names it', async () => {
    const asked: string[] = [];
    const table = await open(fakeApi(asked, { role: 'manage' }));
    const revoke = screen.getByRole('button', { name: 'Tilbakekall Kjøkkenet' });
    fireEvent.click(revoke);
    const question = await screen.findByRole('heading', { name: 'Tilbakekalle Kjøkkenet?' });
    await waitFor(() => expect(document.activeElement).toBe(question));
    expect(asked.filter((one) => one.startsWith('revoke'))).toEqual([]);
    // Cancelling asks nothing and goes back to the button.
    fireEvent.click(screen.getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(document.activeElement).toBe(revoke));
    expect(screen.queryByRole('heading', { name: 'Tilbakekalle Kjøkkenet?' })).toBeNull();
    expect(asked.filter((one) => one.startsWith('revoke'))).toEqual([]);

    fireEvent.click(revoke);
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, tilbakekall Kjøkkenet' }));
    await waitFor(() => expect(devicesStatus().textContent).toBe('Kjøkkenet er tilbakekalt.'));
    expect(asked).toContain(`revoke ${KITCHEN}`);
    const row = within(table).getByRole('row', { name: /^Kjøkkenet/ });
    expect(within(row).getAllByRole('cell')[7]!.textContent).toMatch(/^tilbakekalt 05\.12\.2026/);
    // A revoked tablet can be renamed, not revoked or re-paired.
    expect(
      within(row)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Endre navn']);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(table).getByRole('rowheader', { name: 'Kjøkkenet' }),
      ),
    );
  });

  it('gives a tablet a new pairing code after saying the old one stops, and shows it once', async () => {
    const asked: string[] = [];
    await open(fakeApi(asked, { role: 'manage' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ny paringskode til Døra' }));
    const question = await screen.findByRole('region', { name: 'Ny paringskode til Døra?' });
    expect(within(question).getByText(/slutter å virke med en gang/).tagName).toBe('P');
    fireEvent.click(within(question).getByRole('button', { name: 'Lag ny paringskode' }));
    const heading = await screen.findByRole('heading', { name: 'Paringskode til Døra' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(asked).toContain('code 11111111-1111-4111-8111-111111111111');
    expect(screen.getByText('FGHJK-78923').tagName).toBe('CODE');
    // Opening another change hides the code for good.
    fireEvent.click(screen.getByRole('button', { name: 'Endre navn på Døra' }));
    await waitFor(() => expect(screen.queryByText('FGHJK-78923')).toBeNull());
  });

  it('says in Norwegian why the endpoint refused a change, and changes nothing on the page', async () => {
    const asked: string[] = [];
    const failure = new ApiError({ reason: 'server', status: 503 });
    const table = await open(fakeApi(asked, { role: 'manage', fail: failure }));
    const before = rowNames(table);

    fireEvent.click(screen.getByRole('button', { name: 'Endre navn på Kjøkkenet' }));
    const input = (await screen.findByLabelText('Nytt navn')) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Baren' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre navnet' }));
    const panel = screen.getByRole('form', { name: 'Endre navn på Kjøkkenet' });
    const problem = await within(panel).findByRole('alert');
    expect(problem.textContent).toBe(
      'Serveren svarte med en feil (503). Ingenting er endret. Prøv igjen senere.',
    );
    expect(asked).toContain(`label ${KITCHEN} Baren`);
    expect(rowNames(table)).toEqual(before);
    // What was typed is still there, to try again.
    expect(input.value).toBe('Baren');
    expect(devicesStatus().textContent).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Avbryt' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tilbakekall Døra' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, tilbakekall Døra' }));
    const question = screen.getByRole('region', { name: 'Tilbakekalle Døra?' });
    await waitFor(() =>
      expect(within(question).getByRole('alert').textContent).toMatch(/^Serveren svarte/),
    );
    expect(within(table).getByRole('row', { name: /^Døra/ }).textContent).toContain('aktiv');
    expect(screen.getByRole('button', { name: 'Tilbakekall Døra' }).tagName).toBe('BUTTON');

    const form = screen.getByRole('form', { name: 'Nytt nettbrett på Blå Kors Hjerterom Alta' });
    fireEvent.click(
      within(form).getByRole('button', { name: 'Legg til nettbrett på Blå Kors Hjerterom Alta' }),
    );
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toMatch(/^Serveren svarte/),
    );
    expect(rowNames(table)).toEqual(before);
    expect(screen.queryByRole('heading', { name: /^Paringskode/ })).toBeNull();
  });

  it('says a slug is taken when the endpoint says so, keeping what was typed', async () => {
    const taken = new ApiError({
      reason: 'rejected',
      status: 400,
      issues: [{ path: 'slug', message: 'a site with this slug already exists' }],
    });
    await open(fakeApi([], { role: 'manage', fail: taken }));
    const form = screen.getByRole('form', { name: 'Legg til et sted' });
    const slug = within(form).getByLabelText('Kortnavn') as HTMLInputElement;
    fireEvent.input(slug, { target: { value: 'annen-plass' } });
    fireEvent.input(within(form).getByLabelText('Navn på stedet'), {
      target: { value: 'Annen plass' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Legg til stedet' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toBe(
        'Det finnes allerede et sted med kortnavnet «annen-plass».',
      ),
    );
    expect(slug.value).toBe('annen-plass');
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('table', { name: 'Nettbrett på Annen plass' })).toBeNull();
  });

  it('signs out and says why when the token is refused during a change', async () => {
    const refused = new ApiError({ reason: 'refused' });
    await open(fakeApi([], { role: 'manage', fail: refused }));
    fireEvent.click(screen.getByRole('button', { name: 'Tilbakekall Døra' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, tilbakekall Døra' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Nøkkelen ble ikke godtatt. Lag en ny med «admin add» og prøv igjen.',
      ),
    );
    expect(screen.getByLabelText('Admin-nøkkel').tagName).toBe('INPUT');
  });
});
