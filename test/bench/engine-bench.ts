/**
 * The door's tap in every engine a tablet runs (Chromium, Firefox ESR, WebKitGTK), unthrottled:
 * tap → Velkommen timed inside the page, from `pointerdown` to the frame that shows Velkommen,
 * beside a bare strict IndexedDB put started from a tap on the same engine in the same run;
 * and what the driver itself costs per engine, which a driver-side timing would add.
 */
import { newProfileDir } from '../e2e/support/browser.ts';
import { openDoor } from '../e2e/support/engines/flows.ts';
import { ENGINES } from '../e2e/support/engines/index.ts';
import type { Engine, EngineBrowser } from '../e2e/support/engines/types.ts';
import { startAppServer } from './app-server.ts';
import type { Row } from './run.ts';
import { serveFiles, type StaticFile } from './static-server.ts';
import { summarize, type Summary } from './stats.ts';

const TAPS = Math.max(30, Number(process.env.BENCH_ENGINE_TAPS ?? 30));
const WARM_UP = 3;
const CHECK_IN = { role: 'button', name: 'Sjekk inn', exact: true };
const BARE_PUT = { role: 'button', name: 'Lagre', exact: true };

/** One tap as the page saw it: pointerdown → the frame after the answer, and → click. */
interface TapTiming {
  ms: number;
  /** pointerdown → the write committed (the door's `terskel:tap-stored` mark; the put's complete). */
  storedMs: number;
  pointerdownToClickMs: number;
  /** Which animation frame after the tap showed the answer (1: the very next one). */
  frame: number;
}

/**
 * Installed before the app's scripts: notes each `pointerdown` (capture, before any handler),
 * the click that follows, and the first animation frame after a status reads Velkommen!.
 */
const DOOR_PROBE = `(() => {
  const probe = { down: undefined, click: undefined, shown: undefined, waiting: false };
  window.__engineBench = probe;
  addEventListener('pointerdown', () => {
    probe.down = performance.now();
    probe.click = undefined;
    probe.shown = undefined;
    probe.frames = 0;
    const count = () => {
      if (probe.shown !== undefined) return;
      probe.frames += 1;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  }, true);
  addEventListener('click', () => { if (probe.click === undefined) probe.click = performance.now(); }, true);
  const welcomed = () => [...document.querySelectorAll('[role="status"]')]
    .some((status) => status.textContent.trim() === 'Velkommen!');
  new MutationObserver(() => {
    if (probe.down === undefined || probe.shown !== undefined || probe.waiting || !welcomed()) return;
    probe.waiting = true;
    requestAnimationFrame(() => {
      probe.shown = performance.now();
      probe.stored = performance.getEntriesByName('terskel:tap-stored').at(-1)?.startTime;
      probe.waiting = false;
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** One button whose pointerdown does one strict put, timed to its complete + the next frame. */
const BARE_PUT_PAGE: StaticFile = {
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>bare put</title>
<style>button{font-size:2rem;padding:2rem 4rem}</style></head>
<body><button type="button" id="put">Lagre</button>
<script>window.__barePut={ms:undefined,click:undefined,down:undefined};
const opened=new Promise((done)=>{const open=indexedDB.open('bench-engine-put',1);
open.onupgradeneeded=()=>open.result.createObjectStore('puts');open.onsuccess=()=>done(open.result);});
opened.then((db)=>{const button=document.getElementById('put');
button.addEventListener('pointerdown',()=>{const down=performance.now();const probe=window.__barePut={ms:undefined,click:undefined,down,stored:undefined,frames:0};
const count=()=>{if(probe.ms!==undefined)return;probe.frames+=1;requestAnimationFrame(count);};requestAnimationFrame(count);
const tx=db.transaction('puts','readwrite',{durability:'strict'});
tx.objectStore('puts').put({at:Date.now(),delta:1},crypto.randomUUID());
tx.oncomplete=()=>{probe.stored=performance.now()-down;requestAnimationFrame(()=>{probe.ms=performance.now()-down;});};});
button.addEventListener('click',()=>{window.__barePut.click=performance.now();});
button.dataset.ready='yes';});</script>
</body></html>`,
};

interface EngineFigures {
  door: TapTiming[];
  bare: TapTiming[];
  /** Node → page → Node: a trivial evaluate. */
  roundTripMs: number[];
  /** Node → a pointer press and release at a point → Node. */
  pointerMs: number[];
}

/** Away to staff and back remounts the check-in panel: the door is idle again at once. */
async function backToIdleDoor(browser: EngineBrowser): Promise<void> {
  await browser.evaluate(() => {
    location.hash = '#/staff';
  });
  await browser.waitForFunction(() => document.querySelector('.check-in') === null);
  await browser.evaluate(() => {
    location.hash = '#/';
  });
  await browser.waitFor(CHECK_IN, { timeout: 20_000 });
}

async function tapTheDoor(browser: EngineBrowser): Promise<TapTiming> {
  await browser.evaluate(() => {
    const probe = (window as unknown as { __engineBench: { down?: number; shown?: number } })
      .__engineBench;
    probe.down = probe.shown = undefined;
  });
  await browser.click(CHECK_IN);
  // waitForFunction returns only a truthy value: never null here.
  const timing = await browser.waitForFunction<TapTiming | null>(
    () => {
      const probe = (
        window as unknown as {
          __engineBench: {
            down?: number;
            click?: number;
            shown?: number;
            stored?: number;
            frames: number;
          };
        }
      ).__engineBench;
      const { down, click, shown, stored, frames } = probe;
      return shown === undefined || down === undefined || click === undefined
        ? null
        : {
            ms: shown - down,
            storedMs: stored !== undefined && stored >= down ? stored - down : Number.NaN,
            pointerdownToClickMs: click - down,
            frame: frames,
          };
    },
    undefined,
    { timeout: 10_000 },
  );
  await backToIdleDoor(browser);
  return timing!;
}

async function tapBarePut(browser: EngineBrowser): Promise<TapTiming> {
  await browser.evaluate(() => {
    (window as unknown as { __barePut: object }).__barePut = {};
  });
  await browser.click(BARE_PUT);
  const timing = await browser.waitForFunction<TapTiming | null>(
    () => {
      const probe = (
        window as unknown as {
          __barePut: {
            ms?: number;
            click?: number;
            down?: number;
            stored?: number;
            frames: number;
          };
        }
      ).__barePut;
      const { ms, click, down, stored, frames } = probe;
      return ms === undefined || click === undefined || down === undefined
        ? null
        : {
            ms,
            storedMs: stored ?? Number.NaN,
            pointerdownToClickMs: click - down,
            frame: frames,
          };
    },
    undefined,
    { timeout: 10_000 },
  );
  return timing!;
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function measureEngine(
  engine: Engine,
  log: (message: string) => void,
): Promise<EngineFigures> {
  engine.require();
  const server = await startAppServer();
  const bare = await serveFiles({ '/': BARE_PUT_PAGE });
  const browser = await engine.launch({ profileDir: newProfileDir(), initScript: DOOR_PROBE });
  try {
    await openDoor(browser, server.url);
    await browser.waitForServiceWorker();
    log(`engines: ${engine.label}: ${TAPS} door taps, then ${TAPS} bare strict puts`);
    for (let tap = 0; tap < WARM_UP; tap += 1) await tapTheDoor(browser);
    const door: TapTiming[] = [];
    for (let tap = 0; tap < TAPS; tap += 1) door.push(await tapTheDoor(browser));

    await browser.goto(bare.url);
    await browser.waitForFunction(() => document.getElementById('put')?.dataset.ready === 'yes');
    for (let tap = 0; tap < WARM_UP; tap += 1) await tapBarePut(browser);
    const barePuts: TapTiming[] = [];
    for (let tap = 0; tap < TAPS; tap += 1) barePuts.push(await tapBarePut(browser));

    const roundTripMs: number[] = [];
    for (let run = 0; run < TAPS; run += 1)
      roundTripMs.push(await timed(() => browser.evaluate(() => 1)));
    // A press where nothing listens (the page's corner), so only the driver's input path counts.
    const pointerMs: number[] = [];
    for (let run = 0; run < TAPS; run += 1)
      pointerMs.push(await timed(() => browser.pointer(2, 2)));
    return { door, bare: barePuts, roundTripMs, pointerMs };
  } finally {
    await browser.close().catch(() => browser.kill());
    await Promise.all([server.stop(), bare.stop()]);
  }
}

const ms = (value: number) => `${Math.round(value * 10) / 10} ms`;
const medianAndP95 = (s: Summary) => `median ${ms(s.median)}, p95 ${ms(s.p95)}`;

/** The rows of every engine this run tests in (E2E_ENGINES picks them, as for the e2e suite). */
export async function measureEngines(log: (message: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (const engine of ENGINES) {
    const figures = await measureEngine(engine, log);
    const door = summarize(figures.door.map((tap) => tap.ms));
    const bare = summarize(figures.bare.map((tap) => tap.ms));
    const doorStored = summarize(figures.door.map((tap) => tap.storedMs));
    const bareStored = summarize(figures.bare.map((tap) => tap.storedMs));
    const doorFrame = summarize(figures.door.map((tap) => tap.frame));
    const bareFrame = summarize(figures.bare.map((tap) => tap.frame));
    const roundTrip = summarize(figures.roundTripMs);
    const pointer = summarize(figures.pointerMs);
    rows.push({
      id: `engine-tap-velkommen-${engine.name}`,
      what: `${engine.label}: tap → Velkommen frame, in the page, unthrottled`,
      figure: {
        ms: door,
        storedMs: doorStored,
        frame: doorFrame,
        pointerdownToClickMs: summarize(figures.door.map((tap) => tap.pointerdownToClickMs)),
        samples: figures.door,
      },
      figureText: `${medianAndP95(door)} (stored: median ${ms(doorStored.median)}; frame ${doorFrame.median})`,
      baseline: {
        ms: bare,
        storedMs: bareStored,
        frame: bareFrame,
        pointerdownToClickMs: summarize(figures.bare.map((tap) => tap.pointerdownToClickMs)),
        samples: figures.bare,
      },
      baselineText: `bare strict put + frame: ${medianAndP95(bare)} (committed: median ${ms(bareStored.median)}; frame ${bareFrame.median})`,
      target: `≤ 1.5 × bare: median ${ms(1.5 * bare.median)}, p95 ${ms(1.5 * bare.p95)}`,
      met: door.median <= 1.5 * bare.median && door.p95 <= 1.5 * bare.p95,
    });
    rows.push({
      id: `engine-driver-${engine.name}`,
      what: `  diagnostic: ${engine.label}'s driver, Node → page → Node`,
      figure: { evaluateMs: roundTrip, pointerMs: pointer },
      figureText: `evaluate ${medianAndP95(roundTrip)}`,
      baseline: null,
      baselineText: `pointer press ${medianAndP95(pointer)}`,
      target: '—',
      met: null,
    });
  }
  return rows;
}
