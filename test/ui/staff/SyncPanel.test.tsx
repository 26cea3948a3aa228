import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { clear, createStore } from 'idb-keyval';
import { createSyncController } from '../../../src/state/sync.ts';
import { SyncPanel } from '../../../src/ui/staff/SyncPanel.tsx';
import { ENDPOINT, testEndpoint } from '../../support/endpoint.ts';
import { testKiosk } from '../../support/kiosk.ts';

beforeEach(async () => {
  await clear(createStore('terskel-settings', 'settings'));
});

describe('the sync panel', () => {
  it('pairs by endpoint address and code, then sends the waiting days', async () => {
    const endpoint = await testEndpoint();
    const kiosk = testKiosk();
    const sync = createSyncController(kiosk.store, { fetch: endpoint.fetch, autoTriggers: false });
    await kiosk.store.checkIn();
    render(<SyncPanel sync={sync} />);
    expect(screen.getByText(/ikke koblet til en server/)).toBeVisible();
    fireEvent.input(screen.getByRole('textbox', { name: 'Serverens adresse' }), {
      target: { value: ENDPOINT },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Koblingskode' }), {
      target: { value: endpoint.code },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Koble til' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Nettbrettet er koblet til hjerterom-alta.',
    );
    await waitFor(() => expect(screen.getByText(/Alt er sendt/)).toBeVisible());
    expect(screen.getByText(/Koblet til hjerterom-alta på http:\/\/endpoint.test/)).toBeVisible();
  });

  it('a wrong code gets a clear message and pairs nothing', async () => {
    const endpoint = await testEndpoint();
    const kiosk = testKiosk();
    const sync = createSyncController(kiosk.store, { fetch: endpoint.fetch, autoTriggers: false });
    render(<SyncPanel sync={sync} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Serverens adresse' }), {
      target: { value: ENDPOINT },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Koblingskode' }), {
      target: { value: 'ABCDE-12345' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Koble til' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Koden er ukjent, brukt eller utløpt/,
    );
    expect(await sync.settings()).toBeUndefined();
  });

  it('a revoked device asks to be paired again and keeps its counts', async () => {
    const endpoint = await testEndpoint();
    const kiosk = testKiosk();
    const sync = createSyncController(kiosk.store, { fetch: endpoint.fetch, autoTriggers: false });
    await sync.pair(endpoint.settings);
    await endpoint.revoke(endpoint.settings.device);
    await kiosk.store.checkIn();
    await sync.trigger('manual');
    render(<SyncPanel sync={sync} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Koble det til på nytt/);
    expect(screen.getByText(/Én dag venter/)).toBeVisible();
  });

  it('shows a day the endpoint holds back past its date range, and sends the others', async () => {
    // The endpoint's clock is three days behind the tablet's: today is past its tomorrow.
    const kiosk = testKiosk();
    const endpoint = await testEndpoint('hjerterom-alta', {
      clock: () => new Date(kiosk.store.now() - 3 * 24 * 3600 * 1000),
    });
    const sync = createSyncController(kiosk.store, { fetch: endpoint.fetch, autoTriggers: false });
    await sync.pair(endpoint.settings);
    await kiosk.store.checkIn();
    await sync.trigger('manual');
    render(<SyncPanel sync={sync} />);
    expect(
      await screen.findByText(/blir holdt tilbake: serveren tar bare imot dager fra ti år tilbake/),
    ).toBeVisible();
    expect(screen.getByText(/Én dag venter/)).toBeVisible();
  });
});
