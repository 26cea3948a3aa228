import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinStore } from '../../../src/state/pins.ts';
import { TYPING_GRACE_MS } from '../../../src/state/staff-session.ts';
import { writeSetting } from '../../../src/storage/settings.ts';
import { App } from '../../../src/ui/App.tsx';
import { testKiosk } from '../../support/kiosk.ts';
import { clearSettings, TEST_PINS } from '../../support/staff.ts';

// The site's idle timeout is 60 s (the preset's); the warning shows ten seconds before.
beforeEach(async () => {
  location.hash = '';
  await clearSettings();
  // Only the clock the idle timer reads is faked: IndexedDB and WebCrypto keep running.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => vi.useRealTimers());

const wait = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

async function openPad() {
  location.hash = '#/staff';
  const kiosk = testKiosk();
  render(<App store={kiosk.store} pins={createPinStore({ iterations: 1_000 })} />);
  await screen.findByRole('heading', { name: 'Skriv inn PIN-koden' }, { timeout: 5_000 });
  return kiosk;
}

async function signIn(pin: string, as: string) {
  const pad = screen.getByRole('region', { name: 'Skriv inn PIN-koden' });
  for (const digit of pin) fireEvent.click(within(pad).getByRole('button', { name: digit }));
  fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
  await screen.findByText(`Innlogget som ${as}`);
  // The tablet's own timeouts are read once the shell shows.
  await wait(0);
}

const warning = () => screen.queryByRole('alertdialog', { name: 'Fortsatt her?' });
const atDoor = () => screen.queryByRole('button', { name: 'Sjekk inn' }) !== null;

describe('a staff session left alone', () => {
  it('warns ten seconds before it closes, and "Ja, fortsett" keeps it open', async () => {
    await openPad();
    await signIn(TEST_PINS.volunteer, 'frivillig');
    await wait(49_000);
    expect(warning()).toBeNull();
    await wait(1_000);
    const shown = warning()!;
    expect(shown).toBeVisible();
    fireEvent.pointerDown(within(shown).getByRole('button', { name: 'Ja, fortsett' }));
    fireEvent.click(within(shown).getByRole('button', { name: 'Ja, fortsett' }));
    await wait(0);
    expect(warning()).toBeNull();
    await wait(40_000);
    expect(screen.getByText('Innlogget som frivillig')).toBeVisible();
    expect(warning()).toBeNull();
    await wait(20_000);
    expect(atDoor()).toBe(true);
  });

  it("honours the tablet's timeout for each role", async () => {
    await writeSetting('sessionTimeouts', { volunteer: 120, lead: 30 });
    await openPad();
    await signIn(TEST_PINS.volunteer, 'frivillig');
    await wait(100_000);
    expect(warning()).toBeNull();
    await wait(10_000);
    expect(warning()).toBeVisible();
    await wait(10_000);
    expect(atDoor()).toBe(true);

    location.hash = '#/staff';
    fireEvent(window, new HashChangeEvent('hashchange'));
    await screen.findByRole('heading', { name: 'Skriv inn PIN-koden' });
    await signIn(TEST_PINS.lead, 'daglig leder');
    await wait(20_000);
    expect(warning()).toBeVisible();
    await wait(10_000);
    expect(atDoor()).toBe(true);
  });

  it('a half-typed number no longer keeps it open: after the grace it closes, keeping the draft', async () => {
    await openPad();
    await signIn(TEST_PINS.volunteer, 'frivillig');
    const amount = screen.getByRole('textbox', { name: 'Antall' }) as HTMLInputElement;
    amount.focus();
    fireEvent.input(amount, { target: { value: '12' } });
    await wait(60_000);
    expect(atDoor()).toBe(false);
    await wait(TYPING_GRACE_MS - 10_000);
    expect(warning()).toBeVisible();
    await wait(10_000);
    expect(atDoor()).toBe(true);

    location.hash = '#/staff';
    fireEvent(window, new HashChangeEvent('hashchange'));
    await screen.findByRole('heading', { name: 'Skriv inn PIN-koden' });
    await signIn(TEST_PINS.volunteer, 'frivillig');
    expect((screen.getByRole('textbox', { name: 'Antall' }) as HTMLInputElement).value).toBe('12');
  });
});
