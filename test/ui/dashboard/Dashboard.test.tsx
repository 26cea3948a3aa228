// The dashboard as a whole: the token is asked for once and kept in this tab only, a refused
// token signs out and says why, a bad period says what is wrong and keeps what is shown, and
// each period asks the endpoint for it and for the same dates last year.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type Api } from '../../../src/dashboard/api.ts';
import { Dashboard } from '../../../src/dashboard/Dashboard.tsx';
import { fakeApi } from './fixtures.ts';

const NOW = () => new Date('2026-12-05T12:00:00');

async function signIn(token = 'admin-token') {
  fireEvent.input(screen.getByLabelText('Admin-nøkkel'), { target: { value: token } });
  fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
}

describe("the coordinator's dashboard", () => {
  beforeEach(() => sessionStorage.clear());

  it('asks for the token once, keeps it in this tab, and shows this month beside last year', async () => {
    const asked: string[] = [];
    const tokens: string[] = [];
    render(
      <Dashboard
        apiFor={(token) => {
          tokens.push(token);
          return fakeApi(asked);
        }}
        now={NOW}
        save={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
    expect(screen.getByRole('alert').textContent).toBe('Skriv inn admin-nøkkelen.');
    expect(tokens).toEqual([]);
    await signIn('  admin-token  ');
    const table = await screen.findByRole('table', {
      name: /^Alle steder, 1\.12\.2026–31\.12\.2026/,
    });
    expect(
      within(table).getByRole('row', { name: /Blå Kors Hjerterom Alta/ }).textContent,
    ).toContain('32');
    expect(tokens).toEqual(['admin-token']);
    expect(sessionStorage.getItem('terskel-admin-token')).toBe('admin-token');
    expect(asked).toEqual(
      expect.arrayContaining([
        'hjerterom-alta 2026-12-01 2026-12-31',
        'hjerterom-alta 2025-12-01 2025-12-31',
      ]),
    );
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain(
      'Viser 1.12.2026–31.12.2026, sammenlignet med 1.12.2025–31.12.2025.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Logg ut' }));
    expect(sessionStorage.getItem('terskel-admin-token')).toBeNull();
    expect((screen.getByLabelText('Admin-nøkkel') as HTMLInputElement).value).toBe('');
  });

  it('signs out and says why when the endpoint refuses the token', async () => {
    const refused = () => Promise.reject(new ApiError({ reason: 'refused' }));
    const refusing: Api = { ...fakeApi(), me: refused, sites: refused, days: refused };
    render(<Dashboard apiFor={() => refusing} now={NOW} save={() => {}} />);
    await signIn('wrong');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Nøkkelen ble ikke godtatt. Lag en ny med «admin add» og prøv igjen.',
      ),
    );
    expect(screen.getByLabelText('Admin-nøkkel').tagName).toBe('INPUT');
    expect(sessionStorage.getItem('terskel-admin-token')).toBeNull();
  });

  it('says when the server fails, and keeps the token', async () => {
    const failed = () => Promise.reject(new ApiError({ reason: 'server', status: 503 }));
    const failing: Api = { ...fakeApi(), sites: failed, days: failed };
    render(<Dashboard apiFor={() => failing} now={NOW} save={() => {}} />);
    await signIn();
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0]!.textContent).toBe(
        'Serveren svarte med en feil (503). Prøv igjen senere.',
      ),
    );
    expect(sessionStorage.getItem('terskel-admin-token')).toBe('admin-token');
  });

  it('takes a preset or typed dates, and says what is wrong with a bad range', async () => {
    const asked: string[] = [];
    render(<Dashboard apiFor={() => fakeApi(asked)} now={NOW} save={() => {}} />);
    await signIn();
    await screen.findByRole('table', { name: /^Alle steder, 1\.12\.2026/ });
    fireEvent.click(screen.getByRole('radio', { name: 'Forrige måned' }));
    fireEvent.click(screen.getByRole('button', { name: 'Vis' }));
    await screen.findByRole('table', { name: /^Alle steder, 1\.11\.2026–30\.11\.2026/ });
    expect(asked).toContain('steg-for-steg 2025-11-01 2025-11-30');

    fireEvent.click(screen.getByRole('radio', { name: 'Velg datoer' }));
    fireEvent.input(screen.getByLabelText('Fra'), { target: { value: '2026-12-10' } });
    fireEvent.input(screen.getByLabelText('Til'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vis' }));
    expect(screen.getByRole('alert').textContent).toBe('Til-datoen er før fra-datoen.');
    // What was shown stays.
    expect(
      screen.getByRole('table', { name: /^Alle steder, 1\.11\.2026–30\.11\.2026/ }).tagName,
    ).toBe('TABLE');
    fireEvent.input(screen.getByLabelText('Til'), { target: { value: '2026-12-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vis' }));
    await screen.findByRole('table', { name: /^Alle steder, 10\.12\.2026–20\.12\.2026/ });
    expect(screen.getByRole('alert').textContent).toBe('');
  });
});
