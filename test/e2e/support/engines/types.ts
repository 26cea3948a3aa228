// The one driver contract an end-to-end test is written against, so the same test runs in
// Chromium (playwright-core over CDP), Firefox ESR (WebDriver BiDi) and WebKitGTK (WebDriver).
// It holds types and defaults only; an engine implements the small `EngineCore`, and
// `page.ts` builds the rest (queries, clicks, waits) on top of it, the same for every engine.

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** Text to match: a string is a case-insensitive substring (whole text with `exact`), or a RegExp. */
export type TextMatch = string | RegExp;

/**
 * An element in the page, found the way a person or a screen reader finds it (like Testing
 * Library's and Playwright's getByRole/getByLabel/getByText). Every given field must match.
 */
export interface Query {
  /** The ARIA role, explicit or implicit: 'button', 'status', 'heading', 'radio', … */
  role?: string;
  /** The accessible name (aria-label, aria-labelledby, label, legend, text content). */
  name?: TextMatch;
  /** A form control whose label matches (as getByLabel: inputs of any type, selects, textareas). */
  label?: TextMatch;
  /** The element's text content (whitespace collapsed); with no role, the innermost such element. */
  text?: TextMatch;
  /** `name`, `label` and `text` given as strings match the whole, case-sensitively. */
  exact?: boolean;
  /** Only inside the first visible match of this. */
  within?: Query;
  /** Only elements that contain a match of this. */
  has?: Query;
}

/** A function that runs in the page (serialised, so self-contained); its result must be JSON. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface WaitOptions {
  /** Milliseconds; DEFAULT_TIMEOUT_MS when not given. */
  timeout?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** What each engine implements itself: navigation, scripts, a real pointer, and the process. */
export interface EngineCore {
  readonly engine: EngineName;
  /** Navigates the one tab and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Reloads the tab and waits for the load event. */
  reload(): Promise<void>;
  /** The tab's current address. */
  url(): Promise<string>;
  /** Runs `fn(arg)` in the page (awaiting a returned promise) and returns its JSON result. */
  evaluate<R, A = undefined>(fn: PageFunction<A, R> | string, arg?: A): Promise<R>;
  /**
   * A real pointer (mouse) press at viewport CSS pixels x, y: down, held for `holdMs` (0 for a
   * click), up. The engine's input path, not a synthetic `element.click()`.
   */
  pointer(x: number, y: number, holdMs?: number): Promise<void>;
  /** Quits the browser normally (its profile is flushed) and ends the driver. */
  close(): Promise<void>;
  /** SIGKILL of the browser and all its processes, as a crash or a power button; waits for exit. */
  kill(): Promise<void>;
}

/** An open browser with one tab, as a test uses it. Built from an EngineCore by `page.ts`. */
export interface EngineBrowser extends EngineCore {
  /** Waits until a match is visible, enabled and on top at its centre, then clicks it (pointer). */
  click(query: Query, options?: WaitOptions): Promise<void>;
  /** As click, but holds the pointer down for `holdMs` (a long press). */
  press(query: Query, holdMs: number, options?: WaitOptions): Promise<void>;
  /** Sets a form control's value as typing would leave it (input and change events). */
  fill(query: Query, value: string, options?: WaitOptions): Promise<void>;
  /** Waits until a match is visible (or, with `hidden`, until none is). */
  waitFor(query: Query, options?: WaitOptions & { hidden?: boolean }): Promise<void>;
  /** Whether a match is visible now (no waiting). */
  isVisible(query: Query): Promise<boolean>;
  /** How many visible matches there are now. */
  count(query: Query): Promise<number>;
  /** The text content of the first visible match, or null. */
  textOf(query: Query): Promise<string | null>;
  /** Waits until `fn(arg)` in the page returns a truthy value; returns it. Polls every 100 ms. */
  waitForFunction<R, A = undefined>(
    fn: PageFunction<A, R> | string,
    arg?: A,
    options?: WaitOptions,
  ): Promise<R>;
  /** Waits until the service worker controls the page. */
  waitForServiceWorker(options?: WaitOptions): Promise<void>;
}

export interface LaunchOptions {
  /** A profile folder that keeps IndexedDB, caches and the service worker across launches. */
  profileDir: string;
  /** Script source run in every document before the page's own scripts (a test hook). */
  initScript?: string;
}

/**
 * One engine. Every browser opens at 1024×768 CSS pixels, in Norwegian (nb-NO), in the
 * Europe/Oslo time zone, headless or on the X display the test command gives (xvfb-run).
 */
export interface Engine {
  readonly name: EngineName;
  /** For test titles: 'Chromium', 'Firefox ESR', 'WebKitGTK'. */
  readonly label: string;
  /** Throws, naming the Debian package to install, when the engine is missing (never skips). */
  require(): void;
  launch(options: LaunchOptions): Promise<EngineBrowser>;
}
