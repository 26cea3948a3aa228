/**
 * The hand-over from the HTML shell (shell.ts, inlined in index.html) to the app: the database
 * connection the shell began opening, the taps made on its button before any module ran, and
 * the shell's own Velkommen for such a tap. First-paint code: no Dexie, no preset.
 */
import { nb } from '../../i18n/nb.ts';
import type { WriteOutcome } from '../kiosk/writes.ts';

/** The window properties through which the shell hands over (read by shell.ts too). */
export const SHELL_GLOBALS = {
  /** The instants of taps on the shell's button (an array the shell fills). */
  taps: '__terskelEarlyTaps',
  /** The shell's open of the database: a promise of the connection, or undefined. */
  opening: '__terskelOpening',
} as const;

type ShellWindow = {
  [SHELL_GLOBALS.taps]?: readonly unknown[];
  [SHELL_GLOBALS.opening]?: Promise<IDBDatabase | undefined>;
};
const shellWindow = (): ShellWindow => globalThis as ShellWindow;

/** Takes (once) the database connection the shell began opening; undefined when it did not. */
export function takeShellOpening(): Promise<IDBDatabase | undefined> | undefined {
  const shell = shellWindow();
  const opening = shell[SHELL_GLOBALS.opening];
  if (opening !== undefined) delete shell[SHELL_GLOBALS.opening];
  return opening;
}

/** Whether anyone tapped the shell's button before the app took the door over. */
export function shellWasTapped(): boolean {
  return (shellWindow()[SHELL_GLOBALS.taps]?.length ?? 0) > 0;
}

/**
 * A tap on the shell's button: one visitor, however often they tapped, counted once. The app
 * starts its write as soon as it runs; the door takes it (once) to say Velkommen for it.
 */
export interface ShellTap {
  /** Starts the shell tap's write if there was one and it has not started; returns it. */
  start(): Promise<WriteOutcome> | undefined;
  /** Takes (once) the shell tap's write, started now if it had not been. */
  take(): Promise<WriteOutcome> | undefined;
}

export function createShellTap(
  checkIn: () => Promise<WriteOutcome>,
  tapped: () => boolean = shellWasTapped,
): ShellTap {
  let started = false;
  let waiting: Promise<WriteOutcome> | undefined;
  function start(): Promise<WriteOutcome> | undefined {
    if (!started && tapped()) {
      started = true;
      waiting = checkIn();
    }
    return waiting;
  }
  return {
    start,
    take() {
      const taken = start();
      waiting = undefined;
      return taken;
    },
  };
}

/**
 * How long at most the app's first render waits for a shell tap's Velkommen on the shell; the
 * early write waits as long for the database's open (EARLY_OPEN_MS in early-writer.ts is this).
 * On a slow tablet the open alone can take 400 ms after the app took over; a render then
 * (120–215 ms of one task at 4×) sat between the tap's read and its writes, and such first
 * taps took 500–600 ms to commit instead of 30–150 (`profile.ts first-tap-storage`).
 */
export const SHELL_TAP_HOLD_MS = 1500;

/**
 * The app takes the door over from the shell: a shell tap's write starts now, before anything
 * renders. With one under way, the shell itself says Velkommen once it is stored, and the app
 * renders after that frame (or after SHELL_TAP_HOLD_MS at most): the app's first render is
 * ~100 ms of work on an old tablet, and a trace of a tapped cold start shows the database's
 * answers dispatched only after it. The shell keeps the door on screen, its button pressed,
 * meanwhile. Without a tap, a painted shell stays until its first frame has shown; a tap made
 * while it waits is held for the same way (the first-tap trace of `test/bench/profile.ts`
 * showed the render, 120–160 ms at 4× on a slow machine, in front of such a tap's Velkommen).
 */
export function takeOverShell(options: {
  root: Element;
  store: { shellTap: ShellTap; config: { get(): { defaultLanguage: string } } };
  /** Resolves once the page's first frame has painted. */
  painted: Promise<unknown>;
  /** Resolves after the next frame has painted (ui/next-paint.ts). */
  nextPaint(): Promise<unknown>;
  /** Renders the app into `root`. */
  render(): void;
}): void {
  const { root, store } = options;
  function renderApp(): void {
    root.textContent = '';
    options.render();
  }
  function holdFor(shellTap: Promise<WriteOutcome>): void {
    const welcomed = shellTap.then((outcome) =>
      welcomeOnShell(root, outcome, store.config.get().defaultLanguage)
        ? options.nextPaint()
        : undefined,
    );
    void Promise.race([welcomed, delay(SHELL_TAP_HOLD_MS)]).then(renderApp, renderApp);
  }
  const shellTap = store.shellTap.start();
  if (shellTap) holdFor(shellTap);
  else if (root.querySelector('.shell .check-in-button'))
    void options.painted.then(() => {
      // A tap on the shell while the app waited for the shell's frame: counted now, and held
      // for like one made before.
      const late = store.shellTap.start();
      if (late) holdFor(late);
      else renderApp();
    });
  else renderApp();
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Says Velkommen (or Takk) for a stored shell tap on the shell itself, before the app renders;
 * false when there is no shell to speak on, or the door speaks another language than the
 * shell's bokmål (the app's own words follow then).
 */
function welcomeOnShell(root: Element, outcome: WriteOutcome, language: string): boolean {
  const panel = root.querySelector('.shell .check-in');
  if (!panel || language !== 'nb') return false;
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'welcome';
  status.textContent = outcome.stored ? nb['door.welcome'] : nb['door.thanks'];
  panel.replaceChildren(status);
  return true;
}
