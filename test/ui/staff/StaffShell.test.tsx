import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../src/state/pins.ts';
import type { StaffScreen } from '../../../src/state/staff-session.ts';
import { StaffShell } from '../../../src/ui/staff/StaffShell.tsx';
import { StoreContext } from '../../../src/ui/store-context.ts';
import { testKiosk, type TestKiosk } from '../../support/kiosk.ts';

const QUOTA = /^Lagringsplassen på nettbrettet er full\./;
const RESET = /^Dataene på dette nettbrettet ble nullstilt\. Tallene som allerede er sendt/;

function renderShell(kiosk: TestKiosk, role: StaffRole, screenShown: StaffScreen): void {
  render(
    <StoreContext.Provider value={kiosk.store}>
      <StaffShell role={role} screen={screenShown} onNavigate={() => {}} onLeave={() => {}} />
    </StoreContext.Provider>,
  );
}

const alertText = (text: RegExp) =>
  screen.queryAllByRole('alert').filter((alert) => text.test(alert.textContent ?? ''));

describe('the staff shell', () => {
  for (const [role, screenShown] of [
    ['volunteer', 'tally'],
    ['lead', 'tally'],
    ['lead', 'closing'],
    ['lead', 'history'],
    ['lead', 'settings'],
  ] as const) {
    it(`shows a full disk once, above the ${role}'s ${screenShown} screen`, () => {
      const kiosk = testKiosk();
      kiosk.store.storageProblem.set('quota');
      renderShell(kiosk, role, screenShown);
      expect(alertText(QUOTA)).toHaveLength(1);
    });
  }

  it('shows no storage alert while the disk has room and the database was kept', () => {
    renderShell(testKiosk(), 'lead', 'tally');
    expect(alertText(QUOTA)).toHaveLength(0);
    expect(alertText(RESET)).toHaveLength(0);
  });

  it('the banner goes when space is back', async () => {
    const kiosk = testKiosk();
    kiosk.store.storageProblem.set('quota');
    renderShell(kiosk, 'lead', 'tally');
    expect(alertText(QUOTA)).toHaveLength(1);
    kiosk.store.storageProblem.set(undefined);
    await waitFor(() => expect(alertText(QUOTA)).toHaveLength(0));
  });

  it('tells a volunteer the database was reset, but leaves dismissing it to the lead', () => {
    const kiosk = testKiosk();
    kiosk.store.databaseReset.set(true);
    renderShell(kiosk, 'volunteer', 'tally');
    expect(alertText(RESET)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Jeg har sett dette' })).toBeNull();
  });

  it('tells the lead the database was reset on every screen, until they have seen it', async () => {
    const kiosk = testKiosk();
    kiosk.store.databaseReset.set(true);
    renderShell(kiosk, 'lead', 'settings');
    expect(alertText(RESET)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Jeg har sett dette' }));
    await waitFor(() => expect(alertText(RESET)).toHaveLength(0));
    expect(kiosk.store.databaseReset.get()).toBe(false);
  });
});
