// Functions that run inside the page, the same in every engine: finding elements by role and
// accessible name, reading the tablet's tally from IndexedDB, catching downloads, a fixed clock.
// Each is serialised on its own (Function.prototype.toString), so none may use anything from
// outside its own body, and every argument and result must survive JSON.

/** A TextMatch that survives JSON: a RegExp as its source and flags. */
export type WireText = string | { source: string; flags: string };

/** A Query as it crosses into the page (see types.ts for the meaning of each field). */
export interface WireQuery {
  role?: string;
  name?: WireText;
  label?: WireText;
  text?: WireText;
  exact?: boolean;
  within?: WireQuery;
  has?: WireQuery;
}

export type QueryAction =
  { kind: 'count' } | { kind: 'text' } | { kind: 'target' } | { kind: 'fill'; value: string };

/** What a 'target' action finds: where to put the pointer, or why it cannot yet. */
export interface PointerTarget {
  x: number;
  y: number;
  ready: boolean;
  reason?: string;
}

/**
 * Finds the visible elements a query matches and acts on the first: counts them, reads its
 * text, says where a pointer should press it, or fills it. A simplified accessible-name
 * computation, enough for this app's markup (labels, legends, aria-label(ledby), content).
 */
export function queryPage(request: {
  query: WireQuery;
  action: QueryAction;
}): number | string | null | PointerTarget | boolean {
  const IMPLICIT: Array<[string, string]> = [
    ['button', 'button, input[type=button], input[type=submit], input[type=reset], summary'],
    ['link', 'a[href]'],
    ['heading', 'h1, h2, h3, h4, h5, h6'],
    [
      'textbox',
      'textarea, input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url]',
    ],
    ['searchbox', 'input[type=search]'],
    ['spinbutton', 'input[type=number]'],
    ['checkbox', 'input[type=checkbox]'],
    ['radio', 'input[type=radio]'],
    ['combobox', 'select'],
    ['group', 'fieldset, details, optgroup'],
    ['navigation', 'nav'],
    ['main', 'main'],
    ['dialog', 'dialog'],
    ['status', 'output'],
    ['list', 'ul, ol'],
    ['listitem', 'li'],
    ['table', 'table'],
    ['row', 'tr'],
    ['img', 'img[alt]:not([alt=""])'],
    ['form', 'form'],
    ['region', 'section[aria-label], section[aria-labelledby]'],
  ];
  const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const matches = (wanted: WireText | undefined, actual: string, exact: boolean) => {
    if (wanted === undefined) return true;
    if (typeof wanted !== 'string') return new RegExp(wanted.source, wanted.flags).test(actual);
    return exact ? actual === wanted : actual.toLowerCase().includes(wanted.toLowerCase());
  };
  const roleOf = (element: Element): string | undefined => {
    const explicit = element.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) return explicit;
    return IMPLICIT.find(([, selector]) => element.matches(selector))?.[0];
  };
  const isVisible = (element: Element): boolean => {
    if (element.getClientRects().length === 0) return false;
    return getComputedStyle(element).visibility !== 'hidden';
  };
  // Text as a screen reader reads a subtree: aria-hidden parts left out, labels of images in.
  const contentText = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
    const label = node.getAttribute('aria-label');
    if (label) return ` ${label} `;
    if (node instanceof HTMLImageElement) return ` ${node.alt} `;
    return [...node.childNodes].map(contentText).join('');
  };
  const labelText = (element: Element): string => {
    const labels = (element as HTMLInputElement).labels;
    return labels ? collapse([...labels].map(contentText).join(' ')) : '';
  };
  const nameOf = (element: Element): string => {
    const ids = element.getAttribute('aria-labelledby');
    if (ids) {
      return collapse(
        ids
          .split(/\s+/)
          .map((id) => document.getElementById(id))
          .map((label) => (label ? contentText(label) : ''))
          .join(' '),
      );
    }
    const label = element.getAttribute('aria-label');
    if (label) return collapse(label);
    const fromLabels = labelText(element);
    if (fromLabels) return fromLabels;
    if (element instanceof HTMLFieldSetElement) {
      const legend = element.querySelector(':scope > legend');
      return legend ? collapse(contentText(legend)) : '';
    }
    if (element instanceof HTMLInputElement) {
      if (['button', 'submit', 'reset'].includes(element.type)) return collapse(element.value);
      return collapse(element.title || element.placeholder);
    }
    if (element instanceof HTMLImageElement) return collapse(element.alt);
    const role = roleOf(element);
    const fromContent = ['button', 'link', 'heading', 'tab', 'menuitem', 'option', 'cell'];
    if (role && fromContent.includes(role)) return collapse(contentText(element));
    return collapse(element.getAttribute('title'));
  };
  const isControl = (element: Element) =>
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement;
  const find = (query: WireQuery, scope: ParentNode): Element[] => {
    let root: ParentNode | undefined = scope;
    if (query.within) root = find(query.within, scope)[0];
    if (root === undefined) return [];
    const exact = query.exact === true;
    const found = [...root.querySelectorAll('*')].filter(
      (element) =>
        (query.role === undefined || roleOf(element) === query.role) &&
        (query.name === undefined || matches(query.name, nameOf(element), exact)) &&
        (query.label === undefined ||
          (isControl(element) && matches(query.label, nameOf(element), exact))) &&
        (query.text === undefined || matches(query.text, collapse(element.textContent), exact)) &&
        (query.has === undefined || find(query.has, element).length > 0) &&
        isVisible(element),
    );
    // Text alone (as getByText): the innermost elements, not every ancestor that holds it.
    if (query.role === undefined && query.name === undefined && query.label === undefined) {
      return found.filter(
        (element) => !found.some((other) => other !== element && element.contains(other)),
      );
    }
    return found;
  };

  const found = find(request.query, document);
  const first = found[0];
  const action = request.action;
  if (action.kind === 'count') return found.length;
  if (action.kind === 'text') return first ? collapse(first.textContent) : null;
  if (first === undefined) return action.kind === 'fill' ? false : null;
  if (action.kind === 'fill') {
    const control = first as HTMLInputElement;
    // The native setter, so a framework that tracks the value sees a real change.
    const prototype = Object.getPrototypeOf(control) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, action.value);
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }
  // 'target': scrolled into view, enabled, and on top where the pointer will press.
  const box = first.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) {
    first.scrollIntoView({ block: 'center', inline: 'center' });
  }
  const seen = first.getBoundingClientRect();
  const x = seen.left + seen.width / 2;
  const y = seen.top + seen.height / 2;
  const disabled =
    (first as HTMLButtonElement).disabled === true ||
    first.getAttribute('aria-disabled') === 'true';
  if (disabled) return { x, y, ready: false, reason: 'disabled' };
  const hit = document.elementFromPoint(x, y);
  const labels = [...((first as HTMLInputElement).labels ?? [])];
  const onTop =
    hit !== null && (first.contains(hit) || labels.some((label) => label.contains(hit)));
  return onTop
    ? { x, y, ready: true }
    : { x, y, ready: false, reason: `covered by ${hit?.outerHTML.slice(0, 120) ?? 'nothing'}` };
}

/** Whether the service worker controls the page. */
export function isControlled(): boolean {
  return navigator.serviceWorker?.controller != null;
}

/** The net of a counter over every replica and key in this tablet's tally state (0 before any). */
export function readTallyNet(counter: string): Promise<number> {
  return new Promise<number>((done, fail) => {
    const open = indexedDB.open('terskel');
    // No database yet (the app creates it once the door has settled): nothing counted.
    // Creating an empty one here would block the app's own upgrade.
    let absent = false;
    open.onupgradeneeded = () => {
      absent = true;
      open.transaction?.abort();
    };
    open.onerror = () => (absent ? done(0) : fail(open.error));
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction('tally').objectStore('tally').getAll();
      read.onerror = () => fail(read.error);
      read.onsuccess = () => {
        const rows = read.result as Array<{ counter: string; inc: number; dec: number }>;
        db.close();
        done(
          rows
            .filter((row) => row.counter === counter)
            .reduce((sum, row) => sum + row.inc - row.dec, 0),
        );
      };
    };
  });
}

/**
 * Waits until the door is idle, ready for a new visitor: the questions of the visitor before
 * are skipped and that visitor's welcome has cleared. Otherwise a Sjekk inn tapped now could be
 * taken for a double tap, or its Velkommen for the one already showing.
 */
export async function untilDoorIdle(): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = document.querySelector('.check-in-button')?.getAttribute('data-state');
    if (state === 'idle') return;
    const skip = [...document.querySelectorAll('button')].find(
      (candidate) => candidate.textContent === 'Hopp over',
    );
    skip?.click();
    if (Date.now() > deadline) throw new Error(`the door did not get ready (it is ${state})`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * Taps «Én til» for `count - 1` companions, each once the button counts the one before (the
 * door counts every press at once, and saves them in turn); returns how often the door's
 * answer turned to Takk! (a visitor kept in memory, not stored yet) while it did.
 */
export async function tapCompanions(count: number): Promise<number> {
  const button = () =>
    [...document.querySelectorAll('button')].find((candidate) =>
      candidate.textContent?.startsWith('Én til'),
    );
  const status = document.querySelector('.check-in [role="status"]');
  let thanks = 0;
  const watch = new MutationObserver(() => {
    if (status?.textContent === 'Takk!') thanks += 1;
  });
  if (status) watch.observe(status, { childList: true, characterData: true, subtree: true });
  try {
    for (let n = 1; n < count; n += 1) {
      button()?.click();
      const deadline = Date.now() + 10_000;
      while (!button()?.textContent?.includes(`(+${n})`)) {
        if (Date.now() > deadline) throw new Error(`companion ${n} was not counted`);
        await new Promise((done) => setTimeout(done, 1));
      }
    }
  } finally {
    watch.disconnect();
  }
  return thanks;
}

/** A value from the app's settings database (undefined when not set). */
export function readSetting(key: string): Promise<unknown> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('terskel-settings');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('settings').objectStore('settings').get(key);
      read.onsuccess = () => {
        open.result.close();
        done(read.result as unknown);
      };
      read.onerror = () => fail(read.error);
    };
  });
}

export interface CaughtDownload {
  name: string;
  text: string;
}

/**
 * From now on, an `<a download>` click on an object URL is kept in the page (name and text)
 * instead of handed to the browser: the same in every engine, with no download folder or
 * dialog. Read them with `caughtDownloads`.
 */
export function catchDownloads(): void {
  const page = window as unknown as {
    __caughtDownloads?: Array<Promise<CaughtDownload>>;
    __blobs?: Map<string, Blob>;
  };
  if (page.__caughtDownloads) return;
  const downloads: Array<Promise<CaughtDownload>> = [];
  const blobs = new Map<string, Blob>();
  page.__caughtDownloads = downloads;
  page.__blobs = blobs;
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!this.download || blob === undefined) return click.call(this);
    // The bytes as the file would hold them: blob.text() would drop a byte-order mark.
    const text = blob
      .arrayBuffer()
      .then((bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    downloads.push(text.then((decoded) => ({ name: this.download, text: decoded })));
  };
}

/** The downloads caught so far, oldest first. */
export async function caughtDownloads(): Promise<CaughtDownload[]> {
  const page = window as unknown as { __caughtDownloads?: Array<Promise<CaughtDownload>> };
  return Promise.all(page.__caughtDownloads ?? []);
}

/**
 * Script source for `initScript`: Date.now() and `new Date()` read `iso` while timers still
 * run (as Playwright's clock.setFixedTime), so a day-bound test sees the same day whenever it runs.
 */
export function fixedClockScript(iso: string): string {
  return `(() => {
    const fixed = new Date(${JSON.stringify(iso)}).getTime();
    const RealDate = Date;
    function FixedDate(...args) {
      if (!new.target) return new RealDate(fixed).toString();
      return args.length === 0 ? new RealDate(fixed) : new RealDate(...args);
    }
    FixedDate.prototype = RealDate.prototype;
    FixedDate.now = () => fixed;
    FixedDate.parse = RealDate.parse;
    FixedDate.UTC = RealDate.UTC;
    Object.setPrototypeOf(FixedDate, RealDate);
    globalThis.Date = FixedDate;
  })();`;
}
