import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { clear, createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../../../src/domain/presets/index.ts';
import type { EndpointTotalsReader } from '../../../../src/state/reports.ts';
import { exportBackup, type FileHandOver } from '../../../../src/state/export.ts';
import { createSyncController, type SyncController } from '../../../../src/state/sync.ts';
import { closeDay } from '../../../../src/storage/days.ts';
import { Closing } from '../../../../src/ui/staff/closing/Closing.tsx';
import {
  EndpointTotalsContext,
  StoreContext,
  SyncContext,
} from '../../../../src/ui/store-context.ts';
import { testEndpoint } from '../../../support/endpoint.ts';
import { testKiosk, type TestKiosk } from '../../../support/kiosk.ts';
import {
  seedFrozen,
  seedThursday,
  THURSDAY,
  THURSDAY_1500,
  thursdayAt,
} from '../../../support/staff-seed.ts';

const FROZEN = '11111111-2222-4333-8444-555555555555';

async function seededKiosk(): Promise<TestKiosk> {
  const kiosk = testKiosk({ now: THURSDAY_1500 });
  await seedThursday(await kiosk.storage);
  return kiosk;
}

function renderClosing(
  kiosk: TestKiosk,
  props: Partial<Parameters<typeof Closing>[0]> = {},
  endpointTotals?: EndpointTotalsReader,
  sync?: SyncController,
) {
  render(
    <StoreContext.Provider value={kiosk.store}>
      <SyncContext.Provider value={sync}>
        <EndpointTotalsContext.Provider value={endpointTotals}>
          <Closing role="lead" {...props} />
        </EndpointTotalsContext.Provider>
      </SyncContext.Provider>
    </StoreContext.Provider>,
  );
}

function captureFiles() {
  const files: Array<{ name: string; blob: Blob }> = [];
  const handOver: FileHandOver = { download: (blob, name) => files.push({ name, blob }) };
  return { files, handOver };
}

/** Counts the cash and closes the day, answering the question a differing count asks. */
async function closeWith(counted: string) {
  fireEvent.input(await screen.findByRole('textbox', { name: 'Opptalt kontant (kr)' }), {
    target: { value: counted },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Avslutt dagen' }));
}

beforeEach(async () => {
  await clear(createStore('terskel-settings', 'settings'));
});

const dayRowOf = async (kiosk: TestKiosk) => {
  const { db, replica } = await kiosk.storage;
  return db.days.get([replica, THURSDAY]);
};

describe('closing the day', () => {
  it("sums the day's tally state over every replica, a frozen one included", async () => {
    const kiosk = await seededKiosk();
    const { db } = await kiosk.storage;
    await seedFrozen(db, FROZEN, [
      { day: THURSDAY, counter: 'visit', hour: 14, inc: 5 },
      { day: THURSDAY, counter: 'visit', option: 'first-time', hour: 14, inc: 2 },
      { day: THURSDAY, counter: 'middag', inc: 4 },
    ]);
    renderClosing(kiosk);
    expect(await screen.findByText('Besøk i alt: 27')).toBeVisible();
    expect(screen.getByText('Viser tallene fra dette nettbrettet')).toBeVisible();
    const answers = screen.getByRole('table', { name: 'Etter svar på spørsmålet' });
    expect(answers.textContent).toMatch(/Første gang5/);
    expect(answers.textContent).toMatch(/Svarte ikke22/);
    const chart = screen.getByRole('img', { name: /^Besøk per time/ });
    expect(chart.getAttribute('aria-label')).toBe(
      'Besøk per time. kl. 12: 8, kl. 13: 12, kl. 14: 7',
    );
    const meals = screen.getByRole('table', { name: 'Måltider' });
    expect(meals.textContent).toMatch(/Middag35/);
    const sales = screen.getByRole('table', { name: 'Salg' });
    expect(sales.textContent).toMatch(/Bingobrett12120\s*kr/);
    expect(sales.textContent).toMatch(/Bingobrett – Kontant990\s*kr/);
    expect(sales.textContent).toMatch(/Bingobrett – Vipps330\s*kr/);
  });

  it('31 dinners and 12 boards, 9 of them cash at 10 kr: 90 kr expected, 100 counted is +10 kr', async () => {
    const kiosk = await seededKiosk();
    renderClosing(kiosk);
    expect(await screen.findByText(/Forventet i kassen: 90\s*kr/)).toBeVisible();
    const cash = screen.getByRole('textbox', { name: 'Opptalt kontant (kr)' });
    fireEvent.input(cash, { target: { value: '100' } });
    expect(screen.getByText(/Differanse: \+10\s*kr/)).toBeVisible();
    fireEvent.input(cash, { target: { value: '85' } });
    expect(screen.getByText(/Differanse: −5\s*kr/)).toBeVisible();
    fireEvent.input(cash, { target: { value: '100' } });
    const before = (await dayRowOf(kiosk))!.rev;
    fireEvent.click(screen.getByRole('button', { name: 'Avslutt dagen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Avslutt dagen likevel' }));
    expect(await screen.findByText('Dagen ble avsluttet kl. 15.00.')).toBeVisible();
    expect(screen.getByText(/Opptalt kontant: 100\s*kr/)).toBeVisible();
    expect(screen.getByText(/Differanse: \+10\s*kr/)).toBeVisible();
    const row = await dayRowOf(kiosk);
    expect(row).toMatchObject({ closedAt: THURSDAY_1500, cashCountedNok: 100 });
    expect(row!.rev).toBe(before + 1);
  });

  it.each([
    ['mye', 'Opptalt kontant må være et tall i hele kroner, for eksempel 120.'],
    ['-10', 'Opptalt kontant kan ikke være negativ.'],
    ['12,50', 'Skriv hele kroner, uten øre.'],
    ['', 'Tell kontantene og skriv inn beløpet før du avslutter dagen.'],
  ])(
    'a counted cash of "%s" is refused in Norwegian and nothing is stored',
    async (typed, message) => {
      const kiosk = await seededKiosk();
      renderClosing(kiosk);
      const cash = await screen.findByRole('textbox', { name: 'Opptalt kontant (kr)' });
      const before = await dayRowOf(kiosk);
      fireEvent.input(cash, { target: { value: typed } });
      fireEvent.click(screen.getByRole('button', { name: 'Avslutt dagen' }));
      expect((await screen.findByRole('alert')).textContent).toBe(message);
      expect(cash.getAttribute('aria-invalid')).toBe('true');
      expect(await dayRowOf(kiosk)).toEqual(before);
    },
  );

  it('the lead can reopen a closed day; the reopened day carries no closing time', async () => {
    const kiosk = await seededKiosk();
    renderClosing(kiosk);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Opptalt kontant (kr)' }), {
      target: { value: '90' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Avslutt dagen' }));
    // "Kassen stemmer." already shows while typing; wait for the closing itself.
    expect(await screen.findByText('Dagen ble avsluttet kl. 15.00.')).toBeVisible();
    expect(screen.getByText('Kassen stemmer.')).toBeVisible();
    // The screen may show the closing before it has committed (Dexie's live queries are
    // optimistic), so read the stored row once the closing is really in it.
    const closedRev = await waitFor(async () => {
      const row = await dayRowOf(kiosk);
      expect(row?.closedAt).toEqual(expect.any(Number));
      return row!.rev;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Åpne dagen igjen' }));
    expect(await screen.findByRole('button', { name: 'Avslutt dagen' })).toBeVisible();
    expect(screen.getByText('Dagen er ikke avsluttet.')).toBeVisible();
    const row = await waitFor(async () => {
      const reopened = await dayRowOf(kiosk);
      expect(reopened?.closedAt).toBeUndefined();
      return reopened;
    });
    expect(row?.cashCountedNok).toBeUndefined();
    expect(row!.rev).toBe(closedRev + 1);
  });

  it('door visits after the closing are shown as such', async () => {
    const kiosk = await seededKiosk();
    const storage = await kiosk.storage;
    await closeDay(storage.db, storage.replica, THURSDAY, {
      at: thursdayAt(15),
      cashCountedNok: 90,
    });
    const late = (minute: number) => ({
      day: THURSDAY,
      at: thursdayAt(15, minute),
      counter: 'visit',
      hour: 15,
      delta: 1,
      source: 'door' as const,
    });
    await storage.record([late(10), late(20)]);
    renderClosing(kiosk);
    expect(await screen.findByText('2 besøk etter at dagen ble avsluttet')).toBeVisible();
    expect(screen.getByText('Besøk i alt: 22')).toBeVisible();
  });

  it('the note warns against writing about persons and stays on the tablet', async () => {
    const kiosk = await seededKiosk();
    renderClosing(kiosk);
    const note = await screen.findByRole('textbox', { name: 'Notat for dagen' });
    expect(screen.getByText('Ikke skriv noe om enkeltpersoner – bare om dagen.')).toBeVisible();
    const warning = document.getElementById(note.getAttribute('aria-describedby') ?? '');
    expect(warning?.textContent).toContain('Ikke skriv noe om enkeltpersoner');
    fireEvent.input(note, { target: { value: 'Bingoen trakk fullt hus.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre notatet' }));
    expect(await screen.findByText('Notatet er lagret.')).toBeVisible();
    const { db } = await kiosk.storage;
    expect(await db.notes.get(THURSDAY)).toEqual({
      day: THURSDAY,
      text: 'Bingoen trakk fullt hus.',
    });
    const backup = await exportBackup(kiosk.store);
    expect(backup.content).not.toMatch(/Bingoen trakk/);
  });

  it('says when it shows the totals of all tablets', async () => {
    const kiosk = await seededKiosk();
    renderClosing(kiosk, {}, () =>
      Promise.resolve([
        {
          date: THURSDAY,
          replicas: 2,
          closed: false,
          totals: [{ counter: 'visit', net: 41 }],
        },
      ]),
    );
    expect(await screen.findByText('Besøk i alt: 41')).toBeVisible();
    expect(screen.getByText('Viser tallene fra alle nettbrettene')).toBeVisible();
  });

  it("falls back to the tablet's own totals when the endpoint can't be reached", async () => {
    const kiosk = await seededKiosk();
    renderClosing(kiosk, {}, () => Promise.reject(new TypeError('offline')));
    expect(await screen.findByText('Besøk i alt: 20')).toBeVisible();
    expect(screen.getByText('Viser tallene fra dette nettbrettet')).toBeVisible();
  });

  it('takes totals handed in by the sync layer', async () => {
    const kiosk = await seededKiosk();
    renderClosing(kiosk, {
      siteTotals: { source: 'endpoint', totals: [{ counter: 'visit', net: 33 }] },
    });
    await waitFor(() => expect(screen.getByText('Besøk i alt: 33')).toBeVisible());
    expect(screen.getByText('Viser tallene fra alle nettbrettene')).toBeVisible();
  });

  it("shows the day's answers to the door question per answer, the skip as Ikke svart", async () => {
    const kiosk = await seededKiosk();
    const { db } = await kiosk.storage;
    await seedFrozen(db, FROZEN, [
      { day: THURSDAY, counter: 'forste-gang', option: 'noensinne', inc: 2 },
      { day: THURSDAY, counter: 'forste-gang', option: 'tidligere-i-ar', inc: 5 },
      { day: THURSDAY, counter: 'forste-gang', option: 'no-answer', inc: 1 },
    ]);
    renderClosing(kiosk);
    const section = await screen.findByRole('region', { name: 'Svar på spørsmålene ved døra' });
    const answers = within(section).getByRole('table', { name: 'Første gang her?' });
    expect(
      within(answers)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'Ja, første gang noensinne2',
      'Første gang i år0',
      'Nei, har vært her før i år5',
      'Ikke svart1',
    ]);
    // The answers are not visits: the visit total is the seeded day's as before.
    expect(screen.getByText('Besøk i alt: 20')).toBeVisible();
  });

  it('an old one-question day reads as before, with the new question at zero', async () => {
    // seedThursday holds only the one-question shape: answers as options of `visit`.
    const kiosk = await seededKiosk();
    renderClosing(kiosk);
    const answers = await screen.findByRole('table', { name: 'Første gang her?' });
    expect(
      within(answers)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'Ja, første gang noensinne0',
      'Første gang i år0',
      'Nei, har vært her før i år0',
      'Ikke svart0',
    ]);
    expect(screen.getByRole('table', { name: 'Etter svar på spørsmålet' }).textContent).toMatch(
      /Første gang3/,
    );
  });

  it("a question no longer asked still shows the day's answers in the lead's language", async () => {
    const kiosk = testKiosk({
      now: THURSDAY_1500,
      config: { ...hjerteromAlta, defaultLanguage: 'en', questions: { ready: [] } },
    });
    const { db } = await kiosk.storage;
    await seedFrozen(db, FROZEN, [{ day: THURSDAY, counter: 'kjonn', option: 'kvinne', inc: 4 }]);
    renderClosing(kiosk);
    const answers = await screen.findByRole('table', { name: 'Gender' });
    expect(within(answers).getByRole('row', { name: /^Woman/ }).textContent).toBe('Woman4');
    expect(screen.queryByRole('table', { name: 'First time here?' })).toBeNull();
  });

  it("shows a past day's volunteers as people and hours, never minutes", async () => {
    const kiosk = await seededKiosk();
    const { db } = await kiosk.storage;
    await seedFrozen(db, FROZEN, [
      { day: '2026-11-25', counter: 'frivillige', inc: 3 },
      { day: '2026-11-25', counter: 'frivillig-minutter', inc: 450 },
    ]);
    renderClosing(kiosk, { day: '2026-11-25' });
    expect(await screen.findByText('3 frivillige · 7,5 frivillige timer')).toBeVisible();
    expect(screen.queryByText(/450/)).toBeNull();
  });

  it('a count that differs asks first, naming expected and counted, and stores nothing yet', async () => {
    const kiosk = await seededKiosk();
    renderClosing(kiosk);
    await closeWith('70');
    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toMatch(
      /^Kassen stemmer ikke: forventet 90\s*kr, opptalt 70\s*kr\. Vil du avslutte dagen likevel\?/,
    );
    expect((await dayRowOf(kiosk))?.closedAt).toBeUndefined();
    fireEvent.click(within(question).getByRole('button', { name: 'Tell på nytt' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Avslutt dagen' })).toBeVisible();
    expect((await dayRowOf(kiosk))?.closedAt).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Avslutt dagen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Avslutt dagen likevel' }));
    expect(await screen.findByText('Dagen ble avsluttet kl. 15.00.')).toBeVisible();
    await waitFor(async () =>
      expect(await dayRowOf(kiosk)).toMatchObject({ closedAt: THURSDAY_1500, cashCountedNok: 70 }),
    );
  });

  it('a count that matches closes without asking', async () => {
    const kiosk = await seededKiosk();
    renderClosing(kiosk);
    await closeWith('90');
    expect(await screen.findByText('Dagen ble avsluttet kl. 15.00.')).toBeVisible();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it("with no server, closing offers the day's CSV there and then: the only copy", async () => {
    const kiosk = await seededKiosk();
    const { files, handOver } = captureFiles();
    renderClosing(kiosk, { handOver });
    expect(screen.queryByRole('button', { name: 'Last ned dagens tall (CSV)' })).toBeNull();
    await closeWith('90');
    const offer = await screen.findByRole('region', { name: 'Last ned dagens tall (CSV)' });
    expect(offer.textContent).toMatch(/ikke koblet til en server, så dagens tall finnes bare her/);
    fireEvent.click(within(offer).getByRole('button', { name: 'Last ned dagens tall (CSV)' }));
    expect((await within(offer).findByRole('status')).textContent).toBe(
      'Eksportert: én dag med tall.',
    );
    expect(files.map((file) => file.name)).toEqual([
      `terskel-hjerterom-alta-${THURSDAY}-${THURSDAY}-per-dag.csv`,
    ]);
    const csv = await files[0]!.blob.text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(THURSDAY);
  });

  it('a paired tablet is not pushed to export after closing', async () => {
    const endpoint = await testEndpoint();
    const kiosk = await seededKiosk();
    const sync = createSyncController(kiosk.store, { fetch: endpoint.fetch, autoTriggers: false });
    await sync.pair(endpoint.settings);
    await waitFor(() => expect(sync.status.get().paired).toBe(true));
    renderClosing(kiosk, { handOver: captureFiles().handOver }, undefined, sync);
    await closeWith('90');
    expect(await screen.findByText('Dagen ble avsluttet kl. 15.00.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Last ned dagens tall (CSV)' })).toBeNull();
    expect(screen.queryByText(/finnes bare her/)).toBeNull();
    sync.stop();
  });
});
