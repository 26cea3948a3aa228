import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '../../../src/state/pins.ts';
import type { TabletHealth } from '../../../src/state/tablet-health.ts';
import { SelfTest } from '../../../src/ui/staff/self-test/SelfTest.tsx';
import { StaffShell } from '../../../src/ui/staff/StaffShell.tsx';
import { StoreContext } from '../../../src/ui/store-context.ts';
import { testKiosk } from '../../support/kiosk.ts';

const NOW = Date.UTC(2026, 11, 3, 12, 0);

/** An iPad in a Safari tab, its clock twelve minutes fast, otherwise fine. */
const safariTab: TabletHealth = {
  appVersion: '0.1.0',
  checkedAt: NOW,
  display: { standalone: false, ios: true },
  storage: { persisted: true, usageBytes: 2_500_000, quotaBytes: 600_000_000 },
  offline: { serviceWorker: true, controlled: true, updateWaiting: false },
  wakeLock: 'held',
  clock: { skewMs: -12 * 60_000, source: 'endpoint' },
  sync: { paired: true, needsPairing: false, lastSuccessAt: NOW - 60_000 },
  lastExportAt: null,
  unsavedTaps: 0,
};

function renderSelfTest(gather: () => Promise<TabletHealth>) {
  render(
    <StoreContext.Provider value={testKiosk().store}>
      <SelfTest role="lead" gather={gather} />
    </StoreContext.Provider>,
  );
}

const line = (name: string) => screen.getByRole('listitem', { name });

describe('the self-test screen', () => {
  it('shows each check fine, or with the one sentence of what to do', async () => {
    renderSelfTest(() => Promise.resolve(safariTab));
    expect(screen.getByRole('heading', { name: 'Selvtest av nettbrettet' }).tagName).toBe('H2');
    await screen.findByRole('list');
    expect(line('Installert som app').textContent).toBe(
      '!Installert som appMå ordnes — Legg Terskel til på Hjem-skjermen og åpne den derfra: bare da tar iPaden vare på tellingene.',
    );
    expect(line('Klokken').textContent).toContain(
      'Må ordnes — Klokken går 12 minutter feil: slå på automatisk dato og tid i nettbrettets innstillinger.',
    );
    expect(line('Lagringsplass').textContent).toContain('I orden — Brukt 2,5 MB av 600 MB.');
    expect(line('Varig lagring').className).toBe('self-test-line ok');
    expect(screen.getAllByRole('listitem')).toHaveLength(9);
  });

  it('checks again when asked', async () => {
    const gather = vi.fn(() => Promise.resolve(safariTab));
    renderSelfTest(gather);
    await screen.findByRole('list');
    fireEvent.click(screen.getByRole('button', { name: 'Sjekk på nytt' }));
    await waitFor(() => expect(gather).toHaveBeenCalledTimes(2));
  });

  it('says it is checking until the facts are in', () => {
    renderSelfTest(() => new Promise<TabletHealth>(() => undefined));
    expect(screen.getByRole('status').textContent).toBe('Sjekker …');
    expect(screen.queryByRole('list')).toBeNull();
  });
});

function renderShell(role: StaffRole) {
  render(
    <StoreContext.Provider value={testKiosk().store}>
      <StaffShell role={role} screen="self-test" onNavigate={() => {}} onLeave={() => {}} />
    </StoreContext.Provider>,
  );
}

describe('the self-test in staff mode', () => {
  it('is the lead’s: in the menu, and opened by its route', async () => {
    renderShell('lead');
    const menu = screen.getByRole('navigation', { name: 'Personalmeny' });
    expect(
      within(menu).getByRole('button', { name: 'Selvtest' }).getAttribute('aria-current'),
    ).toBe('page');
    await screen.findByRole('heading', { name: 'Selvtest av nettbrettet' });
    // This test's browser (happy-dom) runs in a tab, without a service worker.
    expect((await screen.findByRole('listitem', { name: 'Virker uten nett' })).className).toBe(
      'self-test-line warn',
    );
  });

  it('a volunteer neither sees it in the menu nor gets it by its route', async () => {
    renderShell('volunteer');
    const menu = screen.getByRole('navigation', { name: 'Personalmeny' });
    expect(within(menu).queryByRole('button', { name: 'Selvtest' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Telling' }).tagName).toBe('H2');
    expect(screen.queryByRole('heading', { name: 'Selvtest av nettbrettet' })).toBeNull();
  });
});
