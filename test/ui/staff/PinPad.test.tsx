import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../../src/domain/presets/index.ts';
import { createPinStore } from '../../../src/state/pins.ts';
import { App } from '../../../src/ui/App.tsx';
import { MONDAY_1250, testKiosk } from '../../support/kiosk.ts';
import { writeSetting } from '../../../src/storage/settings.ts';
import { clearSettings, TEST_PINS } from '../../support/staff.ts';

const FAST = 1_000;

beforeEach(async () => {
  location.hash = '';
  await clearSettings();
});

/** The app opened on the PIN pad of a set-up tablet (as after the door's hidden gesture). */
async function openPad(options: Parameters<typeof testKiosk>[0] = {}) {
  location.hash = '#/staff';
  const kiosk = testKiosk(options);
  const pins = createPinStore({ iterations: FAST, now: kiosk.store.now });
  const view = render(<App store={kiosk.store} pins={pins} />);
  // The first test loads (and transforms) the whole staff chunk, which takes a while on a
  // busy machine; the pad must show, however long that takes within reason.
  await screen.findByRole('heading', { name: 'Skriv inn PIN-koden' }, { timeout: 5_000 });
  return { kiosk, pins, view };
}

function typePin(pin: string) {
  const pad = screen.getByRole('region', { name: 'Skriv inn PIN-koden' });
  for (const digit of pin) fireEvent.click(within(pad).getByRole('button', { name: digit }));
  fireEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
}

function navNames(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Personalmeny' });
  return within(nav)
    .getAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('the PIN pad', () => {
  it('has big digit buttons and masks what is typed', async () => {
    await openPad();
    expect(screen.getByRole('heading', { level: 1, name: 'Personale' })).toBeVisible();
    for (const digit of '0123456789') {
      expect(screen.getByRole('button', { name: digit }).className).toContain('pin-key');
    }
    fireEvent.click(screen.getByRole('button', { name: '4' }));
    fireEvent.click(screen.getByRole('button', { name: '2' }));
    expect(screen.getByRole('img', { name: '2 sifre skrevet' })).toBeVisible();
    expect(document.body.textContent).not.toContain('42');
    fireEvent.click(screen.getByRole('button', { name: 'Slett siste siffer' }));
    expect(screen.getByRole('img', { name: '1 sifre skrevet' })).toBeVisible();
  });

  it('the volunteer PIN opens the tally and the guide, with no lead screens', async () => {
    await openPad();
    typePin(TEST_PINS.volunteer);
    expect(await screen.findByText('Innlogget som frivillig')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Telling' })).toBeVisible();
    expect(navNames()).toEqual(['Telling', 'Hjelp', 'Tilbake til inngangen']);
    expect(location.hash).toBe('#/staff/tally');
  });

  it('the lead PIN opens every screen: Telling, Dagsoppgjør, Historikk, Rapport, Innstillinger, Selvtest, Hjelp', async () => {
    await openPad();
    typePin(TEST_PINS.lead);
    expect(await screen.findByText('Innlogget som daglig leder')).toBeVisible();
    expect(navNames()).toEqual([
      'Telling',
      'Dagsoppgjør',
      'Historikk',
      'Rapport',
      'Innstillinger',
      'Selvtest',
      'Hjelp',
      'Tilbake til inngangen',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Rapport' }));
    expect(location.hash).toBe('#/staff/funder-report');
    const title = await screen.findByRole('heading', { name: 'Rapport til tilskuddsgivere' });
    expect(title.tagName).toBe('H2');
    fireEvent.click(screen.getByRole('button', { name: 'Innstillinger' }));
    expect(location.hash).toBe('#/staff/settings');
    expect(await screen.findByRole('heading', { name: 'Innstillinger' })).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Tilbake til inngangen' }));
    expect(await screen.findByRole('button', { name: 'Sjekk inn' })).toBeVisible();
  });

  it('a volunteer who follows a lead-only link lands on the tally', async () => {
    await openPad();
    location.hash = '#/staff/closing';
    typePin(TEST_PINS.volunteer);
    expect(await screen.findByText('Innlogget som frivillig')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Telling' })).toBeVisible();
    expect(location.hash).toBe('#/staff/tally');
  });

  it('a wrong PIN says calmly how many tries are left', async () => {
    await openPad();
    typePin('9999');
    expect((await screen.findByRole('alert')).textContent).toBe('Feil PIN. 4 forsøk igjen.');
    typePin('9998');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Feil PIN. 3 forsøk igjen.'),
    );
  });

  it('five wrong PINs lock the pad, the lock survives a reload, and the recovery code lifts it', async () => {
    const { kiosk, view } = await openPad();
    for (let i = 0; i < 5; i++) {
      typePin('9999');
      await waitFor(() =>
        expect(screen.getByRole('img', { name: '0 sifre skrevet' })).toBeVisible(),
      );
    }
    expect((await screen.findByRole('alert')).textContent).toBe(
      'For mange feil forsøk. Prøv igjen om 5 min.',
    );
    expect((screen.getByRole('button', { name: '1' }) as HTMLButtonElement).disabled).toBe(true);

    // A reload: a new app and a new PIN store read the same settings.
    view.unmount();
    cleanup();
    render(
      <App store={kiosk.store} pins={createPinStore({ iterations: FAST, now: kiosk.store.now })} />,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/^For mange feil forsøk/);
    expect((screen.getByRole('button', { name: '1' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Glemt PIN?' }));
    const code = screen.getByRole('textbox', { name: 'Gjenopprettingskode' });
    fireEvent.input(code, { target: { value: 'AAAA-BBBB-CCCX' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lås opp' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Koden stemmer ikke/);
    fireEvent.input(code, { target: { value: 'aaaa bbbb cccc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lås opp' }));

    const which = await screen.findByRole('region', { name: 'Hvilken PIN-kode er glemt?' });
    fireEvent.click(within(which).getByRole('button', { name: 'PIN for daglig leder' }));
    expect(
      await screen.findByRole('heading', { name: 'Velg ny PIN for daglig leder' }),
    ).toBeVisible();
    expect(screen.queryByLabelText('PIN for frivillige')).toBeNull();
    fireEvent.input(screen.getByLabelText('PIN for daglig leder'), { target: { value: '555555' } });
    fireEvent.input(screen.getByLabelText('Gjenta PIN for daglig leder'), {
      target: { value: '555555' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect(await screen.findByText('Innlogget som daglig leder')).toBeVisible();
  });

  it('a second lockout says to wait ten minutes', async () => {
    // One lockout already behind, and four wrong PINs since.
    void writeSetting('lock', { failures: 4, lockedUntil: MONDAY_1250 - 1000, lockouts: 1 });
    await openPad();
    typePin('9999');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'For mange feil forsøk. Prøv igjen om 10 min.',
    );
  });

  it('a lead whose PIN is shorter than 6 digits signs in and is asked calmly to change it', async () => {
    const { pins } = await openPad();
    typePin(TEST_PINS.lead);
    const change = await screen.findByRole('button', { name: 'Bytt PIN' });
    expect(change.parentElement?.textContent).toBe(
      'PIN-koden din er kort. Velg en ny med minst 6 sifre. Bytt PIN',
    );
    expect(screen.getByText('Innlogget som daglig leder')).toBeVisible();
    fireEvent.click(change);
    await screen.findByRole('heading', { name: 'Velg ny PIN for daglig leder' });
    for (const label of ['PIN for daglig leder', 'Gjenta PIN for daglig leder']) {
      fireEvent.input(screen.getByLabelText(label), { target: { value: '24680' } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'PIN for daglig leder må være 6–8 sifre.',
    );
    for (const label of ['PIN for daglig leder', 'Gjenta PIN for daglig leder']) {
      fireEvent.input(screen.getByLabelText(label), { target: { value: '246802' } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect(await screen.findByText('Innlogget som daglig leder')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Bytt PIN' })).toBeNull();
    expect(await pins.tryPin('246802')).toEqual({ kind: 'ok', role: 'lead' });
  });

  it('a volunteer with a 4-digit PIN is not asked to change it', async () => {
    await openPad();
    typePin(TEST_PINS.volunteer);
    expect(await screen.findByText('Innlogget som frivillig')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Bytt PIN' })).toBeNull();
  });

  it('"Glemt PIN?" shows from the start, not only after a lock', async () => {
    await openPad();
    const pad = screen.getByRole('region', { name: 'Skriv inn PIN-koden' });
    expect(within(pad).getByRole('button', { name: 'Glemt PIN?' })).toBeVisible();
  });

  it('the recovery code resets only the PIN that was forgotten', async () => {
    const { pins } = await openPad();
    fireEvent.click(screen.getByRole('button', { name: 'Glemt PIN?' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Gjenopprettingskode' }), {
      target: { value: TEST_PINS.recovery },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lås opp' }));
    const which = await screen.findByRole('region', { name: 'Hvilken PIN-kode er glemt?' });
    fireEvent.click(within(which).getByRole('button', { name: 'PIN for frivillige' }));
    await screen.findByRole('heading', { name: 'Velg ny PIN for frivillige' });
    expect(screen.queryByLabelText('PIN for daglig leder')).toBeNull();
    // The lead's PIN cannot become the volunteers' too.
    fireEvent.input(screen.getByLabelText('PIN for frivillige'), {
      target: { value: TEST_PINS.lead },
    });
    fireEvent.input(screen.getByLabelText('Gjenta PIN for frivillige'), {
      target: { value: TEST_PINS.lead },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Den nye PIN-koden kan ikke være lik den andre PIN-koden.',
    );
    for (const label of ['PIN for frivillige', 'Gjenta PIN for frivillige']) {
      fireEvent.input(screen.getByLabelText(label), { target: { value: '7777' } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect(await screen.findByText('Innlogget som daglig leder')).toBeVisible();
    expect(await pins.tryPin('7777')).toEqual({ kind: 'ok', role: 'volunteer' });
    expect(await pins.tryPin(TEST_PINS.volunteer)).toMatchObject({ kind: 'wrong' });
    expect(await pins.tryPin(TEST_PINS.lead)).toEqual({ kind: 'ok', role: 'lead' });
    expect(await pins.recover(TEST_PINS.recovery)).toBe(true);
  });
});

function fillPins(volunteer: string, volunteerRepeat: string, lead: string, leadRepeat: string) {
  const fields: [string, string][] = [
    ['PIN for frivillige', volunteer],
    ['Gjenta PIN for frivillige', volunteerRepeat],
    ['PIN for daglig leder', lead],
    ['Gjenta PIN for daglig leder', leadRepeat],
  ];
  for (const [label, value] of fields) {
    fireEvent.input(screen.getByLabelText(label), { target: { value } });
  }
}

describe('PIN set-up on a fresh tablet', () => {
  async function freshTablet() {
    const kiosk = testKiosk({ pins: 'none' });
    const pins = createPinStore({ iterations: FAST });
    render(<App store={kiosk.store} pins={pins} />);
    // The first-run set-up asks for the place first; the default preset is already chosen.
    await screen.findByRole('heading', { name: 'Sett opp nettbrettet' });
    fireEvent.click(screen.getByRole('button', { name: 'Neste' }));
    await screen.findByRole('heading', { name: 'Velg PIN-koder for personalet' });
    return pins;
  }

  it('asks for both PINs before it shows the door', async () => {
    await freshTablet();
    expect(screen.queryByRole('button', { name: 'Sjekk inn' })).toBeNull();
  });

  it('refuses a 3-digit PIN', async () => {
    const pins = await freshTablet();
    fillPins('123', '123', '567890', '567890');
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'PIN for frivillige må være 4–8 sifre.',
    );
    expect(await pins.isSetUp()).toBe(false);
  });

  it('refuses a 4- or 5-digit lead PIN, saying it needs 6', async () => {
    const pins = await freshTablet();
    fillPins('1234', '1234', '5678', '5678');
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'PIN for daglig leder må være 6–8 sifre.',
    );
    // The volunteers' rule is still 4–8 digits.
    fillPins('123', '123', '56789', '56789');
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'PIN for frivillige må være 4–8 sifre.PIN for daglig leder må være 6–8 sifre.',
      ),
    );
    expect(await pins.isSetUp()).toBe(false);
  });

  it('refuses PINs typed differently the second time, and two equal PINs', async () => {
    const pins = await freshTablet();
    fillPins('1234', '1234', '567890', '567899');
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'PIN for daglig leder: de to feltene er ikke like.',
    );
    fillPins('123456', '123456', '123456', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'PIN for frivillige og PIN for daglig leder må være forskjellige.',
      ),
    );
    expect(await pins.isSetUp()).toBe(false);
  });

  it('stores the PINs, shows the recovery code once, then the door', async () => {
    const pins = await freshTablet();
    fillPins('1234', '1234', '567890', '567890');
    fireEvent.click(screen.getByRole('button', { name: 'Lagre PIN-kodene' }));
    expect(await screen.findByRole('heading', { name: 'Gjenopprettingskode' })).toBeVisible();
    const code = screen.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent!;
    fireEvent.click(screen.getByRole('button', { name: 'Jeg har skrevet ned koden' }));
    expect(await screen.findByRole('button', { name: 'Sjekk inn' })).toBeVisible();
    expect(await pins.tryPin('567890')).toEqual({ kind: 'ok', role: 'lead' });
    expect(await pins.recover(code)).toBe(true);
  });
});

describe('the staff shell', () => {
  it('shows the version, and nothing alarming when all is well', async () => {
    await openPad();
    typePin(TEST_PINS.volunteer);
    await screen.findByText('Innlogget som frivillig');
    expect(screen.getByText(/^Versjon \d+\.\d+\.\d+/)).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the stored configuration could not be read and the preset is used', async () => {
    await openPad({
      deps: { loadConfig: () => Promise.resolve({ config: hjerteromAlta, invalid: 'name: tom' }) },
    });
    typePin(TEST_PINS.lead);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Inngangen bruker en reservekonfigurasjon fordi den lagrede har en feil (name: tom). ' +
        'Den brukes til konfigurasjonen er lagret på nytt.',
    );
  });

  it('says how many writes are not saved yet', async () => {
    await openPad({
      deps: {
        openStorage: () =>
          Promise.resolve({
            db: undefined as never,
            replica: 'r',
            record: () => Promise.reject(Object.assign(new Error('x'), { name: 'UnknownError' })),
          }),
        retryMs: 60_000,
      },
    });
    typePin(TEST_PINS.volunteer);
    await screen.findByText('Innlogget som frivillig');
    fireEvent.click(screen.getByRole('button', { name: '+1 Middag' }));
    expect(
      await screen.findByText(
        '1 registreringer er ikke lagret ennå. De prøves på nytt automatisk.',
      ),
    ).toBeVisible();
  });
});

describe('returning to the door when left alone', () => {
  const quick = { ...hjerteromAlta, idleTimeoutSeconds: 0.3 };

  it('goes back to the door after the idle timeout', async () => {
    await openPad({ config: quick });
    typePin(TEST_PINS.volunteer);
    await screen.findByText('Innlogget som frivillig');
    expect(
      await screen.findByRole('button', { name: 'Sjekk inn' }, { timeout: 2000 }),
    ).toBeVisible();
    expect(location.hash).toBe('#/');
  });

  it('never while a number is being typed, only after the field is left', async () => {
    await openPad({ config: quick });
    typePin(TEST_PINS.volunteer);
    await screen.findByText('Innlogget som frivillig');
    const amount = screen.getByRole('textbox', { name: 'Antall' });
    amount.focus();
    fireEvent.input(amount, { target: { value: '1' } });
    await new Promise((done) => setTimeout(done, 800));
    expect(screen.getByText('Innlogget som frivillig')).toBeVisible();
    amount.blur();
    await new Promise((done) => setTimeout(done, 100));
    expect(screen.getByText('Innlogget som frivillig')).toBeVisible();
    expect(
      await screen.findByRole('button', { name: 'Sjekk inn' }, { timeout: 2000 }),
    ).toBeVisible();
  });

  it('the PIN pad too returns to the door', async () => {
    await openPad({ config: quick });
    expect(
      await screen.findByRole('button', { name: 'Sjekk inn' }, { timeout: 2000 }),
    ).toBeVisible();
  });
});
