// The dashboard as a whole: the token is asked for once and kept in this tab only, a refused
// token signs out and says why, a bad period says what is wrong and keeps what is shown, and
// each period asks the endpoint for every site's sums over it and the same dates last year, and
// for the days of the one site shown; a funder report reads its days only when asked for.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type AdminSite, type Api } from '../../../src/dashboard/api.ts';
import { Dashboard } from '../../../src/dashboard/Dashboard.tsx';
import { ALTA, fakeApi } from './fixtures.ts';
import type { PeriodTotal } from '../../../src/shared/protocol.ts';

const NOW = () => new Date('2026-12-05T12:00:00');

const siteSection = () => screen.findByRole('region', { name: 'Ett sted' });

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
        'sums hjerterom-alta 2026-12-01 2026-12-31',
        'sums hjerterom-alta 2025-12-01 2025-12-31',
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
    const refusing: Api = {
      ...fakeApi(),
      me: refused,
      sites: refused,
      days: refused,
      sums: refused,
    };
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
    const failing: Api = { ...fakeApi(), sites: failed, days: failed, sums: failed };
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
    expect(asked).toContain('sums steg-for-steg 2025-11-01 2025-11-30');

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

  it('asks every site for its sums of the period and last year, and only the shown site for days', async () => {
    const asked: string[] = [];
    render(<Dashboard apiFor={() => fakeApi(asked)} now={NOW} save={() => {}} />);
    await signIn();
    await within(await siteSection()).findByText('2 dager med tall.');
    const reads = (kind: string) => asked.filter((one) => one.startsWith(`${kind} `)).sort();
    expect(reads('sums')).toEqual([
      'sums hjerterom-alta 2025-12-01 2025-12-31',
      'sums hjerterom-alta 2026-12-01 2026-12-31',
      'sums steg-for-steg 2025-12-01 2025-12-31',
      'sums steg-for-steg 2026-12-01 2026-12-31',
    ]);
    expect(reads('days')).toEqual(['days hjerterom-alta 2026-12-01 2026-12-31']);

    asked.length = 0;
    fireEvent.click(screen.getByRole('radio', { name: 'Forrige måned' }));
    fireEvent.click(screen.getByRole('button', { name: 'Vis' }));
    await screen.findByRole('table', { name: /^Alle steder, 1\.11\.2026–30\.11\.2026/ });
    await within(await siteSection()).findByText('Ingen dager med tall i denne perioden.');
    expect(reads('sums')).toEqual([
      'sums hjerterom-alta 2025-11-01 2025-11-30',
      'sums hjerterom-alta 2026-11-01 2026-11-30',
      'sums steg-for-steg 2025-11-01 2025-11-30',
      'sums steg-for-steg 2026-11-01 2026-11-30',
    ]);
    expect(reads('days')).toEqual(['days hjerterom-alta 2026-11-01 2026-11-30']);
  });

  it('shows the overview from the sums: visits, meals, activities, volunteer hours, last year', async () => {
    // Sums that no day of the fake endpoint adds up to: the overview reads these, not days.
    const now: PeriodTotal[] = [
      { counter: 'visit', net: 2400 },
      { counter: 'visit', option: 'forste-gang', net: 400 },
      { counter: 'middag', net: 900 },
      { counter: 'samtale-enerom', net: 30 },
      { counter: 'frivillig-minutter', net: 600 },
    ];
    const lastYear: PeriodTotal[] = [
      { counter: 'visit', net: 2000 },
      { counter: 'middag', net: 700 },
    ];
    const api: Api = {
      ...fakeApi(),
      sums: async (site, from, to) => ({
        site,
        from,
        to,
        days: 20,
        totals: from.startsWith('2026') ? now : lastYear,
      }),
    };
    render(<Dashboard apiFor={() => api} now={NOW} save={() => {}} />);
    await signIn();
    const table = await screen.findByRole('table', { name: /^Alle steder, 1\.12\.2026/ });
    const cells = (name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(/Blå Kors Hjerterom Alta/)).toEqual([
      '2\u00a0400',
      '2\u00a0000',
      '900',
      '700',
      '30',
      'ingen tall',
      '10',
      'ingen tall',
    ]);
    expect(cells(/^Alle steder/)).toEqual([
      '4\u00a0800',
      '4\u00a0000',
      '1\u00a0800',
      '1\u00a0400',
      '60',
      'ingen tall',
      '20',
      'ingen tall',
    ]);
  });

  it('loads a site chosen in the site view once, and shows it again without asking', async () => {
    const asked: string[] = [];
    render(<Dashboard apiFor={() => fakeApi(asked)} now={NOW} save={() => {}} />);
    await signIn();
    const section = await siteSection();
    await within(section).findByText('2 dager med tall.');
    const choose = (slug: string) =>
      fireEvent.change(within(section).getByRole('combobox', { name: 'Sted' }), {
        target: { value: slug },
      });
    choose('steg-for-steg');
    expect(within(section).getByRole('status').textContent).toBe(
      'Henter dagene for Steg for steg …',
    );
    await within(section).findByText('1 dag med tall.');
    expect(
      within(section).getByRole('img', { name: /^Besøk per dag\. 1\.12\.: 0, 2\.12\.: 5/ }).tagName,
    ).toBe('svg');
    choose('hjerterom-alta');
    // Kept: shown at once, not asked again.
    expect(within(section).getByRole('status').textContent).toBe('2 dager med tall.');
    choose('steg-for-steg');
    expect(within(section).getByRole('status').textContent).toBe('1 dag med tall.');
    expect(asked.filter((one) => one.startsWith('days ')).sort()).toEqual([
      'days hjerterom-alta 2026-12-01 2026-12-31',
      'days steg-for-steg 2026-12-01 2026-12-31',
    ]);
  });

  it('says in the site view when its days fail, keeps the overview, and tries again', async () => {
    let fail = true;
    const base = fakeApi();
    const api: Api = {
      ...base,
      days: (site, from, to) =>
        fail
          ? Promise.reject(new ApiError({ reason: 'server', status: 503 }))
          : base.days(site, from, to),
    };
    render(<Dashboard apiFor={() => api} now={NOW} save={() => {}} />);
    await signIn();
    const section = await siteSection();
    await within(section).findByText('Serveren svarte med en feil (503). Prøv igjen senere.');
    expect(within(section).getByRole('status').textContent).toBe(
      'Serveren svarte med en feil (503). Prøv igjen senere.',
    );
    const table = screen.getByRole('table', { name: /^Alle steder, 1\.12\.2026/ });
    expect(within(table).getByRole('row', { name: /Steg for steg/ }).textContent).toContain('5');
    fail = false;
    fireEvent.click(within(section).getByRole('button', { name: 'Prøv å hente dagene igjen' }));
    await within(section).findByText('2 dager med tall.');
  });

  it('makes the report of all sites only when asked, from the days it has not read yet', async () => {
    const asked: string[] = [];
    let printed = 0;
    render(
      <Dashboard apiFor={() => fakeApi(asked)} now={NOW} save={() => {}} print={() => printed++} />,
    );
    await signIn();
    const report = await screen.findByRole('region', { name: 'Rapport til tilskuddsgiver' });
    await within(await siteSection()).findByText('2 dager med tall.');
    const button = (name: string) =>
      within(report).getByRole('button', { name }) as HTMLButtonElement;
    expect(button('Skriv ut').disabled).toBe(true);
    expect(button('Last ned rapporten som CSV').disabled).toBe(true);
    expect(
      within(report).queryByRole('heading', { name: /^Rapport til tilskuddsgiver:/ }),
    ).toBeNull();
    fireEvent.click(button('Lag rapport'));
    await within(report).findByRole('heading', {
      name: 'Rapport til tilskuddsgiver: Alle steder samlet, 1.12.2026–31.12.2026',
    });
    // Every site's days of the period and last year, Alta's period once: the site view read it.
    expect(asked.filter((one) => one.startsWith('days ')).sort()).toEqual([
      'days hjerterom-alta 2025-12-01 2025-12-31',
      'days hjerterom-alta 2026-12-01 2026-12-31',
      'days steg-for-steg 2025-12-01 2025-12-31',
      'days steg-for-steg 2026-12-01 2026-12-31',
    ]);
    expect(button('Skriv ut').disabled).toBe(false);
    expect(button('Last ned rapporten som CSV').disabled).toBe(false);
    fireEvent.click(button('Skriv ut'));
    expect(printed).toBe(1);
  });

  it("signs out when the endpoint refuses the token on a site's days", async () => {
    const api: Api = {
      ...fakeApi(),
      days: () => Promise.reject(new ApiError({ reason: 'refused' })),
    };
    render(<Dashboard apiFor={() => api} now={NOW} save={() => {}} />);
    await signIn();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Nøkkelen ble ikke godtatt. Lag en ny med «admin add» og prøv igjen.',
      ),
    );
    expect(sessionStorage.getItem('terskel-admin-token')).toBeNull();
  });

  it("judges every site's tablets by the dates the endpoint lists, never reading its days", async () => {
    // Torsdagskafeen counts on Thursdays only; it is not the site shown, so its days are never
    // read. It is Tuesday 8 December: the door's tablet last synced last Thursday, the 3rd, so
    // no counting day has passed, though five whole days have. The kitchen's missed three.
    const thursdays = ['2026-11-05', '2026-11-12', '2026-11-19', '2026-11-26', '2026-12-03'];
    const seen = (label: string, lastSeenAt: string) => ({
      ...ALTA.devices[1]!,
      label,
      lastSeenAt,
    });
    const cafe: AdminSite = {
      slug: 'torsdagskafeen',
      name: 'Torsdagskafeen',
      devices: [
        { ...seen('Døra', '2026-12-03T20:00:00'), id: '55555555-5555-4555-8555-555555555555' },
        { ...seen('Kjøkkenet', '2026-11-12T20:00:00'), id: '66666666-6666-4666-8666-666666666666' },
      ],
      countedDates: thursdays,
    };
    const asked: string[] = [];
    const tuesday = () => new Date('2026-12-08T12:00:00');
    render(
      <Dashboard
        apiFor={() => fakeApi(asked, { sites: [ALTA, cafe] })}
        now={tuesday}
        save={() => {}}
      />,
    );
    await signIn();
    await within(await siteSection()).findByText('2 dager med tall.');
    const table = screen.getByRole('table', { name: 'Nettbrett på Torsdagskafeen' });
    const status = (name: RegExp) =>
      within(within(table).getByRole('row', { name })).getAllByRole('cell').at(-1)!.textContent;
    expect(status(/^Døra/)).toBe('aktiv');
    expect(status(/^Kjøkkenet/)).toBe('Stille i over to åpningsdager');
    expect(asked.filter((one) => one.startsWith('days torsdagskafeen'))).toEqual([]);
  });

  it('asks for the report again when another period is shown, and when it is shown again', async () => {
    const asked: string[] = [];
    render(<Dashboard apiFor={() => fakeApi(asked)} now={NOW} save={() => {}} />);
    await signIn();
    const report = await screen.findByRole('region', { name: 'Rapport til tilskuddsgiver' });
    const heading = /^Rapport til tilskuddsgiver: Alle steder samlet/;
    const print = () => within(report).getByRole('button', { name: 'Skriv ut' });
    fireEvent.click(within(report).getByRole('button', { name: 'Lag rapport' }));
    await within(report).findByRole('heading', { name: heading });
    const show = async (period: string, caption: RegExp) => {
      fireEvent.click(screen.getByRole('radio', { name: period }));
      fireEvent.click(screen.getByRole('button', { name: 'Vis' }));
      await screen.findByRole('table', { name: caption });
    };
    await show('Forrige måned', /^Alle steder, 1\.11\.2026/);
    expect(within(report).queryByRole('heading', { name: heading })).toBeNull();
    expect((print() as HTMLButtonElement).disabled).toBe(true);
    // December again: its figures are read afresh, and so is the report when asked for.
    await show('Denne måneden', /^Alle steder, 1\.12\.2026/);
    expect(within(report).queryByRole('heading', { name: heading })).toBeNull();
    expect((print() as HTMLButtonElement).disabled).toBe(true);
    asked.length = 0;
    fireEvent.click(within(report).getByRole('button', { name: 'Lag rapport' }));
    await within(report).findByRole('heading', { name: heading });
    expect(asked).toContain('days steg-for-steg 2025-12-01 2025-12-31');
  });
});
