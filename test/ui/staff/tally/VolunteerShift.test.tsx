import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createTallyActions } from '../../../../src/state/staff.ts';
import { Closing } from '../../../../src/ui/staff/closing/Closing.tsx';
import { Tally } from '../../../../src/ui/staff/tally/Tally.tsx';
import { StoreContext } from '../../../../src/ui/store-context.ts';
import { MONDAY_1250, net, testKiosk, totalsOf, type TestKiosk } from '../../../support/kiosk.ts';
import { seedFrozen, seedThursday, THURSDAY, THURSDAY_1500 } from '../../../support/staff-seed.ts';

const MONDAY = '2026-11-23';

function renderTally(kiosk: TestKiosk) {
  render(
    <StoreContext.Provider value={kiosk.store}>
      <Tally role="volunteer" />
    </StoreContext.Provider>,
  );
}

const volunteers = () => screen.getByRole('region', { name: 'Frivillige' });

function typeShift(count: string, hours: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'Antall frivillige på vakten' }), {
    target: { value: count },
  });
  fireEvent.input(screen.getByRole('textbox', { name: 'Timer de ga til sammen (f.eks. 7,5)' }), {
    target: { value: hours },
  });
}

describe('volunteer shifts on the tally screen', () => {
  it('two tablets each add a shift: the site sums them, and a correction takes one back', async () => {
    const a = testKiosk({ now: MONDAY_1250 });
    const b = testKiosk({ now: MONDAY_1250 });
    renderTally(a);
    expect(volunteers().textContent).toContain('I dag: 0 frivillige · 0 frivillige timer');
    // No +1 button for the volunteer counters: a shift is numbers typed in.
    expect(screen.queryByRole('button', { name: /\+1 Frivillig/ })).toBeNull();

    typeShift('3', '7,5');
    fireEvent.click(screen.getByRole('button', { name: 'Legg til vakt' }));
    await waitFor(() =>
      expect(volunteers().textContent).toContain('I dag: 3 frivillige · 7,5 frivillige timer'),
    );
    expect(volunteers().textContent).toContain('Lagret: 3 frivillige, 7,5 timer');

    // The other tablet's shift, through its own store; its tally state reaches this tablet
    // as another replica (as a restored backup or the endpoint's sum brings it).
    const other = await createTallyActions(b.store).addShift('2', '4');
    expect(other).toMatchObject({ ok: true, shift: { volunteers: 2, minutes: 240 } });
    const bStorage = await b.storage;
    const rows = await bStorage.db.tally.toArray();
    await seedFrozen((await a.storage).db, bStorage.replica, rows);
    await waitFor(() =>
      expect(volunteers().textContent).toContain('I dag: 5 frivillige · 11,5 frivillige timer'),
    );

    typeShift('1', '2');
    fireEvent.click(screen.getByRole('button', { name: 'Trekk fra (feilføring)' }));
    await waitFor(() =>
      expect(volunteers().textContent).toContain('I dag: 4 frivillige · 9,5 frivillige timer'),
    );
    const totals = await totalsOf(await a.storage, MONDAY);
    expect(net(totals, 'frivillige')).toBe(4);
    expect(net(totals, 'frivillig-minutter')).toBe(570);
    const events = await (await a.storage).db.events.toArray();
    expect(
      events.map(({ counter, delta, reason, hour }) => ({ counter, delta, reason, hour })),
    ).toEqual(
      expect.arrayContaining([
        { counter: 'frivillige', delta: 3, reason: undefined, hour: -1 },
        { counter: 'frivillig-minutter', delta: 450, reason: undefined, hour: -1 },
        { counter: 'frivillige', delta: -1, reason: 'wrong-button', hour: -1 },
        { counter: 'frivillig-minutter', delta: -120, reason: 'wrong-button', hour: -1 },
      ]),
    );
    // Never by hour (-1 is storage's "no hour"), so a shift joins no visit's hour.
    expect(events).toHaveLength(4);
  });

  it.each([
    ['2', '-3', 'Tallene kan ikke være negative.'],
    ['2', 'mange', 'Skriv timene som et tall, for eksempel 7,5.'],
    ['2', '48,5', 'Mer enn 24 timer per frivillig. Sjekk tallene.'],
    ['0', '3', 'Skriv hvor mange frivillige som var på vakt (minst 1).'],
    ['to', '3', 'Skriv antall frivillige som et helt tall.'],
  ])(
    'refuses %s volunteers and "%s" hours with a message; nothing is stored',
    async (n, h, text) => {
      const kiosk = testKiosk({ now: MONDAY_1250 });
      renderTally(kiosk);
      typeShift(n, h);
      fireEvent.click(screen.getByRole('button', { name: 'Legg til vakt' }));
      expect((await screen.findByRole('alert')).textContent).toContain(text);
      expect(await (await kiosk.storage).db.events.count()).toBe(0);
      expect(volunteers().textContent).toContain('I dag: 0 frivillige · 0 frivillige timer');
    },
  );
});

describe('taking back a large shift', () => {
  it('asks first, naming the numbers, the day and the year, and stores nothing until yes', async () => {
    const kiosk = testKiosk({ now: MONDAY_1250 });
    renderTally(kiosk);
    typeShift('8', '20');
    fireEvent.click(screen.getByRole('button', { name: 'Trekk fra (feilføring)' }));
    const question = within(volunteers()).getByRole('alertdialog');
    expect(question.textContent).toContain(
      'Trekke fra 8 frivillige og 20 timer for mandag 23. november 2026?',
    );
    expect(await (await kiosk.storage).db.events.count()).toBe(0);
    fireEvent.click(within(question).getByRole('button', { name: 'Ja, trekk fra' }));
    await waitFor(async () => expect(await (await kiosk.storage).db.events.count()).toBe(2));
    const totals = await totalsOf(await kiosk.storage, MONDAY);
    expect(net(totals, 'frivillige')).toBe(-8);
    expect(net(totals, 'frivillig-minutter')).toBe(-1200);
  });
});

describe('volunteer shifts at closing', () => {
  it("suggests adding the shift and shows the site's total after it", async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    await seedThursday(await kiosk.storage);
    render(
      <StoreContext.Provider value={kiosk.store}>
        <Closing role="lead" />
      </StoreContext.Provider>,
    );
    expect(await screen.findByText('Har du lagt inn dagens frivillige vakter?')).toBeVisible();
    expect(volunteers().textContent).toContain('I dag: 0 frivillige · 0 frivillige timer');
    typeShift('2', '3:30');
    fireEvent.click(screen.getByRole('button', { name: 'Legg til vakt' }));
    await waitFor(() =>
      expect(volunteers().textContent).toContain('I dag: 2 frivillige · 3,5 frivillige timer'),
    );
    // Not among the activities as raw minutes.
    expect(screen.queryByText(/i minutter/)).toBeNull();
    expect(net(await totalsOf(await kiosk.storage, THURSDAY), 'frivillig-minutter')).toBe(210);
  });
});
