import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../../../src/domain/presets/index.ts';
import type { StaffRole } from '../../../../src/state/pins.ts';
import { History } from '../../../../src/ui/staff/history/History.tsx';
import { StoreContext } from '../../../../src/ui/store-context.ts';
import { Tally } from '../../../../src/ui/staff/tally/Tally.tsx';
import {
  MONDAY_1250,
  net,
  testKiosk,
  THURSDAY_1200,
  totalsOf,
  type TestKiosk,
} from '../../../support/kiosk.ts';

const MONDAY = '2026-11-23';
const THURSDAY = '2026-11-26';

function renderTally(now = MONDAY_1250, role: StaffRole = 'lead'): TestKiosk {
  const kiosk = testKiosk({ now });
  render(
    <StoreContext.Provider value={kiosk.store}>
      <Tally role={role} />
    </StoreContext.Provider>,
  );
  return kiosk;
}

/** The confirmation shown inside a card or tool (next to the button pressed there). */
function statusIn(name: string): HTMLElement {
  return within(card(name)).getByRole('status');
}

/** Stored events (the test clock stands still: find them by what they are, not by order). */
async function storedEvents(kiosk: TestKiosk) {
  return (await kiosk.storage).db.events.toArray();
}

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('the tally screen', () => {
  it('shows a +1 per counter on today: dinner and staff-added visits on a Monday', () => {
    renderTally();
    expect(screen.getByRole('button', { name: '+1 Middag' })).toBeVisible();
    expect(screen.getByRole('button', { name: '+1 Besøk lagt til av personalet' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Bingobrett/ })).toBeNull();
  });

  it('+1 Middag counts, and the running total follows', async () => {
    const kiosk = renderTally();
    fireEvent.click(screen.getByRole('button', { name: '+1 Middag' }));
    await waitFor(() => expect(card('Middag').textContent).toContain('I dag: 1'));
    fireEvent.click(screen.getByRole('button', { name: '+1 Middag' }));
    await waitFor(() => expect(card('Middag').textContent).toContain('I dag: 2'));
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'middag')).toBe(2);
    expect(statusIn('Middag').textContent).toMatch(/^Lagret: \+1 Middag$/);
    expect(statusIn('Rett opp en feil').textContent).toMatch(/^$/);
  });

  it('the card "Besøk lagt til av personalet" counts what staff added, not the door taps', async () => {
    const kiosk = renderTally();
    await kiosk.store.checkIn();
    await kiosk.store.checkIn();
    const visits = () => card('Besøk lagt til av personalet').textContent;
    await waitFor(async () => expect(await storedEvents(kiosk)).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '+1 Besøk lagt til av personalet' }));
    await waitFor(() => expect(visits()).toContain('I dag: 1'));
    expect(visits()).not.toContain('I dag: 3');
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'visit')).toBe(3);
  });

  it('the bingo Kontant button records one board at 10 kr, with the price shown', async () => {
    const kiosk = renderTally(THURSDAY_1200);
    expect(card('Bingobrett').textContent).toMatch(/10\skr per stykk/);
    fireEvent.click(screen.getByRole('button', { name: '+1 Kontant, Bingobrett' }));
    await waitFor(() => expect(card('Bingobrett').textContent).toMatch(/I dag: 1 · 10\skr/));
    const [event] = await storedEvents(kiosk);
    expect(event).toMatchObject({ counter: 'bingo', option: 'cash', delta: 1, nok: 10 });
    expect(net(await totalsOf(await kiosk.storage, THURSDAY), 'bingo', 'cash')).toBe(1);
  });

  it('"Angre siste" undoes the last tap with a −1 of the same key and kroner', async () => {
    const kiosk = renderTally(THURSDAY_1200);
    const undo = screen.getByRole('button', { name: 'Angre siste' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '+1 Kontant, Bingobrett' }));
    await waitFor(() => expect(undo.disabled).toBe(false));
    fireEvent.click(undo);
    const undoGroup = undo.parentElement!;
    await waitFor(() =>
      expect(within(undoGroup).getByRole('status').textContent).toMatch(/^Angret/),
    );
    const row = await (await kiosk.storage).db.tally.where('day').equals(THURSDAY).first();
    expect(row).toMatchObject({ option: 'cash', inc: 1, dec: 1, incNok: 10, decNok: 10 });
    const undone = (await storedEvents(kiosk)).find((event) => event.delta < 0);
    expect(undone).toMatchObject({ option: 'cash', nok: -10, source: 'staff' });
    expect(undo.disabled).toBe(true);
  });

  it('a correction needs a reason from the list, then subtracts one', async () => {
    const kiosk = renderTally();
    const correction = card('Rett opp en feil');
    const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Trekk fra 1' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Hva skal rettes' }), {
      target: { value: 'middag' },
    });
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Velg en årsak før du trekker fra.',
    );
    expect(await storedEvents(kiosk)).toEqual([]);
    expect(correction.querySelector('textarea, input[type="text"]')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Talt to ganger' }));
    submit();
    await waitFor(async () => expect(await storedEvents(kiosk)).toHaveLength(1));
    expect((await storedEvents(kiosk))[0]).toMatchObject({
      counter: 'middag',
      delta: -1,
      reason: 'counted-twice',
      source: 'staff',
    });
    expect(within(correction).getByRole('status').textContent).toMatch(
      /^Rettet: −1 Middag \(Talt to ganger\)$/,
    );
  });

  it('"Angre siste" after a correction undoes the correction', async () => {
    const kiosk = renderTally();
    fireEvent.click(screen.getByRole('button', { name: '+1 Middag' }));
    await waitFor(() => expect(card('Middag').textContent).toContain('I dag: 1'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Hva skal rettes' }), {
      target: { value: 'middag' },
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Feil knapp' }));
    fireEvent.click(screen.getByRole('button', { name: 'Trekk fra 1' }));
    await waitFor(() => expect(card('Middag').textContent).toContain('I dag: 0'));
    expect(screen.getByText('Siste trykk: −1 Middag')).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Angre siste' }));
    await waitFor(() => expect(card('Middag').textContent).toContain('I dag: 1'));
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'middag')).toBe(1);
  });

  it.each([
    ['-3', 'Antallet må være minst 1. For å trekke fra, bruk «Rett opp en feil».'],
    ['', 'Skriv inn antallet fra papirlisten.'],
    ['abc', 'Antallet må være et helt tall, for eksempel 12.'],
  ])('a back-fill of "%s" is refused with a message and stores nothing', async (typed, text) => {
    const kiosk = renderTally();
    fireEvent.input(screen.getByRole('textbox', { name: 'Antall' }), { target: { value: typed } });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til fra papirliste' }));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(await storedEvents(kiosk)).toEqual([]);
  });

  it('a back-fill of 12 dinners for an earlier day is asked about, then stored as +12', async () => {
    const kiosk = renderTally(Date.UTC(2026, 10, 25, 11, 0));
    fireEvent.input(screen.getByLabelText('Dag'), { target: { value: MONDAY } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Hva ble talt' }), {
      target: { value: 'middag' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Antall' }), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til fra papirliste' }));
    const backfill = card('Etterregistrering fra papirliste');
    const question = await within(backfill).findByRole('alertdialog');
    expect(question.textContent).toContain('Legge til +12 Middag for mandag 23. november 2026?');
    expect(await storedEvents(kiosk)).toEqual([]);
    fireEvent.click(within(question).getByRole('button', { name: 'Ja, legg til' }));
    await waitFor(() =>
      expect(within(backfill).getByRole('status').textContent).toMatch(
        /^Lagt til fra papirliste: \+12 Middag for mandag 23\. november 2026\.$/,
      ),
    );
    const [event] = await storedEvents(kiosk);
    expect(event).toMatchObject({ day: MONDAY, counter: 'middag', delta: 12, source: 'backfill' });
    expect(net(await totalsOf(await kiosk.storage, MONDAY), 'middag')).toBe(12);
  });

  it('a back-fill of +500 visits on 2 January 2025 asks first, naming counter, day and year', async () => {
    const kiosk = renderTally(THURSDAY_1200);
    fireEvent.input(screen.getByLabelText('Dag'), { target: { value: '2025-01-02' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Hva ble talt' }), {
      target: { value: 'visit' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Antall' }), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til fra papirliste' }));
    const backfill = card('Etterregistrering fra papirliste');
    const question = await within(backfill).findByRole('alertdialog');
    expect(question.textContent).toMatch(/^Legge til \+500 Besøk for torsdag 2\. januar 2025\?/);
    fireEvent.click(within(question).getByRole('button', { name: 'Nei, avbryt' }));
    expect(within(backfill).queryByRole('alertdialog')).toBeNull();
    expect(await storedEvents(kiosk)).toEqual([]);
  });

  it('a volunteer may back-fill today and yesterday, not earlier; the lead any day', async () => {
    const kiosk = renderTally(THURSDAY_1200, 'volunteer');
    const day = screen.getByLabelText('Dag');
    expect(day.getAttribute('min')).toBe('2026-11-25');
    expect(day.getAttribute('max')).toBe(THURSDAY);
    fireEvent.input(day, { target: { value: '2026-11-24' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Antall' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til fra papirliste' }));
    const refusal = await within(card('Etterregistrering fra papirliste')).findByRole('alert');
    expect(refusal.textContent).toMatch(
      /^En frivillig kan bare etterregistrere for i dag og i går\./,
    );
    expect(await storedEvents(kiosk)).toEqual([]);
    fireEvent.input(day, { target: { value: '2026-11-25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til fra papirliste' }));
    await waitFor(async () => expect(await storedEvents(kiosk)).toHaveLength(1));
    cleanup();
    renderTally(THURSDAY_1200, 'lead');
    expect(screen.getByLabelText('Dag').hasAttribute('min')).toBe(false);
  });

  it('every +1 is a touch target of at least 48 px (by class and stylesheet rule)', () => {
    renderTally(THURSDAY_1200);
    const css = readFileSync(resolve(__dirname, '../../../../src/ui/staff.css'), 'utf8');
    expect(css).toMatch(/\.tally-plus \{[^}]*min-height: 6rem/);
    for (const button of screen.getAllByRole('button', { name: /^\+1 / })) {
      expect(button.className).toContain('tally-plus');
    }
  });

  it('a counter that is off has no +1, while the counts made before still show in history', async () => {
    const config = {
      ...hjerteromAlta,
      counters: hjerteromAlta.counters.map((counter) =>
        counter.id === 'middag' ? { ...counter, enabled: false } : counter,
      ),
    };
    const kiosk = testKiosk({ now: MONDAY_1250, config });
    await (
      await kiosk.storage
    ).record([{ day: MONDAY, at: MONDAY_1250, counter: 'middag', delta: 31, source: 'backfill' }]);
    render(
      <StoreContext.Provider value={kiosk.store}>
        <Tally role="lead" />
        <History role="lead" />
      </StoreContext.Provider>,
    );
    expect(screen.getByRole('button', { name: '+1 Besøk lagt til av personalet' })).toBeVisible();
    expect(screen.queryByRole('button', { name: '+1 Middag' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Middag' })).toBeNull();
    const table = await screen.findByRole('table', { name: 'Tall per periode' });
    expect(within(table).getByRole('columnheader', { name: 'Middag' })).toBeVisible();
    await waitFor(() => expect(within(table).getByRole('cell', { name: '31' })).toBeVisible());
  });

  it("the preset's hinted services are not offered: no +1 Telefonsamtale on a Monday", () => {
    renderTally();
    expect(screen.getByRole('button', { name: '+1 Samtale i enerom' })).toBeVisible();
    for (const name of ['Telefonsamtale', 'Hjemmebesøk', 'Følgetjeneste']) {
      expect(screen.queryByRole('button', { name: `+1 ${name}` })).toBeNull();
    }
  });
});
