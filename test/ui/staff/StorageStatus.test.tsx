import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageStatus } from '../../../src/ui/staff/StorageStatus.tsx';
import { StoreContext } from '../../../src/ui/store-context.ts';
import { platformState } from '../../../src/state/platform.ts';
import { testKiosk } from '../../support/kiosk.ts';

function renderStatus(kiosk = testKiosk(), usage = { usage: 2_500_000, quota: 600_000_000 }) {
  render(
    <StoreContext.Provider value={kiosk.store}>
      <StorageStatus estimate={() => Promise.resolve(usage)} />
    </StoreContext.Provider>,
  );
  return kiosk;
}

afterEach(() => platformState.set({ updateWaiting: false }));

describe('storage status in staff mode', () => {
  it('shows whether storage is persistent, usage and quota, and the version', async () => {
    platformState.set({ updateWaiting: false, persisted: true });
    renderStatus();
    expect(screen.getByRole('heading', { name: 'Lagring og versjon' })).toBeVisible();
    expect(screen.getByText(/Lagringen er varig/)).toBeVisible();
    expect(await screen.findByText('Brukt 2,5 MB av 600 MB')).toBeVisible();
    expect(screen.getByText(`Versjon ${__APP_VERSION__}`)).toBeVisible();
  });

  it('says when a new version waits', () => {
    platformState.set({ updateWaiting: true, persisted: false });
    renderStatus();
    expect(screen.getByText(/Lagringen er ikke varig/)).toBeVisible();
    expect(screen.getByText(/En ny versjon er klar/)).toBeVisible();
  });

  it('leaves a full disk and a reset database to the staff shell', () => {
    const kiosk = testKiosk();
    kiosk.store.storageProblem.set('quota');
    kiosk.store.databaseReset.set(true);
    renderStatus(kiosk);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
