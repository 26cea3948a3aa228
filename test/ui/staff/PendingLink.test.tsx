// A provisioning link opened on a tablet that is set up: it changes nothing, and reaches no
// endpoint, until the lead has signed in, seen the new endpoint's host and said yes.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { clear, createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../src/state/pins.ts';
import { createSyncController, type SyncController } from '../../../src/state/sync.ts';
import { StaffShell } from '../../../src/ui/staff/StaffShell.tsx';
import { StoreContext, SyncContext } from '../../../src/ui/store-context.ts';
import { testEndpoint, type TestEndpoint } from '../../support/endpoint.ts';
import { testKiosk, type TestKiosk } from '../../support/kiosk.ts';

const OTHER = 'http://other.test';

/** `#/provision?c=…` as the CLI builds it, for the endpoint at `endpoint`. */
function linkHash(endpoint: string, code: string): string {
  const payload = { endpoint, site: 'hjerterom-alta', code };
  return `#/provision?c=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
}

interface TwoEndpoints {
  kiosk: TestKiosk;
  sync: SyncController;
  home: TestEndpoint;
  other: TestEndpoint;
  /** Requests that reached the other endpoint. */
  otherRequests: string[];
}

/** A tablet paired with `home`, its counts sent, and a second endpoint at another host. */
async function pairedTablet(
  options: { paired: boolean } = { paired: true },
): Promise<TwoEndpoints> {
  const [home, other] = await Promise.all([testEndpoint(), testEndpoint()]);
  const otherRequests: string[] = [];
  const fetcher: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== OTHER) return home.fetch(input, init);
    otherRequests.push(url.pathname);
    return other.fetch(input, init);
  };
  const kiosk = testKiosk();
  const sync = createSyncController(kiosk.store, { fetch: fetcher, autoTriggers: false });
  if (options.paired) await sync.pair(home.settings);
  await kiosk.store.checkIn();
  await sync.trigger('manual');
  return { kiosk, sync, home, other, otherRequests };
}

function renderShell({ kiosk, sync }: TwoEndpoints, role: StaffRole, onLeave = () => {}) {
  render(
    <StoreContext.Provider value={kiosk.store}>
      <SyncContext.Provider value={sync}>
        <StaffShell role={role} screen="tally" onNavigate={() => {}} onLeave={onLeave} />
      </SyncContext.Provider>
    </StoreContext.Provider>,
  );
}

beforeEach(async () => {
  await clear(createStore('terskel-settings', 'settings'));
  history.replaceState(null, '', '#/');
});

describe('a provisioning link on a tablet that is set up', () => {
  it('waits for the lead: the address is cleared, the pairing kept, the other endpoint untouched', async () => {
    const tablet = await pairedTablet();
    location.hash = linkHash(OTHER, tablet.other.code);
    const outcome = await tablet.sync.provisionFromLocation();
    expect(outcome).toMatchObject({ code: 'confirm', link: { host: 'other.test' } });
    expect(location.hash).toBe('#/');
    expect((await tablet.sync.settings())?.endpoint).toBe(tablet.home.settings.endpoint);
    await tablet.kiosk.store.checkIn();
    await tablet.sync.trigger('manual');
    expect(tablet.otherRequests).toEqual([]);
  });

  it('a volunteer is told only the lead can accept it', async () => {
    const tablet = await pairedTablet();
    location.hash = linkHash(OTHER, tablet.other.code);
    await tablet.sync.provisionFromLocation();
    renderShell(tablet, 'volunteer');
    expect(
      screen.getByText(
        'En lenke vil koble nettbrettet til other.test. Bare lederen kan godta det: logg inn med leder-PIN.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Koble til other.test' })).toBeNull();
  });

  it('the lead sees both hosts; saying no changes nothing', async () => {
    const tablet = await pairedTablet();
    location.hash = linkHash(OTHER, tablet.other.code);
    await tablet.sync.provisionFromLocation();
    renderShell(tablet, 'lead');
    expect(
      screen.getByRole('heading', { name: 'Koble nettbrettet til en annen server?' }),
    ).toBeVisible();
    expect(
      screen.getByText('Lenken kobler nettbrettet til stedet hjerterom-alta på other.test.'),
    ).toBeVisible();
    expect(screen.getByText('Nå er det koblet til hjerterom-alta på endpoint.test.')).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Ikke koble til' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Koble til other.test' })).toBeNull(),
    );
    expect(tablet.sync.pendingLink.get()).toBeUndefined();
    expect((await tablet.sync.settings())?.endpoint).toBe(tablet.home.settings.endpoint);
    expect(tablet.otherRequests).toEqual([]);
  });

  it('the lead says yes: the tablet pairs with the other endpoint and the door says so', async () => {
    const tablet = await pairedTablet();
    location.hash = linkHash(OTHER, tablet.other.code);
    await tablet.sync.provisionFromLocation();
    let left = false;
    renderShell(tablet, 'lead', () => (left = true));
    fireEvent.click(screen.getByRole('button', { name: 'Koble til other.test' }));
    await waitFor(() => expect(left).toBe(true));
    expect(tablet.kiosk.store.notice.get()).toBe('Nettbrettet er koblet til hjerterom-alta.');
    expect((await tablet.sync.settings())?.endpoint).toBe(OTHER);
    expect(tablet.otherRequests[0]).toBe('/api/v1/pair');
  });

  it('a code already used gets a clear message and keeps the pairing', async () => {
    const tablet = await pairedTablet();
    const used = await tablet.other.fetch(`${OTHER}/api/v1/pair`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: tablet.other.code }),
    });
    expect(used.status).toBe(200);
    location.hash = linkHash(OTHER, tablet.other.code);
    await tablet.sync.provisionFromLocation();
    renderShell(tablet, 'lead');
    fireEvent.click(screen.getByRole('button', { name: 'Koble til other.test' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Koden er ukjent, brukt eller utløpt. Be om en ny kode.',
    );
    expect((await tablet.sync.settings())?.endpoint).toBe(tablet.home.settings.endpoint);
  });

  it('on a fresh tablet (no pairing, no PINs) the link pairs at once', async () => {
    const tablet = await pairedTablet({ paired: false });
    await clear(createStore('terskel-settings', 'settings'));
    location.hash = linkHash(OTHER, tablet.other.code);
    expect(await tablet.sync.provisionFromLocation()).toEqual({
      code: 'paired',
      site: 'hjerterom-alta',
    });
    expect((await tablet.sync.settings())?.endpoint).toBe(OTHER);
  });
});
