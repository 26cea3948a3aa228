import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { hjerteromAlta } from '../../../../src/domain/presets/index.ts';
import { withVolunteerCounters } from '../../../../src/domain/volunteer-hours.ts';
import type { FileHandOver } from '../../../../src/state/export.ts';
import { History } from '../../../../src/ui/staff/history/History.tsx';
import { StoreContext } from '../../../../src/ui/store-context.ts';
import { net, testKiosk, totalsOf, type TestKiosk } from '../../../support/kiosk.ts';
import { seedThursday, THURSDAY, THURSDAY_1500 } from '../../../support/staff-seed.ts';

/** Files handed over, as the lead would receive them. */
function captureFiles() {
  const files: Array<{ name: string; blob: Blob }> = [];
  const handOver: FileHandOver = {
    download: (blob, name) => files.push({ name, blob }),
  };
  return { files, handOver };
}

function renderHistory(kiosk: TestKiosk, handOver?: FileHandOver) {
  render(
    <StoreContext.Provider value={kiosk.store}>
      <History role="lead" {...(handOver ? { handOver } : {})} />
    </StoreContext.Provider>,
  );
}

function setRange(from: string, to: string) {
  fireEvent.change(screen.getByLabelText('Fra'), { target: { value: from } });
  fireEvent.change(screen.getByLabelText('Til'), { target: { value: to } });
}

async function seededKiosk(): Promise<TestKiosk> {
  const kiosk = testKiosk({ now: THURSDAY_1500 });
  const storage = await kiosk.storage;
  await seedThursday(storage);
  // Monday the 23rd: 6 visits and 31 dinners, the week before.
  await storage.record([
    {
      day: '2026-11-23',
      at: Date.UTC(2026, 10, 23, 12),
      counter: 'visit',
      hour: 13,
      delta: 6,
      source: 'backfill',
    },
    {
      day: '2026-11-23',
      at: Date.UTC(2026, 10, 23, 12),
      counter: 'middag',
      delta: 31,
      source: 'backfill',
    },
    {
      day: '2026-11-16',
      at: Date.UTC(2026, 10, 16, 12),
      counter: 'visit',
      hour: 13,
      delta: 4,
      source: 'backfill',
    },
  ]);
  return kiosk;
}

async function fileText(blob: Blob): Promise<{ bytes: Uint8Array; text: string }> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

function chooseFile(label: string, content: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  const file = new File([content], 'backup.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('history', () => {
  it('sums each week of the range and says whose figures they are', async () => {
    const kiosk = await seededKiosk();
    renderHistory(kiosk);
    setRange('2026-11-16', '2026-11-29');
    fireEvent.change(screen.getByRole('combobox', { name: 'Vis per' }), {
      target: { value: 'week' },
    });
    const table = await screen.findByRole('table', { name: 'Tall per periode' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const week48 = within(table).getByRole('row', { name: /uke 48 2026/ });
    // Visits 26, dinners 31 + 31, no sandwiches, 12 boards for 120 kr.
    expect(week48.textContent).toMatch(/^uke 48 20262662012120\s*kr0000$/);
    expect(within(table).getByRole('row', { name: /uke 47 2026/ }).textContent).toMatch(
      /^uke 47 20264/,
    );
    expect(screen.getByText('Viser tallene fra dette nettbrettet')).toBeVisible();
  });

  it('shows volunteer time in hours under an hours heading, never the stored minutes', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500, config: withVolunteerCounters(hjerteromAlta) });
    const storage = await kiosk.storage;
    const shift = (counter: string, delta: number) => ({
      day: THURSDAY,
      at: THURSDAY_1500,
      counter,
      delta,
      source: 'staff' as const,
    });
    await storage.record([shift('frivillige', 3), shift('frivillig-minutter', 450)]);
    renderHistory(kiosk);
    setRange('2026-11-26', '2026-11-26');
    const table = await screen.findByRole('table', { name: 'Tall per periode' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers.slice(-2)).toEqual(['Frivillige', 'Frivillige timer']);
    expect(headers.some((header) => /minutt/i.test(header ?? ''))).toBe(false);
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells.slice(-2).map((cell) => cell.textContent)).toEqual(['3', '7,5']);
  });

  it('charts visits per day and the average by weekday', async () => {
    const kiosk = await seededKiosk();
    renderHistory(kiosk);
    setRange('2026-11-20', '2026-11-26');
    const perDay = await screen.findByRole('img', { name: /^Besøk per dag/ });
    expect(perDay.getAttribute('aria-label')).toBe(
      'Besøk per dag. 20.11.: 0, 21.11.: 0, 22.11.: 0, 23.11.: 6, 24.11.: 0, 25.11.: 0, 26.11.: 20',
    );
    const byWeekday = screen.getByRole('img', { name: /^Gjennomsnittlig besøk per ukedag/ });
    expect(byWeekday.getAttribute('aria-label')).toMatch(/man: 6, tir: 0, ons: 0, tor: 20/);
  });

  it('exports a range as CSV Excel opens: BOM, semicolons, CRLF, the header; and marks the days', async () => {
    const kiosk = await seededKiosk();
    const { files, handOver } = captureFiles();
    renderHistory(kiosk, handOver);
    setRange('2026-11-23', '2026-11-26');
    fireEvent.click(screen.getByRole('radio', { name: 'Én rad per dag, teller, valg og time' }));
    fireEvent.click(screen.getByRole('button', { name: 'Last ned CSV' }));
    expect(await screen.findByText('Eksportert: 2 dager med tall.')).toBeVisible();
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('terskel-hjerterom-alta-2026-11-23-2026-11-26-lang.csv');
    const { bytes, text } = await fileText(files[0]!.blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Dato;Rad;Teller;Svar;Time;Antall;Kroner');
    expect(lines).toContain('2026-11-23;Totalt;Middag;;;31;');
    expect(lines).toContain('2026-11-26;Per svar;Bingobrett;Kontant;;9;90');
    expect(lines.at(-1)).toBe('');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);

    fireEvent.click(screen.getByRole('radio', { name: 'Én rad per dag' }));
    fireEvent.click(screen.getByRole('button', { name: 'Last ned CSV' }));
    await waitFor(() => expect(files).toHaveLength(2));
    const wide = (await fileText(files[1]!.blob)).text.slice(1).split('\r\n');
    expect(wide[0]).toBe(
      'Dato;Besøk;Første gang;Har vært her før;Middag;Brødskiver og frukt;Bingobrett;Kontant;Vipps;Bingobrett, kroner;Samtale i enerom;Telefonsamtale;Hjemmebesøk;Følgetjeneste;Første gang her?: Ja, første gang noensinne;Første gang her?: Første gang i år;Første gang her?: Nei, har vært her før i år;Første gang her?: Ikke svart;Dagen avsluttet;Opptalt kontant, kroner',
    );
    expect(wide[2]).toBe('2026-11-26;20;3;0;31;0;12;9;3;120;0;0;0;0;0;0;0;0;Nei;');

    const { db, replica } = await kiosk.storage;
    expect((await db.days.get([replica, THURSDAY]))?.exportedAt).toBe(THURSDAY_1500);
    expect((await db.days.get([replica, '2026-11-16']))?.exportedAt).toBeUndefined();
  });

  it('a range whose to is before its from is refused with a clear message and exports nothing', async () => {
    const kiosk = await seededKiosk();
    const { files, handOver } = captureFiles();
    renderHistory(kiosk, handOver);
    setRange('2026-11-26', '2026-11-20');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Til-datoen er før fra-datoen. Velg en til-dato som er samme dag eller senere.',
    );
    expect(screen.getByLabelText('Til').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Last ned CSV' }));
    await new Promise((done) => setTimeout(done, 30));
    expect(files).toHaveLength(0);
    const { db } = await kiosk.storage;
    expect((await db.days.toArray()).every((row) => row.exportedAt === undefined)).toBe(true);
    expect(screen.queryByRole('table', { name: 'Tall per periode' })).toBeNull();
  });

  it('hands a file to the share sheet where the tablet can share files', async () => {
    const kiosk = await seededKiosk();
    const share = vi.fn(() => Promise.resolve());
    const download = vi.fn();
    renderHistory(kiosk, { canShare: () => true, share, download });
    fireEvent.click(screen.getByRole('button', { name: 'Last ned CSV' }));
    expect(await screen.findByText(/Filen er delt\./)).toBeVisible();
    expect(share).toHaveBeenCalledTimes(1);
    expect(download).not.toHaveBeenCalled();
  });
});

describe('backup', () => {
  async function backupText(kiosk: TestKiosk): Promise<string> {
    const { files, handOver } = captureFiles();
    renderHistory(kiosk, handOver);
    fireEvent.click(screen.getByRole('button', { name: 'Lag sikkerhetskopi' }));
    await screen.findByText('Sikkerhetskopien er laget.');
    return (await fileText(files[0]!.blob)).text;
  }

  it('a replacement tablet imports it as a frozen replica with the same totals, and a second import changes nothing', async () => {
    const old = await seededKiosk();
    const text = await backupText(old);
    expect(JSON.parse(text)).not.toHaveProperty('events');
    cleanup();

    const fresh = testKiosk({ now: THURSDAY_1500 });
    renderHistory(fresh);
    chooseFile('Importer sikkerhetskopi', text);
    expect((await screen.findByRole('status', {}, { timeout: 2000 })).textContent).toMatch(
      /^Sikkerhetskopien er importert: 1 nettbrett/,
    );
    const oldStorage = await old.storage;
    const freshStorage = await fresh.storage;
    expect(await totalsOf(freshStorage, THURSDAY)).toEqual(await totalsOf(oldStorage, THURSDAY));
    expect(await freshStorage.db.replicas.get(oldStorage.replica)).toMatchObject({ frozen: 1 });
    const tally = await freshStorage.db.tally.toArray();

    chooseFile('Importer sikkerhetskopi', text);
    await screen.findByText('Sikkerhetskopien var allerede importert. Ingenting er endret.');
    expect(await freshStorage.db.tally.toArray()).toEqual(tally);
    expect(net(await totalsOf(freshStorage, THURSDAY), 'visit')).toBe(20);
  });

  it('the tablet that made a backup refuses to import it', async () => {
    const kiosk = await seededKiosk();
    const text = await backupText(kiosk);
    chooseFile('Importer sikkerhetskopi', text);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Denne sikkerhetskopien er laget på dette nettbrettet. Den importeres ikke, så ingenting telles to ganger.',
    );
    const { db } = await kiosk.storage;
    expect(await db.replicas.count()).toBe(1);
    expect(net(await totalsOf(await kiosk.storage, THURSDAY), 'visit')).toBe(20);
  });

  it.each([
    [
      'not JSON',
      'dette er ikke json',
      'Filen kunne ikke leses: den er ikke en JSON-fil. Ingenting er endret.',
    ],
    [
      'a negative count',
      (backup: { tally: Array<{ inc: number }> }) => (backup.tally[0]!.inc = -3),
      'Filen er ikke en gyldig sikkerhetskopi: feltet «tally.0.inc» er for lite eller for kort. Ingenting er endret.',
    ],
    [
      'a missing field',
      (backup: { createdAt?: string }) => delete backup.createdAt,
      'Filen er ikke en gyldig sikkerhetskopi: feltet «createdAt» mangler. Ingenting er endret.',
    ],
    [
      'raw events smuggled in',
      (backup: { events?: unknown }) => (backup.events = []),
      'Filen er ikke en gyldig sikkerhetskopi: feltet «events» er ukjent. Ingenting er endret.',
    ],
  ])(
    'a backup with %s is refused, naming the problem, and changes nothing',
    async (_what, change, message) => {
      const other = await seededKiosk();
      const { backupOf } = await import('../../../../src/storage/backup.ts');
      const { hjerteromAlta } = await import('../../../../src/domain/presets/index.ts');
      const otherStorage = await other.storage;
      const backup = await backupOf(
        otherStorage.db,
        otherStorage.replica,
        hjerteromAlta,
        THURSDAY_1500,
      );
      if (typeof change !== 'string') (change as (backup: unknown) => unknown)(backup);
      const text = typeof change === 'string' ? change : JSON.stringify(backup);

      const kiosk = testKiosk({ now: THURSDAY_1500 });
      const storage = await kiosk.storage;
      await storage.record([
        { day: THURSDAY, at: THURSDAY_1500, counter: 'visit', hour: 15, delta: 1, source: 'door' },
      ]);
      const before = {
        tally: await storage.db.tally.toArray(),
        replicas: await storage.db.replicas.toArray(),
      };
      renderHistory(kiosk);
      chooseFile('Importer sikkerhetskopi', text);
      expect((await screen.findByRole('alert')).textContent).toBe(message);
      expect(await storage.db.tally.toArray()).toEqual(before.tally);
      expect(await storage.db.replicas.toArray()).toEqual(before.replicas);
    },
  );
});

describe('the way to the funder report', () => {
  it('opens the funder report screen, which replaced the year report', async () => {
    const kiosk = testKiosk({ now: THURSDAY_1500 });
    await kiosk.storage;
    location.hash = '#/staff/history';
    renderHistory(kiosk);
    expect(screen.queryByRole('button', { name: 'Vis årsrapport' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Åpne rapporten til tilskuddsgivere' }));
    expect(location.hash).toBe('#/staff/funder-report');
  });
});
