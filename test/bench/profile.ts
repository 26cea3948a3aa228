/**
 * Profiles a missed figure instead of guessing at it: `npx tsx test/bench/profile.ts tap|cold|csv`
 * (`tap-trace` and `first-tap-trace` print Performance traces of a tap and of a cold first tap,
 * `first-tap-storage` times the database's open and first transactions in a cold first tap)
 * records a V8 CPU profile in Chromium at 4× around the measured work, `endpoint` one of the
 * endpoint process under load; each prints the heaviest functions by self time and writes the
 * .cpuprofile (open it in Chrome DevTools) to a temp folder.
 */

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from '../e2e/support/browser.ts';
import { setUpStaffPins } from '../e2e/support/staff.ts';
import { ROOT, startAppServer } from './app-server.ts';
import {
  bareFirstTapSite,
  checkInCentre,
  installServiceWorker,
  installShellSite,
  probedPage,
  tap as tapAt,
  throttle,
  waitForDoor,
} from './door-bench.ts';
import { serveFiles } from './static-server.ts';

const DIST = join(ROOT, 'dist');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const OUT = mkdtempSync(join(tmpdir(), 'terskel-profile-'));

/** Self time per function (name, file, line), heaviest first. */
function heaviest(profiles: CpuProfile[], top = 25): string[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      const file = frame.url.split('/').pop() ?? '';
      const key = `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      self.set(key, (self.get(key) ?? 0) + ms);
      total += ms;
    });
  }
  return [
    `total ${total.toFixed(1)} ms sampled`,
    ...[...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([key, ms]) =>
          `${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`,
      ),
  ];
}

async function record(cdp: CDPSession, work: () => Promise<void>): Promise<CpuProfile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return profile;
}

function save(name: string, profiles: CpuProfile[]): void {
  profiles.forEach((profile, i) =>
    writeFileSync(join(OUT, `${name}-${i}.cpuprofile`), JSON.stringify(profile)),
  );
  console.log(heaviest(profiles).join('\n'));
  console.log(`profiles in ${OUT}`);
}

async function openDoor(): Promise<{
  page: Page;
  url: string;
  stop: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const server = await startAppServer();
  const context = await launchPersistent(newProfileDir());
  const page = await probedPage(context);
  await installServiceWorker(page, server.url);
  await setUpStaffPins(page);
  await waitForDoor(page);
  return { page, url: server.url, stop: server.stop, close: () => context.close() };
}

/** A new page at the bench's throttling, its service worker stopped: its next load is cold. */
async function coldPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await probedPage(context);
  const cdp = await throttle(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  return { page, cdp };
}

/** The tap path: click → Velkommen, five taps from an idle door, profiled each. */
async function profileTap(): Promise<void> {
  const door = await openDoor();
  await door.stop();
  const cdp = await throttle(door.page);
  const profiles: CpuProfile[] = [];
  for (let tap = 0; tap < 6; tap++) {
    await door.page.evaluate(() => (window.__bench.welcomes.length = 0));
    const profile = await record(cdp, async () => {
      // As the bench taps: input straight over CDP (Playwright's click hit-tests in the page).
      await tapAt(door.page, await checkInCentre(door.page));
      await door.page.waitForFunction(() => window.__bench.welcomes.length > 0);
      await door.page.waitForTimeout(50);
    });
    if (tap > 0) profiles.push(profile); // the first tap warms up
    await door.page.evaluate(() => (location.hash = '#/staff'));
    await door.page.waitForTimeout(300);
    await door.page.evaluate(() => (location.hash = '#/'));
    await waitForDoor(door.page);
  }
  await door.close();
  save('tap', profiles);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string; url?: string; functionName?: string } };
}

/** A Performance trace of `work`: the renderer's main-thread events, as DevTools records them. */
async function trace(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (chunk) =>
    events.push(...(chunk.value as unknown as TraceEvent[])),
  );
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink.user_timing',
      ],
    },
  });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** Total and longest duration per event name on the busiest thread (the renderer's main). */
function mainThreadSummary(events: TraceEvent[], top = 20): string[] {
  const main = busiestThread(events);
  const byName = new Map<string, { total: number; max: number; count: number }>();
  for (const event of events) {
    if (event.ph !== 'X' || `${event.pid}:${event.tid}` !== main) continue;
    const key =
      event.name === 'EventDispatch' ? `EventDispatch ${event.args?.data?.type}` : event.name;
    const entry = byName.get(key) ?? { total: 0, max: 0, count: 0 };
    entry.total += (event.dur ?? 0) / 1000;
    entry.max = Math.max(entry.max, (event.dur ?? 0) / 1000);
    entry.count += 1;
    byName.set(key, entry);
  }
  return [...byName.entries()]
    .sort((a, b) => b[1].total - a[1].total)
    .slice(0, top)
    .map(
      ([name, e]) =>
        `${e.total.toFixed(1).padStart(8)} ms total  ${e.max.toFixed(1).padStart(7)} ms max  ×${e.count}  ${name}`,
    );
}

/** The tap's next paint: a Performance trace of five taps (style, layout, paint, script). */
async function traceTap(): Promise<void> {
  const door = await openDoor();
  await door.stop();
  const cdp = await throttle(door.page);
  const all: TraceEvent[] = [];
  for (let tap = 0; tap < 6; tap++) {
    await door.page.evaluate(() => (window.__bench.welcomes.length = 0));
    const events = await trace(cdp, async () => {
      // As the bench taps: input straight over CDP (Playwright's click hit-tests in the page).
      await tapAt(door.page, await checkInCentre(door.page));
      await door.page.waitForFunction(() => window.__bench.welcomes.length > 0);
      await door.page.waitForTimeout(50);
    });
    if (tap > 0) all.push(...events);
    await door.page.evaluate(() => (location.hash = '#/staff'));
    await door.page.waitForTimeout(300);
    await door.page.evaluate(() => (location.hash = '#/'));
    await waitForDoor(door.page);
  }
  await door.close();
  writeFileSync(join(OUT, 'tap-trace.json'), JSON.stringify({ traceEvents: all }));
  console.log(mainThreadSummary(all).join('\n'));
  console.log(`trace in ${OUT}/tap-trace.json (5 taps)`);
}

/** Main-thread work a cold start's timeline lists (longer than 2 ms). */
const TIMELINE = new Set([
  'ParseHTML',
  'EvaluateScript',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'Layerize',
]);

/**
 * The first tap of an offline cold start, as the bench taps it (every 10 ms from navigation
 * until Velkommen): three traced loads, each printed as a timeline of the main thread's work
 * from navigation on, with the first contentful paint, the first click and Velkommen marked.
 */
async function traceFirstTap(): Promise<void> {
  const door = await openDoor();
  const centre = await checkInCentre(door.page);
  await door.stop();
  const context = door.page.context();
  for (let run = 0; run < 3; run++) {
    const { page, cdp } = await coldPage(context);
    let marks: { fcp?: number; click?: number; welcome?: number; origin: number } | undefined;
    const events = await trace(cdp, async () => {
      const navigation = page.goto(door.url, { waitUntil: 'commit' }).catch(() => undefined);
      const started = Date.now();
      while (Date.now() - started < 8_000) {
        await tapAt(page, centre).catch(() => undefined);
        const seen = await page.evaluate(() => window.__bench?.welcomes.length ?? 0).catch(() => 0);
        if (seen > 0) break;
        await new Promise((done) => setTimeout(done, 10));
      }
      await navigation;
      marks = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        click: window.__bench.clicks[0],
        welcome: window.__bench.welcomes[0],
        origin: performance.timeOrigin,
      }));
      await page.waitForTimeout(100);
    });
    await page.close();
    const main = busiestThread(events);
    // Trace timestamps are monotonic microseconds; the page's marks are from its time origin:
    // the navigation's first main-thread task stands for the origin here.
    const onMain = events
      .filter((event) => event.ph === 'X' && `${event.pid}:${event.tid}` === main)
      .sort((a, b) => a.ts - b.ts);
    const origin = onMain.find((event) => event.name === 'ParseHTML')?.ts ?? onMain[0]?.ts ?? 0;
    console.log(
      `run ${run + 1}: first contentful paint ${Math.round(marks?.fcp ?? NaN)} ms, first click ` +
        `${Math.round(marks?.click ?? NaN)} ms, Velkommen ${Math.round(marks?.welcome ?? NaN)} ms ` +
        '(page clock); main thread from the first ParseHTML:',
    );
    for (const event of onMain) {
      if (!TIMELINE.has(event.name) || (event.dur ?? 0) < 2000) continue;
      const what =
        event.args?.data?.url?.split('/').pop() ||
        event.args?.data?.functionName ||
        event.args?.data?.type ||
        '';
      console.log(
        `  ${((event.ts - origin) / 1000).toFixed(0).padStart(6)} ms  ${((event.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${event.name} ${what}`,
      );
    }
  }
  await door.close();
}

/** Logs, in the page, when the database opens and each readwrite transaction starts and ends. */
const IDB_TIMELINE = `
  var log = (window.__idbLog = []);
  var now = function () { return performance.now().toFixed(0); };
  var open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name) {
    log.push('open ' + name + ' ' + now());
    var request = open.apply(this, arguments);
    request.addEventListener('success', function () { log.push('opened ' + now()); });
    return request;
  };
  var transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode) {
    var tx = transaction.apply(this, arguments);
    if (mode === 'readwrite') {
      log.push('readwrite ' + now());
      tx.addEventListener('complete', function () { log.push('committed ' + now()); });
    }
    return tx;
  };`;

/**
 * The first tap of an offline cold start, tapped as the bench taps it, with the database's
 * open and first transactions timed in the page: five loads of the door, each beside one of the
 * bench's bare first tap, at the bench's throttling (BENCH_THROTTLE=1 for none). It showed the
 * open's answer waiting behind the main thread's cold-start work at 4×, not the disk.
 */
async function traceFirstTapStorage(): Promise<void> {
  const door = await openDoor();
  const centre = await checkInCentre(door.page);
  const bare = await serveFiles(bareFirstTapSite(DIST));
  const context = door.page.context();
  await installShellSite(door.page, bare.url);
  await Promise.all([door.stop(), bare.stop()]);
  for (let run = 0; run < 10; run++) {
    const which = run % 2 === 0 ? 'door' : 'bare';
    const { page, cdp } = await coldPage(context);
    await page.addInitScript({ content: IDB_TIMELINE });
    let welcome: number | undefined;
    await page.exposeFunction('__benchWelcome', (when: number) => (welcome ??= when));
    const url = which === 'door' ? door.url : bare.url;
    const navigation = page.goto(url, { waitUntil: 'commit' }).catch(() => undefined);
    const started = Date.now();
    const mouse = { ...centre, button: 'left' as const, clickCount: 1 };
    while (welcome === undefined && Date.now() - started < 5_000) {
      void cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...mouse }).catch(() => 0);
      void cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...mouse }).catch(() => 0);
      await new Promise((done) => setTimeout(done, 10));
    }
    await navigation;
    const seen = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      click: window.__bench.clicks[0] ?? NaN,
      log: (window as unknown as { __idbLog: string[] }).__idbLog.slice(0, 6),
    }));
    console.log(
      `${which} ${Math.floor(run / 2) + 1}: first paint ${Math.round(seen.fcp)} ms, first click ${Math.round(seen.click)} ms, Velkommen ${Math.round(welcome ?? NaN)} ms | ${seen.log.join(' | ')}`,
    );
    await page.close();
  }
  await door.close();
}

/** The renderer's main thread: the one with the most task time. */
function busiestThread(events: TraceEvent[]): string | undefined {
  const perThread = new Map<string, number>();
  for (const event of events)
    if (event.ph === 'X' && event.name === 'RunTask')
      perThread.set(
        `${event.pid}:${event.tid}`,
        (perThread.get(`${event.pid}:${event.tid}`) ?? 0) + (event.dur ?? 0),
      );
  return [...perThread.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The offline cold start: a fresh page, service worker stopped, tapped until Velkommen. */
async function profileCold(): Promise<void> {
  const door = await openDoor();
  await door.stop();
  const context = door.page.context();
  const profiles: CpuProfile[] = [];
  for (let run = 0; run < 3; run++) {
    const { page, cdp } = await coldPage(context);
    profiles.push(
      await record(cdp, async () => {
        await page.goto(door.url);
        await waitForDoor(page);
        await page.getByRole('button', { name: 'Sjekk inn', exact: true }).click();
        await page.waitForFunction(() => window.__bench.welcomes.length > 0, undefined, {
          timeout: 20_000,
        });
        const marks = await page.evaluate(() => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          door: window.__bench.doorAt,
          click: window.__bench.clicks[0],
          welcome: window.__bench.welcomes[0],
          resources: performance
            .getEntriesByType('resource')
            .map((entry) => entry as PerformanceResourceTiming)
            .map(
              (entry) =>
                `${entry.name.split('/').pop()} ${Math.round(entry.startTime)}→${Math.round(entry.responseEnd)}`,
            ),
        }));
        console.log(JSON.stringify(marks));
      }),
    );
    await page.close();
  }
  await door.close();
  save('cold', profiles);
}

/** The year's CSV in the bench page. */
async function profileCsv(): Promise<void> {
  const { measureDomain } = await import('./domain-browser.ts');
  const context = await launchPersistent(newProfileDir());
  const profiles: CpuProfile[] = [];
  await measureDomain(context, 3, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    profiles.push(
      await record(cdp, async () => {
        for (let run = 0; run < 5; run++)
          await page.evaluate(() =>
            window.domainBench.csvOfRange('bench-year', '2025-01-01', '2025-12-31', 'wide'),
          );
      }),
    );
  });
  await context.close();
  save('csv', profiles);
}

/** Inclusive time per function (self plus callees), heaviest first; each frame once a sample. */
function heaviestInclusive(profiles: CpuProfile[], top: number): string[] {
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, ProfileNode>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node);
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      total += ms;
      const seen = new Set<string>();
      for (let node = byId.get(id); node; node = parent.get(node.id)) {
        const frame = node.callFrame;
        const key = `${frame.functionName || '(anonymous)'}  ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
      }
    });
  }
  return [...inclusive.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([key, ms]) =>
        `${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`,
    );
}

/** The profile without its first `ms`: the process's start-up and the load's warm-up. */
function withoutFirst(profile: CpuProfile, ms: number): CpuProfile {
  let elapsed = 0;
  let first = 0;
  while (first < profile.samples.length && elapsed < ms * 1000) {
    elapsed += profile.timeDeltas[first] ?? 0;
    first += 1;
  }
  return {
    nodes: profile.nodes,
    samples: profile.samples.slice(first),
    timeDeltas: profile.timeDeltas.slice(first),
  };
}

/** The app's endpoint process under the upload load, with --cpu-prof (the bare one unprofiled). */
async function profileEndpoint(): Promise<void> {
  const { measureEndpoint } = await import('./endpoint-bench.ts');
  process.env.BENCH_ENDPOINT_NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${OUT} --cpu-prof-interval=250`;
  const result = await measureEndpoint(10_000);
  console.log(`app ${result.app.uploadsPerSecond}/s, bare ${result.bare.uploadsPerSecond}/s`);
  // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main thread (tsx's
  // module loader runs on another). The first 2 s are start-up and warm-up.
  const profiles = readdirSync(OUT)
    .filter((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(OUT, name), 'utf8')) as CpuProfile)
    .map((profile) => withoutFirst(profile, 2_000));
  console.log(heaviest(profiles, 30).join('\n'));
  console.log('inclusive:');
  console.log(heaviestInclusive(profiles, 50).join('\n'));
  console.log(`profiles in ${OUT}`);
}

const what = process.argv[2];
const runs: Record<string, () => Promise<void>> = {
  tap: profileTap,
  'tap-trace': traceTap,
  'first-tap-trace': traceFirstTap,
  'first-tap-storage': traceFirstTapStorage,
  cold: profileCold,
  csv: profileCsv,
  endpoint: profileEndpoint,
};
const run = what ? runs[what] : undefined;
if (run === undefined) {
  console.error(`usage: npx tsx test/bench/profile.ts ${Object.keys(runs).join('|')}`);
  process.exit(2);
}
await run();
