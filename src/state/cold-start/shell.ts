/**
 * The HTML shell: the door's first paint before any module has loaded. Its one source is
 * `runShell` below, which the build (vite.config.ts, the dev server too) inlines into
 * index.html by its text, with `openPlain` from storage/record.ts beside it: the shell opens
 * the database by the very same steps as the app. Build-time code: nothing imports it at run
 * time, so its imports never reach the first paint.
 */
import { DATABASE_NAME, openPlain } from '../../storage/record.ts';
import { SHELL_GLOBALS } from './hand-over.ts';

/** What the shell reads and writes, passed to it as one JSON argument. */
export interface ShellSettings {
  /** localStorage: '1' once this tablet's staff PINs are set up (state/setup-hint.ts). */
  readyKey: string;
  /** localStorage: the last known configuration (storage/settings.ts, `writePaintCopy`). */
  paintKey: string;
  /** The name painted when no configuration is known yet. */
  defaultName: string;
  database: string;
  globals: typeof SHELL_GLOBALS;
}

export const SHELL_SETTINGS: ShellSettings = {
  readyKey: 'terskel:staff-ready',
  paintKey: 'terskel:paint-config',
  // The default preset's name (domain/presets/hjerterom-alta.ts; test/state/cold-start.test.ts
  // holds them equal): the preset itself is not imported, the build config loads this file.
  defaultName: 'Blå Kors Hjerterom Alta',
  database: DATABASE_NAME,
  globals: SHELL_GLOBALS,
};

/**
 * Runs in the page, inlined by its text: it may use only its arguments and the browser's
 * globals. A set-up door gets the site's name and a live Sjekk inn button; a tap on it is
 * kept for the app to count (hand-over.ts); nothing here stores anything. It opens the
 * database while the modules load, so the first tap is written on that connection.
 */
export function runShell(settings: ShellSettings, open: typeof openPlain): void {
  try {
    if (
      localStorage.getItem(settings.readyKey) !== '1' ||
      /^#\/(staff|provision)/.test(location.hash)
    )
      return;
    const config = JSON.parse(localStorage.getItem(settings.paintKey) || 'null') as {
      name?: unknown;
    } | null;
    const app = document.getElementById('app') as HTMLElement;
    app.innerHTML =
      '<main class="door shell"><header class="door-header"><div><h1></h1><p class="door-date">&nbsp;</p></div></header>' +
      '<section class="check-in"><button type="button" class="check-in-button">Sjekk inn</button></section></main>';
    (app.querySelector('h1') as HTMLElement).textContent =
      config && typeof config.name === 'string' ? config.name : settings.defaultName;
    const taps: number[] = [];
    (window as unknown as Record<string, unknown>)[settings.globals.taps] = taps;
    (app.querySelector('button') as HTMLElement).addEventListener('click', (event) => {
      taps.push(event.timeStamp);
      (event.currentTarget as HTMLElement).setAttribute('data-state', 'saving');
    });
    // Its own try: a browser that refuses IndexedDB here still keeps the taps above.
    try {
      (window as unknown as Record<string, unknown>)[settings.globals.opening] = open(
        settings.database,
      );
    } catch {
      // The app opens it (or says it cannot) itself.
    }
  } catch {
    // The app paints the door itself a moment later.
  }
}

/** The shell's inline script: `runShell` and `openPlain` by their text, called at once. */
export function shellScript(settings: ShellSettings = SHELL_SETTINGS): string {
  return `(${String(runShell)})(${JSON.stringify(settings)},${String(openPlain)});`;
}
