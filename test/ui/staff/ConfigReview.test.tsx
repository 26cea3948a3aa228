// The lead's view of the site's published configuration in settings, against a real endpoint.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../../src/domain/presets/index.ts';
import type { SiteConfig } from '../../../src/shared/site-config.ts';
import { createSyncController, type SyncController } from '../../../src/state/sync.ts';
import type { SyncSettings } from '../../../src/sync/index.ts';
import { Settings } from '../../../src/ui/staff/settings/Settings.tsx';
import { StoreContext, SyncContext } from '../../../src/ui/store-context.ts';
import { ENDPOINT, testEndpoint, type TestEndpoint } from '../../support/endpoint.ts';
import { testKiosk } from '../../support/kiosk.ts';
import { clearSettings } from '../../support/staff.ts';

const CONFIG_URL = `${ENDPOINT}/api/v1/sites/hjerterom-alta/config`;
const PLACE = 'Stedet og språkene';

beforeEach(async () => {
  await clearSettings();
});

async function publishAs(
  endpoint: TestEndpoint,
  settings: SyncSettings,
  baseVersion: number,
  config: SiteConfig,
) {
  const answer = await endpoint.fetch(CONFIG_URL, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${settings.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ baseVersion, config, plan: [] }),
  });
  expect(answer.status).toBe(200);
}

async function published(endpoint: TestEndpoint) {
  const answer = await endpoint.fetch(CONFIG_URL, {
    headers: { Authorization: `Bearer ${endpoint.settings.token}` },
  });
  return (await answer.json()) as { version: number; config: SiteConfig };
}

async function renderPaired(endpoint: TestEndpoint, fetcher: typeof fetch = endpoint.fetch) {
  const kiosk = testKiosk();
  await kiosk.storage;
  const sync = createSyncController(kiosk.store, {
    fetch: fetcher,
    autoTriggers: false,
    doorBusy: () => false,
  });
  await sync.pair(endpoint.settings);
  render(
    <StoreContext.Provider value={kiosk.store}>
      <SyncContext.Provider value={sync}>
        <Settings role="lead" />
      </SyncContext.Provider>
    </StoreContext.Provider>,
  );
  return { kiosk, sync };
}

function rename(name: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'Stedets navn' }), {
    target: { value: name },
  });
  const section = within(screen.getByRole('form', { name: PLACE }));
  fireEvent.click(section.getByRole('button', { name: `Lagre – ${PLACE}` }));
}

/** The first-time view: the endpoint has another programme item and another name. */
async function firstTime(): Promise<{
  endpoint: TestEndpoint;
  kiosk: ReturnType<typeof testKiosk>;
  sync: SyncController;
}> {
  const endpoint = await testEndpoint();
  const other = await endpoint.addDevice();
  await publishAs(endpoint, other.settings, 0, {
    ...hjerteromAlta,
    name: 'Hjerterom sentrum',
    schedule: [
      ...hjerteromAlta.schedule,
      { id: 'kafe', kind: 'activity', title: { nb: 'Kafé' }, time: '18:00', weekdays: [3] },
    ],
  });
  const { kiosk, sync } = await renderPaired(endpoint);
  await sync.trigger('manual');
  await screen.findByRole('heading', { name: 'Stedets innstillinger på serveren' });
  return { endpoint, kiosk, sync };
}

describe('the published configuration in settings', () => {
  it('the first time, shows what differs; «Bruk innstillingene fra endepunktet» takes it', async () => {
    const { kiosk } = await firstTime();
    const view = within(screen.getByRole('region', { name: 'Stedets innstillinger på serveren' }));
    const items = view.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'Navn: «Blå Kors Hjerterom Alta» her, «Hjerterom sentrum» på serveren',
      'Programpunkt bare på serveren: Kafé',
    ]);
    expect(kiosk.store.config.get().name).toBe(hjerteromAlta.name);
    fireEvent.click(view.getByRole('button', { name: 'Bruk innstillingene fra endepunktet' }));
    await waitFor(() => expect(kiosk.store.config.get().name).toBe('Hjerterom sentrum'));
    expect(kiosk.store.config.get().schedule.map((item) => item.id)).toContain('kafe');
    await waitFor(() =>
      expect(
        screen.queryByRole('heading', { name: 'Stedets innstillinger på serveren' }),
      ).toBeNull(),
    );
  });

  it('the first time, «Behold mine og publiser dem» publishes the tablet’s own', async () => {
    const { endpoint, kiosk } = await firstTime();
    fireEvent.click(screen.getByRole('button', { name: 'Behold mine og publiser dem' }));
    await waitFor(async () => expect((await published(endpoint)).version).toBe(2));
    expect((await published(endpoint)).config.name).toBe(hjerteromAlta.name);
    expect(kiosk.store.config.get().name).toBe(hjerteromAlta.name);
  });

  it('a save from an old version shows the conflict; «Publiser mine likevel» publishes', async () => {
    const endpoint = await testEndpoint();
    const other = await endpoint.addDevice();
    const { sync } = await renderPaired(endpoint);
    rename('Første navn');
    await waitFor(() => expect(sync.config.state.get().following).toBe(1));
    await publishAs(endpoint, other.settings, 1, { ...hjerteromAlta, name: 'Den andres navn' });

    rename('Mitt navn');
    const view = within(
      await screen.findByRole('region', { name: 'Innstillingene ble endret på serveren' }),
    );
    expect(view.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Navn: «Mitt navn» her, «Den andres navn» på serveren',
    ]);
    expect(screen.getByText(/ikke publisert ennå/).getAttribute('role')).toBe('status');
    expect((await published(endpoint)).config.name).toBe('Den andres navn');

    fireEvent.click(view.getByRole('button', { name: 'Publiser mine likevel' }));
    await waitFor(async () =>
      expect(await published(endpoint)).toMatchObject({
        version: 3,
        config: { name: 'Mitt navn' },
      }),
    );
    await waitFor(() => expect(screen.queryByText(/ikke publisert ennå/)).toBeNull());
  });

  it('an offline save says "ikke publisert" until a sync reaches the endpoint', async () => {
    const endpoint = await testEndpoint();
    let online = false;
    const maybe: typeof fetch = (input, init) =>
      online ? endpoint.fetch(input, init) : Promise.reject(new TypeError('offline'));
    const { sync } = await renderPaired(endpoint, maybe);
    rename('Uten nett');
    expect((await screen.findByText(/ikke publisert ennå/)).getAttribute('role')).toBe('status');
    online = true;
    await sync.trigger('manual');
    await waitFor(() => expect(screen.queryByText(/ikke publisert ennå/)).toBeNull());
    expect((await published(endpoint)).config.name).toBe('Uten nett');
  });

  it('names the issues of a publish the endpoint refused, the way the endpoint words them', async () => {
    const endpoint = await testEndpoint();
    const refusing = (async (input: RequestInfo | URL, init?: RequestInit) =>
      init?.method === 'PUT'
        ? Response.json(
            {
              ok: false,
              error: 'invalid',
              message: 'The configuration is not valid.',
              issues: [{ path: 'config.name', message: 'must be at most 60 characters' }],
            },
            { status: 400 },
          )
        : endpoint.fetch(input, init)) as typeof fetch;
    await renderPaired(endpoint, refusing);
    rename('Et navn serveren ikke godtar');
    // The tablet's fixed test clock is days from the endpoint's, so the clock's alert shows too.
    await screen.findByText(/Serveren avviste innstillingene/);
    const alert = screen
      .getAllByRole('alert')
      .find((candidate) => candidate.textContent?.startsWith('Serveren avviste'))!;
    expect(alert.textContent).toBe(
      'Serveren avviste innstillingene, så de er ikke publisert:config.name: must be at most 60 characters',
    );
    expect(within(alert).getByRole('listitem').textContent).toBe(
      'config.name: must be at most 60 characters',
    );
    expect(screen.getByText(/ikke publisert ennå/).getAttribute('role')).toBe('status');
  });

  it('speaks English where the staff do', async () => {
    const endpoint = await testEndpoint();
    const other = await endpoint.addDevice();
    await publishAs(endpoint, other.settings, 0, { ...hjerteromAlta, name: 'Hjerterom sentrum' });
    const kiosk = testKiosk({
      config: { ...hjerteromAlta, languages: ['nb', 'en'], defaultLanguage: 'en' },
    });
    await kiosk.storage;
    const sync = createSyncController(kiosk.store, {
      fetch: endpoint.fetch,
      autoTriggers: false,
      doorBusy: () => false,
    });
    await sync.pair(endpoint.settings);
    await sync.trigger('manual');
    render(
      <StoreContext.Provider value={kiosk.store}>
        <SyncContext.Provider value={sync}>
          <Settings role="lead" />
        </SyncContext.Provider>
      </StoreContext.Provider>,
    );
    const view = within(
      await screen.findByRole('region', { name: 'The site’s settings on the server' }),
    );
    expect(view.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Name: “Blå Kors Hjerterom Alta” here, “Hjerterom sentrum” on the server',
      'Languages: Norsk bokmål, English here, Norsk bokmål, Norsk nynorsk, Davvisámegiella, English, Українська, العربية on the server',
    ]);
    fireEvent.click(view.getByRole('button', { name: 'Use the settings from the endpoint' }));
    await waitFor(() => expect(kiosk.store.config.get().name).toBe('Hjerterom sentrum'));
  });
});
