/**
 * The door in Chromium at 4× CPU throttling: tap → next paint and tap → stored beside their
 * baselines, and the offline cold start (first paint, first tap counted) beside a static
 * shell under a service worker. The app is the built dist/ served by the real endpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { SHELL_SETTINGS } from '../../src/state/cold-start/shell.ts';
import { installProbe } from './instrument.ts';
import { summarize, type Summary } from './stats.ts';
import type { StaticFile } from './static-server.ts';

/**
 * CPU throttling, an old tablet: 4× by default. BENCH_THROTTLE=10 plays a slower machine (the
 * static shell then paints in about the 372 ms of the slowest machine on record).
 */
export const THROTTLE = Number(process.env.BENCH_THROTTLE) || 4;
/** Event Timing does not report interactions under its 16 ms threshold: they count as 16. */
export const BELOW_THRESHOLD_MS = 16;

export async function throttle(page: Page, rate = THROTTLE): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** A page with the probe installed before any of its scripts run. */
export async function probedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(installProbe);
  await page.bringToFront();
  return page;
}

const checkInButton = (page: Page) => page.getByRole('button', { name: 'Sjekk inn', exact: true });

/**
 * A tap as the input system delivers it: press and release at a point, straight over CDP.
 * (Playwright's own click first hit-tests and listens for pointerdown in the page, which the
 * Event Timing entries would count as the app's work.)
 */
export async function tap(page: Page, at: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const mouse = { x: at.x, y: at.y, button: 'left' as const, clickCount: 1 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...mouse });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...mouse });
  await cdp.detach();
}

async function centreOf(
  locator: import('playwright-core').Locator,
): Promise<{ x: number; y: number }> {
  await locator.waitFor({ timeout: 10_000 });
  const box = await locator.boundingBox();
  if (box === null) throw new Error('Nothing to tap: the button has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Waits for the door; says what is on screen instead (a PIN set-up, an error) if it never comes. */
export async function waitForDoor(page: Page, timeout = 15_000): Promise<void> {
  try {
    await checkInButton(page).waitFor({ timeout });
  } catch {
    const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    throw new Error(`The door's Sjekk inn button did not show; the screen reads:\n${text}`);
  }
}

/** Brings the door back to idle at once: away to staff and back remounts the check-in panel. */
async function backToIdleDoor(page: Page): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/staff';
  });
  await page.waitForFunction(() => !document.querySelector('.check-in'), undefined, {
    timeout: 5_000,
  });
  await page.evaluate(() => {
    location.hash = '#/';
  });
  await waitForDoor(page, 20_000);
}

/** The longest Event Timing entry of the interaction a tap made, or the threshold if none. */
async function interactionDuration(page: Page): Promise<{ ms: number; reported: boolean }> {
  const durations = await page.evaluate(() =>
    window.__bench.events.filter((entry) => entry.interactionId > 0).map((entry) => entry.duration),
  );
  return durations.length === 0
    ? { ms: BELOW_THRESHOLD_MS, reported: false }
    : { ms: Math.max(...durations), reported: true };
}

const resetProbe = (page: Page) =>
  page.evaluate(() => {
    window.__bench.events.length = 0;
    window.__bench.clicks.length = 0;
    window.__bench.afterFrame.length = 0;
    window.__bench.welcomes.length = 0;
  });

// Event Timing entries arrive after the paint they end at; give them a few frames.
const settle = (page: Page) => page.waitForTimeout(200);

export interface TapSamples {
  interaction: number[];
  /** How many interactions Event Timing reported (the rest were under 16 ms). */
  reported: number;
  afterFrame: number[];
  /** Click → the tap's transaction committed (the app's `terskel:tap-stored` mark). */
  stored: number[];
  /** Click → Velkommen on screen (after the commit and the pressed frame). */
  welcomed: number[];
}

/** The user-timing mark the door sets when a tap's transaction has committed. */
const TAP_STORED_MARK = 'terskel:tap-stored';

/** Taps Sjekk inn `runs` times, each from an idle door: next paint and click → Velkommen. */
export async function tapTheDoor(page: Page, runs: number, between?: () => Promise<void>) {
  const samples: TapSamples = {
    interaction: [],
    reported: 0,
    afterFrame: [],
    stored: [],
    welcomed: [],
  };
  for (let run = 0; run < runs; run++) {
    await resetProbe(page);
    await tap(page, await checkInCentre(page));
    await page.waitForFunction(() => window.__bench.welcomes.length > 0, undefined, {
      timeout: 10_000,
    });
    await settle(page);
    const duration = await interactionDuration(page);
    samples.interaction.push(duration.ms);
    if (duration.reported) samples.reported += 1;
    const probe = await page.evaluate(() => window.__bench);
    if (await page.evaluate(() => document.visibilityState !== 'visible'))
      throw new Error('The door page is hidden: its frames and timers would be throttled');
    samples.afterFrame.push(probe.afterFrame[0] ?? Number.NaN);
    const committed = await page.evaluate(
      (mark) => performance.getEntriesByName(mark).at(-1)?.startTime,
      TAP_STORED_MARK,
    );
    if (committed === undefined) throw new Error(`The door set no ${TAP_STORED_MARK} mark`);
    samples.stored.push(committed - probe.clicks[0]!);
    samples.welcomed.push(probe.welcomes[0]! - probe.clicks[0]!);
    await between?.();
    await backToIdleDoor(page);
  }
  return samples;
}

/** The same taps on a bare `<button>` whose handler only changes its own text. */
export async function tapBareButton(page: Page, runs: number) {
  const samples = { interaction: [] as number[], reported: 0, afterFrame: [] as number[] };
  const button = page.getByRole('button', { name: /^Trykk/ });
  for (let run = 0; run < runs; run++) {
    await resetProbe(page);
    await tap(page, await centreOf(button));
    await settle(page);
    const duration = await interactionDuration(page);
    samples.interaction.push(duration.ms);
    if (duration.reported) samples.reported += 1;
    samples.afterFrame.push(
      (await page.evaluate(() => window.__bench.afterFrame[0])) ?? Number.NaN,
    );
  }
  return samples;
}

export const BARE_BUTTON_PAGE: StaticFile = {
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>bare</title>
<style>button{font-size:2rem;padding:2rem 4rem}</style></head>
<body><button type="button" id="b">Trykk 0</button>
<button type="button" id="p">Lagre</button>
<script>let n=0;const b=document.getElementById('b');b.addEventListener('click',()=>{b.textContent='Trykk '+(++n)});
window.__barePuts=[];const db=new Promise(done=>{const o=indexedDB.open('bench-bare-tap',1);o.onupgradeneeded=()=>o.result.createObjectStore('puts');o.onsuccess=()=>done(o.result);});
db.then(d=>document.getElementById('p').addEventListener('click',e=>{const t=d.transaction('puts','readwrite',{durability:'strict'});t.objectStore('puts').put({at:Date.now(),delta:1},crypto.randomUUID());t.oncomplete=()=>window.__barePuts.push(performance.now()-e.timeStamp);}));</script>
</body></html>`,
};

/**
 * The tap → stored baseline: a tap on a bare page's button whose click handler does one strict
 * put; from the click's timestamp to the commit, as the door's figure is timed.
 */
export async function tapBarePut(page: Page, runs: number): Promise<number[]> {
  const at = await centreOf(page.getByRole('button', { name: 'Lagre' }));
  await page.waitForFunction(() => 'indexedDB' in window);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.evaluate(() => ((window as unknown as { __barePuts: number[] }).__barePuts = []));
    await tap(page, at);
    await page.waitForFunction(
      () => (window as unknown as { __barePuts: number[] }).__barePuts.length > 0,
      undefined,
      { timeout: 10_000 },
    );
    samples.push(
      await page.evaluate(() => (window as unknown as { __barePuts: number[] }).__barePuts[0]!),
    );
    await settle(page);
  }
  return samples;
}

/** A bare strict IndexedDB put of one small record, committed, timed in the page. */
export function barePut(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const holder = window as unknown as { benchDb?: Promise<IDBDatabase> };
    holder.benchDb ??= new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('bench-bare-put', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('puts');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const db = await holder.benchDb;
    const started = performance.now();
    await new Promise<void>((done, fail) => {
      const tx = db.transaction('puts', 'readwrite', { durability: 'strict' });
      tx.objectStore('puts').put({ at: Date.now(), delta: 1 }, crypto.randomUUID());
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
      tx.onabort = () => fail(tx.error);
    });
    return performance.now() - started;
  });
}

/**
 * The app's shell with its module script taken out (its inline first-paint script stays), and
 * a service worker that caches it.
 */
export function staticShellSite(dist: string): Record<string, StaticFile> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8').replace(
    /<script[^>]*type="module"[^>]*><\/script>\s*/g,
    '',
  );
  const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  if (css === undefined) throw new Error('dist/index.html names no stylesheet');
  const cached = ['/', css, '/favicon.svg'];
  const worker = `const FILES=${JSON.stringify(cached)};
self.addEventListener('install',e=>e.waitUntil(caches.open('shell').then(c=>c.addAll(FILES)).then(()=>self.skipWaiting())));
self.addEventListener('activate',e=>e.waitUntil(self.clients.claim()));
self.addEventListener('fetch',e=>{const u=new URL(e.request.url);const k=e.request.mode==='navigate'?'/':u.pathname;e.respondWith(caches.match(k).then(r=>r||fetch(e.request)));});`;
  return {
    '/': { type: 'text/html; charset=utf-8', body: html },
    [css]: { type: 'text/css; charset=utf-8', body: readFileSync(join(dist, css)) },
    '/favicon.svg': { type: 'image/svg+xml', body: readFileSync(join(dist, 'favicon.svg')) },
    '/sw.js': { type: 'text/javascript; charset=utf-8', body: worker },
  };
}

/**
 * The first tap's baseline: the same static shell, plus a bare inline script that, on the first
 * tap on the shell's button, commits one strict put and says Velkommen. It writes on the
 * connection the shell began opening (as the app does: one open a load, to a database of the
 * app's name that its first, unpainted visit created with one table). What a cold start's first
 * tap costs the platform alone (service worker start, the database's cold open, a durable
 * commit) on this machine.
 */
export function bareFirstTapSite(dist: string): Record<string, StaticFile> {
  const site = staticShellSite(dist);
  const page = site['/']!;
  const { database, globals } = SHELL_SETTINGS;
  const script = `<script>(function(){var b=document.querySelector('.check-in-button');var db=(b&&window[${JSON.stringify(globals.opening)}])||new Promise(function(done){var o=indexedDB.open(${JSON.stringify(database)},1);o.onupgradeneeded=function(){o.result.createObjectStore('taps')};o.onsuccess=function(){done(o.result)}});if(!b)return;var tapped=false;b.addEventListener('click',function(){if(tapped)return;tapped=true;db.then(function(d){var t=d.transaction('taps','readwrite',{durability:'strict'});t.objectStore('taps').put({at:Date.now()},crypto.randomUUID());t.oncomplete=function(){var p=document.createElement('p');p.setAttribute('role','status');p.textContent='Velkommen';b.parentElement.replaceChildren(p)}})})})();</script>`;
  return {
    ...site,
    '/': { ...page, body: String(page.body).replace('</body>', `${script}</body>`) },
  };
}

/**
 * Installs a shell-like site's service worker (the static shell, the bare first tap) and hands
 * its origin what the door left in localStorage, so that its inline script paints the same site
 * name and button.
 */
export async function installShellSite(door: Page, url: string): Promise<void> {
  const paintState = await door.evaluate(() =>
    Object.fromEntries(
      ['terskel:staff-ready', 'terskel:paint-config'].map((key) => [
        key,
        localStorage.getItem(key),
      ]),
    ),
  );
  const page = await door.context().newPage();
  try {
    await installServiceWorker(page, url, '/sw.js');
    await page.evaluate((entries) => {
      for (const [key, value] of Object.entries(entries))
        if (value !== null) localStorage.setItem(key, value);
    }, paintState);
  } finally {
    await page.close();
  }
}

/** Registers a page's service worker and waits until it controls the page. */
export async function installServiceWorker(
  page: Page,
  url: string,
  script?: string,
): Promise<void> {
  await page.goto(url);
  if (script !== undefined) {
    await page.evaluate((path) => navigator.serviceWorker.register(path), script);
  }
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}

/** First paint (and for the app, when the door's button exists) of a cold, offline load. */
export async function coldLoad(context: BrowserContext, url: string, door: boolean) {
  const page = await probedPage(context);
  try {
    await stopServiceWorkers(page);
    await throttle(page);
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (door) await waitForDoor(page);
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
      undefined,
      { timeout: 10_000 },
    );
    return page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      doorAt: window.__bench.doorAt,
      controlled: navigator.serviceWorker.controller !== null,
    }));
  } finally {
    await page.close();
  }
}

/**
 * A cold, offline load with a tap at the button's place every 10 ms from navigation on, until
 * Velkommen shows: how long until a visitor's tap is counted. Bounded to 5 s / 500 taps.
 */
export async function firstTapCounted(
  context: BrowserContext,
  url: string,
  at: { x: number; y: number },
): Promise<{ countedAt: number | undefined; taps: number; clicksSeen: number }> {
  const page = await probedPage(context);
  try {
    await stopServiceWorkers(page);
    const cdp = await throttle(page);
    let counted: number | undefined;
    await page.exposeFunction('__benchWelcome', (when: number) => {
      counted ??= when;
    });
    const navigation = page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    const sent: Array<Promise<unknown>> = [];
    const started = Date.now();
    let taps = 0;
    while (counted === undefined && taps < 500 && Date.now() - started < 5_000) {
      const mouse = { x: at.x, y: at.y, button: 'left' as const, clickCount: 1 };
      sent.push(
        cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...mouse }).catch(() => 0),
        cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...mouse }).catch(() => 0),
      );
      taps += 1;
      await new Promise((done) => setTimeout(done, 10));
    }
    await navigation;
    await Promise.race([Promise.all(sent), new Promise((done) => setTimeout(done, 5_000))]);
    const clicksSeen = await page.evaluate(() => window.__bench.clicks.length);
    return { countedAt: counted, taps, clicksSeen };
  } finally {
    await page.close();
  }
}

/** Where the Sjekk inn button sits once painted (the first-tap runs aim there). */
export function checkInCentre(page: Page): Promise<{ x: number; y: number }> {
  return centreOf(checkInButton(page));
}

export type { Summary };
export { summarize };
