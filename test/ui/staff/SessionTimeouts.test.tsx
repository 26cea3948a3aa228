import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSetting, writeSetting } from '../../../src/storage/settings.ts';
import { SessionTimeouts } from '../../../src/ui/staff/settings/SessionTimeouts.tsx';
import { StoreContext } from '../../../src/ui/store-context.ts';
import { testKiosk } from '../../support/kiosk.ts';
import { clearSettings } from '../../support/staff.ts';

beforeEach(() => clearSettings());

function renderTimeouts() {
  const kiosk = testKiosk();
  render(
    <StoreContext.Provider value={kiosk.store}>
      <SessionTimeouts />
    </StoreContext.Provider>,
  );
  return screen.getByRole('region', { name: 'Tidsavbrudd for personalskjermen' });
}

const field = (region: HTMLElement, name: string) =>
  within(region).getByRole('textbox', { name }) as HTMLInputElement;

describe("the lead's staff timeouts", () => {
  it("start from the site's idle timeout, and are kept per role on this tablet", async () => {
    const region = renderTimeouts();
    expect(field(region, 'Frivillig (sekunder)').value).toBe('60');
    fireEvent.input(field(region, 'Frivillig (sekunder)'), { target: { value: '300' } });
    fireEvent.input(field(region, 'Daglig leder (sekunder)'), { target: { value: '45' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Lagre tidsavbrudd' }));
    expect((await within(region).findByRole('status')).textContent).toBe(
      'Lagret. Gjelder fra neste innlogging.',
    );
    expect(await readSetting('sessionTimeouts')).toEqual({ volunteer: 300, lead: 45 });
  });

  it.each([
    [
      '10',
      'Frivillig (sekunder): tidsavbruddet må være mellom 30 sekunder og 30 minutter (1800 sekunder).',
    ],
    [
      '3600',
      'Frivillig (sekunder): tidsavbruddet må være mellom 30 sekunder og 30 minutter (1800 sekunder).',
    ],
    ['1,5', 'Frivillig (sekunder): skriv et helt antall sekunder, for eksempel 120.'],
  ])('%s seconds is refused with a reason, and nothing stored changes', async (typed, text) => {
    await writeSetting('sessionTimeouts', { volunteer: 90, lead: 90 });
    const region = renderTimeouts();
    await waitFor(() => expect(field(region, 'Frivillig (sekunder)').value).toBe('90'));
    fireEvent.input(field(region, 'Frivillig (sekunder)'), { target: { value: typed } });
    fireEvent.input(field(region, 'Daglig leder (sekunder)'), { target: { value: '120' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Lagre tidsavbrudd' }));
    expect((await within(region).findByRole('alert')).textContent).toBe(text);
    expect(await readSetting('sessionTimeouts')).toEqual({ volunteer: 90, lead: 90 });
  });
});
