// The cold start, tested as one module: the shell's inline script (generated from its one
// source, with openPlain's own text), its hand-over of taps and the database to the app, and
// the early connection that records the first taps before Dexie has loaded.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createEarlyWrites,
  createShellTap,
  EARLY_OPEN_MS,
  openBrowserEarlyWriter,
  SHELL_GLOBALS,
  SHELL_TAP_HOLD_MS,
  takeOverShell,
  takeShellOpening,
  type ShellTap,
} from '../../src/state/cold-start/index.ts';
import { SHELL_SETTINGS, shellScript } from '../../src/state/cold-start/shell.ts';
import type { WriteOutcome } from '../../src/state/index.ts';
import { writeSetupHint } from '../../src/state/setup-hint.ts';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { openStorage } from '../../src/storage/index.ts';
import { openPlain } from '../../src/storage/record.ts';
import { DATABASE_NAME } from '../../src/storage/rows.ts';
import { writePaintCopy } from '../../src/storage/settings.ts';
import { coldStartShell, SHELL_MARKER } from '../../vite.config.ts';
import { MONDAY_1250, net, totalsOf, withRecord } from '../support/kiosk.ts';

const shellWindow = window as unknown as Record<string, unknown>;
const stored: WriteOutcome = { stored: true, events: [] };

/** Runs the shell's inline script in this document, as index.html does before any module. */
function runShellScript(): HTMLElement {
  document.body.innerHTML = '<div id="app"><main class="door shell" aria-busy="true"></main></div>';
  new Function(shellScript())();
  return document.getElementById('app')!;
}

afterEach(() => {
  localStorage.clear();
  location.hash = '';
  Reflect.deleteProperty(window, SHELL_GLOBALS.taps);
  Reflect.deleteProperty(window, SHELL_GLOBALS.opening);
  vi.useRealTimers();
});

describe('the shell script', () => {
  it('has one source: index.html holds only the marker the build replaces with the script', () => {
    const html = readFileSync(resolve(__dirname, '../../index.html'), 'utf8');
    expect(html).toContain(SHELL_MARKER);
    expect(html).not.toMatch(/indexedDB|localStorage|<script>/);
    const handler = coldStartShell().transformIndexHtml as {
      handler(html: string): string;
    };
    const built = handler.handler(html);
    expect(built).not.toContain(SHELL_MARKER);
    expect(built).toContain(`<script>${shellScript()}</script>`);
    expect(() => handler.handler('<html></html>')).toThrow(SHELL_MARKER);
  });

  it("opens the database by openPlain's own steps: its text is in the script", () => {
    expect(shellScript()).toContain(String(openPlain));
    expect(SHELL_SETTINGS.database).toBe(DATABASE_NAME);
  });

  it('reads the keys the app writes, and paints the default preset’s name without a copy', () => {
    writeSetupHint(true);
    expect(localStorage.getItem(SHELL_SETTINGS.readyKey)).toBe('1');
    writePaintCopy({ ...hjerteromAlta, name: 'Nattkafeen' });
    expect(JSON.parse(localStorage.getItem(SHELL_SETTINGS.paintKey) ?? 'null')).toMatchObject({
      name: 'Nattkafeen',
    });
    expect(SHELL_SETTINGS.defaultName).toBe(hjerteromAlta.name);
  });

  it('a set-up door paints its name and a live button; a tap is kept, not stored', async () => {
    writeSetupHint(true);
    writePaintCopy({ ...hjerteromAlta, name: 'Nattkafeen' });
    const app = runShellScript();
    expect(app.querySelector('h1')?.textContent).toBe('Nattkafeen');
    const button = app.querySelector('button')!;
    expect(button.textContent).toBe('Sjekk inn');
    button.click();
    button.click();
    expect(shellWindow[SHELL_GLOBALS.taps]).toHaveLength(2);
    expect(button.getAttribute('data-state')).toBe('saving');
    // No database yet: the shell's open resolves to nothing and creates none.
    expect(await takeShellOpening()).toBeUndefined();
    const names = (await indexedDB.databases()).map((database) => database.name);
    expect(names).not.toContain(DATABASE_NAME);
  });

  it('a fresh tablet, or one opened on staff mode or a provisioning link, keeps the static page', () => {
    expect(runShellScript().querySelector('button')).toBeNull();
    writeSetupHint(true);
    location.hash = '#/staff';
    expect(runShellScript().querySelector('button')).toBeNull();
    location.hash = '#/provision?x=1';
    expect(runShellScript().querySelector('button')).toBeNull();
    expect(shellWindow[SHELL_GLOBALS.taps]).toBeUndefined();
  });

  it("the shell's connection is handed over once, and the first tap is recorded on it", async () => {
    const storage = withRecord(await openStorage(DATABASE_NAME));
    writeSetupHint(true);
    runShellScript();
    const writer = await openBrowserEarlyWriter();
    expect(writer).toBeDefined();
    expect(SHELL_GLOBALS.opening in window).toBe(false);
    expect(takeShellOpening()).toBeUndefined();
    const visit = { day: '2026-11-23', at: MONDAY_1250, counter: 'visit', hour: 12, delta: 1 };
    await writer!.record([{ ...visit, source: 'door' }]);
    expect(net(await totalsOf(storage, '2026-11-23'), 'visit')).toBe(1);
    writer!.close();
    storage.db.close();
  });
});

describe('the shell tap', () => {
  it('no tap on the shell: nothing to take, nothing counted', () => {
    const checkIn = vi.fn(() => Promise.resolve(stored));
    const shellTap = createShellTap(checkIn, () => false);
    expect(shellTap.start()).toBeUndefined();
    expect(shellTap.take()).toBeUndefined();
    expect(checkIn).not.toHaveBeenCalled();
  });

  it('taps on the shell are one visitor, started once and handed over once', () => {
    const checkIn = vi.fn(() => Promise.resolve(stored));
    const shellTap = createShellTap(checkIn, () => true);
    const started = shellTap.start();
    expect(shellTap.start()).toBe(started);
    expect(shellTap.take()).toBe(started);
    expect(shellTap.take()).toBeUndefined();
    expect(shellTap.start()).toBeUndefined();
    expect(checkIn).toHaveBeenCalledTimes(1);
  });

  it('a door that takes the tap before the app started it starts it then', () => {
    const checkIn = vi.fn(() => Promise.resolve(stored));
    Object.assign(window, { [SHELL_GLOBALS.taps]: [3] });
    const shellTap = createShellTap(checkIn);
    expect(shellTap.take()).toBeInstanceOf(Promise);
    expect(shellTap.take()).toBeUndefined();
    expect(checkIn).toHaveBeenCalledTimes(1);
  });
});

describe('taking the shell over', () => {
  function takeOver(shellTap: ShellTap, language = 'nb') {
    const root = runShellScript();
    const render = vi.fn(() => {
      root.innerHTML = '<main class="door">app</main>';
    });
    let paint: () => void = () => undefined;
    const painted = new Promise<void>((resolve) => (paint = resolve));
    takeOverShell({
      root,
      store: { shellTap, config: { get: () => ({ defaultLanguage: language }) } },
      painted,
      nextPaint: () => painted,
      render,
    });
    return { root, render, paint };
  }

  it('a stored shell tap is welcomed by the shell, and the app renders after that frame', async () => {
    writeSetupHint(true);
    const { root, render, paint } = takeOver(
      createShellTap(
        () => Promise.resolve(stored),
        () => true,
      ),
    );
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe('Velkommen!'),
    );
    expect(render).not.toHaveBeenCalled();
    paint();
    await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    expect(root.textContent).toBe('app');
  });

  it('a tap while the app waits for the shell’s first frame is welcomed on the shell before the app renders', async () => {
    writeSetupHint(true);
    const root = runShellScript();
    const render = vi.fn();
    let tapped = false;
    let paint: () => void = () => undefined;
    const painted = new Promise<void>((resolve) => (paint = resolve));
    let frame: () => void = () => undefined;
    const nextFrame = new Promise<void>((resolve) => (frame = resolve));
    takeOverShell({
      root,
      store: {
        shellTap: createShellTap(
          () => Promise.resolve(stored),
          () => tapped,
        ),
        config: { get: () => ({ defaultLanguage: 'nb' }) },
      },
      painted,
      nextPaint: () => nextFrame,
      render,
    });
    tapped = true;
    paint();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toBe('Velkommen!'),
    );
    expect(render).not.toHaveBeenCalled();
    frame();
    await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(1));
  });

  it('a shell tap whose database opens slowly keeps the app’s render out of its write', async () => {
    // On a slow tablet the open alone took 400 ms after the app took over; rendering then put
    // the app's first render between the tap's read and its writes (profile.ts).
    vi.useFakeTimers();
    writeSetupHint(true);
    let store: (outcome: WriteOutcome) => void = () => undefined;
    const { root, render, paint } = takeOver(
      createShellTap(
        () => new Promise<WriteOutcome>((resolve) => (store = resolve)),
        () => true,
      ),
    );
    paint();
    await vi.advanceTimersByTimeAsync(1000);
    expect(render).not.toHaveBeenCalled();
    expect(root.querySelector('.shell .check-in-button')).not.toBeNull();
    store(stored);
    await vi.advanceTimersByTimeAsync(0);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('a door in another language waits for the app’s own words, no longer than the hold', async () => {
    vi.useFakeTimers();
    writeSetupHint(true);
    const { root, render } = takeOver(
      createShellTap(
        () => new Promise<WriteOutcome>(() => undefined),
        () => true,
      ),
      'en',
    );
    await vi.advanceTimersByTimeAsync(SHELL_TAP_HOLD_MS - 1);
    expect(render).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(render).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role="status"]')).toBeNull();
  });

  it('no tap: a painted shell stays until its first frame; no shell: the app renders at once', async () => {
    writeSetupHint(true);
    const { render, paint } = takeOver(
      createShellTap(
        () => Promise.resolve(stored),
        () => false,
      ),
    );
    await Promise.resolve();
    expect(render).not.toHaveBeenCalled();
    paint();
    await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    localStorage.clear();
    expect(
      takeOver(
        createShellTap(
          () => Promise.resolve(stored),
          () => false,
        ),
      ).render,
    ).toHaveBeenCalledTimes(1);
  });
});

describe('the early writes', () => {
  const visit = {
    day: '2026-11-23',
    at: MONDAY_1250,
    counter: 'visit',
    delta: 1,
    source: 'door',
  } as const;

  it('an early open that never settles gives the tap to the full path after EARLY_OPEN_MS', async () => {
    vi.useFakeTimers();
    const early = createEarlyWrites({
      openEarlyWriter: () => new Promise(() => undefined),
      dexieOpen: () => false,
    });
    const recorded = early.record([visit]);
    await vi.advanceTimersByTimeAsync(EARLY_OPEN_MS);
    expect(await recorded).toBe(false);
    expect(early.open()).toBe(false);
  });

  it('records while Dexie is not open; once it is, the full path writes', async () => {
    let dexieOpen = false;
    const writes: unknown[] = [];
    const close = vi.fn();
    const early = createEarlyWrites({
      openEarlyWriter: async () => ({ record: async (inputs) => writes.push(inputs), close }),
      dexieOpen: () => dexieOpen,
    });
    expect(await early.record([visit])).toBe(true);
    dexieOpen = true;
    expect(await early.record([visit])).toBe(false);
    expect(writes).toHaveLength(1);
    early.close();
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(early.open()).toBe(false);
  });

  it('an id already stored counts as recorded; any other failure goes the full path', async () => {
    const failWith = (name: string) =>
      createEarlyWrites({
        openEarlyWriter: async () => ({
          record: () => Promise.reject(Object.assign(new Error(name), { name })),
          close: () => undefined,
        }),
        dexieOpen: () => false,
      });
    expect(await failWith('ConstraintError').record([visit])).toBe(true);
    expect(await failWith('QuotaExceededError').record([visit])).toBe(false);
  });
});
