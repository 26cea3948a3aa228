/**
 * `npm run bench`: measures what a person at the door (and the endpoint) feels, each figure
 * beside a baseline measured in the same run, prints a table and writes bench-results.json.
 * Assumes a fresh build in dist/ (test/support/bench.sh makes one when it is missing or stale).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchPersistent, newProfileDir } from '../e2e/support/browser.ts';
import { setUpStaffPins } from '../e2e/support/staff.ts';
import { ROOT, startAppServer } from './app-server.ts';
import {
  BARE_BUTTON_PAGE,
  BELOW_THRESHOLD_MS,
  THROTTLE,
  barePut,
  bareFirstTapSite,
  checkInCentre,
  coldLoad,
  firstTapCounted,
  installShellSite,
  installServiceWorker,
  probedPage,
  staticShellSite,
  tapBareButton,
  tapBarePut,
  tapTheDoor,
  throttle,
  waitForDoor,
} from './door-bench.ts';
import { measureDomain } from './domain-browser.ts';
import { measureDashboard, SITES, TABLETS } from './dashboard-bench.ts';
import {
  CONNECTIONS,
  measureDiskFlush,
  measureEndpoint,
  measureLoads,
  postgresSettings,
  postgresUrl,
  type LoadResult,
} from './endpoint-bench.ts';
import { measureEngines } from './engine-bench.ts';
import { measureHostileBodies } from './hostile-bench.ts';
import { measureLighthouse } from './lighthouse-bench.ts';
import { describeMachine } from './machine.ts';
import { FIRST_PAINT_BUDGET, measureSizes, PRECACHED_JS_BUDGET } from './sizes.ts';
import { serveFiles } from './static-server.ts';
import { summarize, type Summary } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 2);
const ENDPOINT_MS = Number(process.env.BENCH_ENDPOINT_MS ?? 5_000);
const DASHBOARD_RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 5);
const POSTGRES_CONNECTIONS = [10, 100];
const DIST = join(ROOT, 'dist');

export interface Row {
  id: string;
  what: string;
  figure: Record<string, unknown>;
  figureText: string;
  baseline: Record<string, unknown> | null;
  baselineText: string;
  target: string;
  /** null for a diagnostic row, which explains a figure and has no target of its own. */
  met: boolean | null;
}

const rows: Row[] = [];
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const ms = (value: number) => `${Math.round(value * 10) / 10} ms`;
const us = (microseconds: number) => `${Math.round(microseconds)} µs`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const spread = (s: Summary) => `median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`;

function measureBundle(): void {
  const sizes = measureSizes(DIST);
  rows.push({
    id: 'first-paint-bytes',
    what: 'JS + CSS loaded to paint the door, brotli',
    figure: { bytes: sizes.firstPaintBytes, files: sizes.firstPaintFiles },
    figureText: kb(sizes.firstPaintBytes),
    baseline: null,
    baselineText: '—',
    target: `≤ ${kb(FIRST_PAINT_BUDGET)}`,
    met: sizes.firstPaintBytes <= FIRST_PAINT_BUDGET,
  });
  rows.push({
    id: 'precached-js-bytes',
    what: 'all precached JS, brotli',
    figure: { bytes: sizes.precachedJsBytes, files: sizes.precachedJsFiles },
    figureText: kb(sizes.precachedJsBytes),
    baseline: null,
    baselineText: '—',
    target: `≤ ${kb(PRECACHED_JS_BUDGET)}`,
    met: sizes.precachedJsBytes <= PRECACHED_JS_BUDGET,
  });
}

const perSecond = (value: number) => `${value.toLocaleString('en-US')}/s`;

/** The JSON of a load's result, without its every latency. */
function describeLoad(result: LoadResult) {
  return {
    uploadsPerSecond: result.uploadsPerSecond,
    completed: result.completed,
    failed: result.failed,
    statuses: result.statuses,
    acknowledged: result.acknowledged,
    stored: result.stored,
    lost: result.lost,
    latencyMs: summarize(result.latenciesMs),
  };
}

/** "1,234/s, p99 5 ms", with failures, and for a store how much of what it acknowledged it lost. */
function loadText(result: LoadResult, withLoss = false): string {
  const latency = summarize(result.latenciesMs);
  const failed = result.failed > 0 ? `, ${result.failed} failed` : '';
  const lost =
    withLoss && result.stored !== null
      ? `, ${result.lost} of ${result.acknowledged.toLocaleString('en-US')} acked lost`
      : '';
  return `${perSecond(result.uploadsPerSecond)}, p99 ${ms(latency.p99)}${failed}${lost}`;
}

/** Every upload answered 200 and everything acknowledged was read back after the kill. */
const sound = (result: LoadResult) =>
  result.failed === 0 && result.lost === 0 && result.stored !== null;

async function measureUploads(): Promise<void> {
  log(`endpoint: ${CONNECTIONS} connections, ${ENDPOINT_MS} ms per server`);
  const { app, unflushed, bare } = await measureEndpoint(ENDPOINT_MS);
  // In µs: summaries round to a tenth, and a flush is a tenth of a millisecond or so.
  const flushUs = summarize(measureDiskFlush().map((ms) => ms * 1000));
  const appLatency = summarize(app.latenciesMs);
  const share = app.uploadsPerSecond / unflushed.uploadsPerSecond;
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  rows.push({
    id: 'endpoint-upload',
    what: `endpoint upload (protocol 2, 1 day, 24 keys), ${CONNECTIONS} tablets, SQLite, durable`,
    figure: { ...describeLoad(app), shareOfFlushOff: Math.round(share * 1000) / 1000 },
    figureText: `${loadText(app, true)} (${percent(share)} of flush off)`,
    baseline: describeLoad(unflushed),
    baselineText: `flush off (synchronous=OFF): ${loadText(unflushed)}`,
    target: '≥ 50% of flush off, p99 ≤ 10 ms',
    met: share >= 0.5 && appLatency.p99 <= 10 && sound(app),
  });
  // The old target's baseline, kept to explain the figures: a handler that stores nothing,
  // beside the disk's own write + fdatasync.
  const ofBare = (result: LoadResult) => percent(result.uploadsPerSecond / bare.uploadsPerSecond);
  rows.push({
    id: 'endpoint-upload-bare',
    what: '  diagnostic: the same against a bare Hono handler (parses, stores nothing)',
    figure: { ...describeLoad(bare), diskFlushUs: flushUs },
    figureText: `bare ${loadText(bare)}; durable ${ofBare(app)}, flush off ${ofBare(unflushed)} of it`,
    baseline: { diskFlushUs: flushUs },
    baselineText: `disk: 12 KiB write + fdatasync median ${us(flushUs.median)}, p95 ${us(flushUs.p95)}`,
    target: '—',
    met: null,
  });
}

/** p99 target at `connections` closed-loop connections: 10 ms at 10, ten times that at 100. */
const p99Target = (connections: number) => connections;

async function measurePostgresRows(): Promise<void> {
  const settings = await postgresSettings();
  const version = `PostgreSQL ${settings.server_version?.split(' ')[0]}`;
  log(
    `postgres: ${version} (fsync ${settings.fsync}, synchronous_commit ${settings.synchronous_commit}); ` +
      `${POSTGRES_CONNECTIONS.join(' and ')} connections, ${ENDPOINT_MS} ms per configuration`,
  );
  const durable = settings.fsync === 'on' && settings.synchronous_commit !== 'off';
  for (const connections of POSTGRES_CONNECTIONS) {
    const [sqlite, one, two] = await measureLoads(
      [
        { kind: 'sqlite', processes: 1, connections },
        { kind: 'postgres', processes: 1, connections },
        { kind: 'postgres', processes: 2, connections },
      ],
      ENDPOINT_MS,
    );
    const oneLatency = summarize(one!.latenciesMs);
    const twoLatency = summarize(two!.latenciesMs);
    const target = p99Target(connections);
    rows.push({
      id: `postgres-upload-${connections}`,
      what: `endpoint upload (protocol 2) on ${version}, 1 process, ${connections} tablets`,
      figure: { ...describeLoad(one!), postgres: settings },
      figureText: loadText(one!, true),
      baseline: describeLoad(sqlite!),
      baselineText: `SQLite, durable, 1 process: ${loadText(sqlite!)}`,
      target: `p99 ≤ ${target} ms; none lost${durable ? '' : ' (fsync OFF: not durable)'}`,
      met: oneLatency.p99 <= target && sound(one!) && durable,
    });
    const ratio = two!.uploadsPerSecond / one!.uploadsPerSecond;
    rows.push({
      id: `postgres-two-processes-${connections}`,
      what: `  the same, 2 processes behind one database, ${connections} tablets`,
      figure: { ...describeLoad(two!), ratioToOneProcess: Math.round(ratio * 1000) / 1000 },
      figureText: `${loadText(two!, true)} (${ratio.toFixed(2)}× 1 process)`,
      baseline: describeLoad(one!),
      baselineText: `1 process: ${loadText(one!)}`,
      target: `≥ 1 process, p99 ≤ ${target} ms; none lost`,
      met: ratio >= 1 && twoLatency.p99 <= target && sound(two!) && durable,
    });
  }
}

async function measureDashboardRows(): Promise<void> {
  const kinds = ['sqlite', 'postgres'] as const;
  for (const kind of kinds) {
    if (kind === 'postgres') postgresUrl(); // says what to install before the long seeding
    log(
      `dashboard (${kind}): seeding ${SITES} sites × ${TABLETS} tablets × a year, then ${DASHBOARD_RUNS} runs`,
    );
    const timing = await measureDashboard(kind, DASHBOARD_RUNS, log);
    const { allSitesSamples, oneSiteSamples, ...figure } = timing;
    rows.push({
      id: `dashboard-year-${kind}`,
      what: `dashboard, all sites' year (${timing.sites} sites × ${timing.tablets} tablets, ${timing.requests} requests), ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
      figure: { ...figure, samples: allSitesSamples },
      figureText: `${spread(timing.allSitesMs)}, ${(timing.bytes / 1e6).toFixed(1)} MB (first view, rolling a year up: ${Math.round(timing.firstViewMs)} ms)`,
      baseline: { oneSiteMs: timing.oneSiteMs, samples: oneSiteSamples },
      baselineText: `one site's days of the year: ${spread(timing.oneSiteMs)}`,
      target: 'median ≤ 200 ms, every seeded day summed',
      met: timing.allSitesMs.median <= 200 && timing.daysAnswered === timing.daysSeeded,
    });
  }
}

async function measureHostileRow(): Promise<void> {
  log(`hostile bodies: ${RUNS} runs each`);
  const [normal, ...hostile] = await measureHostileBodies(RUNS);
  const worst = hostile.reduce((a, b) => (b.ms.median > a.ms.median ? b : a));
  rows.push({
    id: 'endpoint-worst-body',
    what: 'worst upload body ≤ 256 KiB, answered in-process (SQLite)',
    figure: { worst: worst.name, bodies: hostile },
    figureText: `${spread(worst.ms)} (${worst.name}: ${worst.status}, ${worst.issues} issues, ${worst.answerBytes} B)`,
    baseline: { normal },
    baselineText: `normal upload: ${spread(normal!.ms)}`,
    target: '400, ≤ 20 issues, < 8 KiB, p95 ≤ 100 ms',
    met: hostile.every(
      (body) =>
        body.status === 400 &&
        body.issues <= 20 &&
        body.answerBytes < 8 * 1024 &&
        body.ms.p95 <= 100,
    ),
  });
}

async function measureDoor(): Promise<void> {
  const server = await startAppServer();
  const shell = await serveFiles(staticShellSite(DIST));
  const bareFirstTap = await serveFiles(bareFirstTapSite(DIST));
  const bare = await serveFiles({ '/': BARE_BUTTON_PAGE });
  const context = await launchPersistent(newProfileDir());
  try {
    // Install both service workers while their servers run, then stop every server: offline.
    const page = await probedPage(context);
    await installServiceWorker(page, server.url);
    await setUpStaffPins(page); // a fresh tablet asks for staff PINs before the door
    await waitForDoor(page);
    const centre = await checkInCentre(page);
    // The same shell: the shell-like sites paint the door's site name and button.
    for (const site of [shell, bareFirstTap]) await installShellSite(page, site.url);
    await Promise.all([server.stop(), shell.stop(), bareFirstTap.stop()]);

    log(`door: ${RUNS} taps at ${THROTTLE}×, each beside a bare strict put`);
    // A page behind another tab gets no frames and 1 s timers: measure only the front one.
    await page.bringToFront();
    await page.reload();
    await waitForDoor(page);
    await throttle(page);
    await tapTheDoor(page, 2); // warm-up: the first taps open and warm the database
    await barePut(page);
    const puts: number[] = [];
    const taps = await tapTheDoor(page, RUNS, async () => {
      puts.push(await barePut(page));
    });
    await page.close();
    const barePage = await probedPage(context);
    await barePage.goto(bare.url);
    await bare.stop();
    await barePage.bringToFront();
    await throttle(barePage);
    await tapBareButton(barePage, 2);
    const bareTaps = await tapBareButton(barePage, RUNS);
    await tapBarePut(barePage, 2);
    const tapPuts = await tapBarePut(barePage, RUNS);
    await barePage.close();

    const interaction = summarize(taps.interaction);
    const bareInteraction = summarize(bareTaps.interaction);
    rows.push({
      id: 'tap-next-paint',
      what: `tap → next paint (Event Timing interaction), ${THROTTLE}×`,
      figure: {
        interactionMs: interaction,
        reportedOverThreshold: taps.reported,
        belowThresholdCountedAs: BELOW_THRESHOLD_MS,
        afterFrameMs: summarize(taps.afterFrame),
        samples: taps.interaction,
      },
      figureText: `p75 ${ms(interaction.p75)}, max ${ms(interaction.max)} (${taps.reported}/${RUNS} reported at ≥ 16 ms)`,
      baseline: {
        interactionMs: bareInteraction,
        reportedOverThreshold: bareTaps.reported,
        afterFrameMs: summarize(bareTaps.afterFrame),
        samples: bareTaps.interaction,
      },
      baselineText: `bare <button>: p75 ${ms(bareInteraction.p75)}, max ${ms(bareInteraction.max)}`,
      target: 'p75 ≤ 24 ms, max ≤ 50 ms',
      met: interaction.p75 <= 24 && interaction.max <= 50,
    });

    const stored = summarize(taps.stored);
    const welcomed = summarize(taps.welcomed);
    const put = summarize(puts);
    const tapPut = summarize(tapPuts);
    rows.push({
      id: 'tap-stored',
      what: `tap → stored (click → strict commit of the tap's transaction), ${THROTTLE}×`,
      figure: {
        ms: stored,
        samples: taps.stored,
        clickToVelkommenMs: welcomed,
        velkommenSamples: taps.welcomed,
      },
      figureText: `p95 ${ms(stored.p95)} (median ${ms(stored.median)}); Velkommen p95 ${ms(welcomed.p95)}`,
      baseline: { ms: tapPut, samples: tapPuts, putAloneMs: put, putAloneSamples: puts },
      baselineText: `tap → bare strict put: p95 ${ms(tapPut.p95)} (median ${ms(tapPut.median)}); put alone p95 ${ms(put.p95)}`,
      target: `p95 ≤ 1.5 × bare p95 = ${ms(1.5 * tapPut.p95)}`,
      met: stored.p95 <= 1.5 * tapPut.p95,
    });

    log(
      `cold start: ${COLD_RUNS} offline loads each of the door and the static shell, at ${THROTTLE}×`,
    );
    const appPaint: number[] = [];
    const appDoor: number[] = [];
    const shellPaint: number[] = [];
    let uncontrolled = 0;
    for (let run = 0; run < COLD_RUNS; run++) {
      // Alternate which goes first, so neither always meets a warmer browser.
      const order = run % 2 === 0 ? ['app', 'shell'] : ['shell', 'app'];
      for (const which of order) {
        const load = await coldLoad(
          context,
          which === 'app' ? server.url : shell.url,
          which === 'app',
        );
        if (!load.controlled) uncontrolled += 1;
        if (which === 'app') {
          appPaint.push(load.firstPaint);
          appDoor.push(load.doorAt ?? Number.NaN);
        } else shellPaint.push(load.firstPaint);
      }
    }
    const paint = summarize(appPaint);
    const shellSummary = summarize(shellPaint);
    rows.push({
      id: 'cold-first-paint',
      what: `offline cold start, service worker stopped: first paint, ${THROTTLE}×`,
      figure: {
        firstContentfulPaintMs: paint,
        doorButtonInDomMs: summarize(appDoor),
        samples: appPaint,
      },
      figureText: `median ${ms(paint.median)} (p95 ${ms(paint.p95)})`,
      baseline: {
        firstContentfulPaintMs: shellSummary,
        samples: shellPaint,
        uncontrolledLoads: uncontrolled,
      },
      baselineText: `static shell under a SW: median ${ms(shellSummary.median)}`,
      target: `median ≤ 1.15 × shell = ${ms(1.15 * shellSummary.median)}`,
      met: paint.median <= 1.15 * shellSummary.median && uncontrolled === 0,
    });

    log(
      `first tap: ${COLD_RUNS} offline cold loads each of the door and the bare first tap, tapped every 10 ms until Velkommen`,
    );
    const counted: number[] = [];
    const bareCounted: number[] = [];
    const tapRuns = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      // Alternate which goes first, as for the first paint.
      const order = run % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
      for (const which of order) {
        if (which === 'app') {
          const result = await firstTapCounted(context, server.url, centre);
          tapRuns.push(result);
          counted.push(result.countedAt ?? Number.POSITIVE_INFINITY);
        } else {
          const result = await firstTapCounted(context, bareFirstTap.url, centre);
          bareCounted.push(result.countedAt ?? Number.POSITIVE_INFINITY);
        }
      }
    }
    const first = summarize(counted);
    const bareFirst = summarize(bareCounted);
    rows.push({
      id: 'first-tap-counted',
      what: `offline cold start: first tap counted (tap every 10 ms), ${THROTTLE}×`,
      figure: { ms: first, runs: tapRuns },
      figureText: `median ${ms(first.median)} (p95 ${ms(first.p95)})`,
      baseline: {
        bareFirstTapMs: bareFirst,
        bareSamples: bareCounted,
        coldFirstPaintOfDoorMs: paint.median,
        staticShellFirstPaintMs: shellSummary.median,
      },
      baselineText: `bare first tap (the shell + one strict put) median ${ms(bareFirst.median)}; door first paint ${ms(paint.median)}; shell ${ms(shellSummary.median)}`,
      // Beside what the platform alone takes for the same tap on this machine (the bare first
      // tap): an absolute 400 ms, the target of the round that set it, is missed by the bare
      // page itself on a slow tablet (test/bench/PERFORMANCE.md, fourth round).
      target: `median ≤ 1.25 × bare = ${ms(1.25 * bareFirst.median)}`,
      met: first.median <= 1.25 * bareFirst.median,
    });
  } finally {
    await context.close();
    await Promise.all([server.stop(), shell.stop(), bareFirstTap.stop(), bare.stop()]).catch(
      () => undefined,
    );
  }
}

async function measureDomainRows(): Promise<void> {
  log(
    `domain: closing summary of a 1,000-event day, a year's CSV and funder report, ${RUNS} runs at ${THROTTLE}×`,
  );
  const context = await launchPersistent(newProfileDir());
  try {
    const domain = await measureDomain(context, RUNS);
    const closing = summarize(domain.closingMs);
    rows.push({
      id: 'closing-summary',
      what: `closing summary of a day with 1,000 events (from tally state), ${THROTTLE}×`,
      figure: { ms: closing, tallyRows: domain.closingTallyRows, totals: domain.closingTotals },
      figureText: spread(closing),
      baseline: null,
      baselineText: `${domain.closingTallyRows} tally rows → ${domain.closingTotals} totals`,
      target: 'p95 ≤ 50 ms',
      met: closing.p95 <= 50,
    });
    const wide = summarize(domain.csvWideMs);
    const long = summarize(domain.csvLongMs);
    rows.push({
      id: 'csv-year',
      what: `CSV export of a year of day totals (wide layout), ${THROTTLE}×`,
      figure: {
        wideMs: wide,
        longMs: long,
        days: domain.csvDays,
        bytes: domain.csvBytes,
        tallyRows: domain.yearTallyRows,
      },
      figureText: spread(wide),
      baseline: null,
      baselineText: `${domain.csvDays} days, ${domain.yearTallyRows} tally rows; long layout p95 ${ms(long.p95)}`,
      target: 'p95 ≤ 100 ms',
      met: wide.p95 <= 100 && long.p95 <= 100,
    });
    const funder = summarize(domain.funderMs);
    const computing = summarize(domain.funderComputeMs);
    rows.push({
      id: 'funder-report-year',
      what: `funder report of a year (both years' days read, every figure), ${THROTTLE}×`,
      figure: {
        ms: funder,
        computeMs: computing,
        days: domain.csvDays,
        visits: domain.funderVisits,
      },
      figureText: spread(funder),
      baseline: null,
      baselineText: `${domain.csvDays} days, ${domain.funderVisits} visits; computing alone p95 ${ms(computing.p95)}`,
      target: 'p95 ≤ 100 ms',
      met: funder.p95 <= 100,
    });
  } finally {
    await context.close();
  }
}

async function measureLighthouseRow(): Promise<void> {
  log(`Lighthouse: ${LIGHTHOUSE_RUNS} runs on the door (default mobile config)`);
  const server = await startAppServer();
  try {
    const runs = await measureLighthouse(server.url, LIGHTHOUSE_RUNS);
    const lowest = (key: 'performance' | 'accessibility' | 'bestPractices') =>
      Math.min(...runs.map((run) => run[key]));
    const scores = {
      performance: lowest('performance'),
      accessibility: lowest('accessibility'),
      bestPractices: lowest('bestPractices'),
    };
    rows.push({
      id: 'lighthouse',
      what: 'Lighthouse on the door (lowest of the runs)',
      figure: { ...scores, runs },
      figureText: `perf ${scores.performance}, a11y ${scores.accessibility}, best practices ${scores.bestPractices}`,
      baseline: null,
      baselineText: '—',
      target: 'all 100',
      met:
        scores.performance === 100 && scores.accessibility === 100 && scores.bestPractices === 100,
    });
  } finally {
    await server.stop();
  }
}

function printTable(): void {
  const header = ['what', 'figure', 'baseline (same run)', 'target', 'met'];
  const body = rows.map((row) => [
    row.what,
    row.figureText,
    row.baselineText,
    row.target,
    row.met === null ? '—' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...body.map((cells) => cells[i]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cells of body) console.log(line(cells));
}

async function main(): Promise<void> {
  const started = new Date();
  const steps: Array<[string, () => unknown]> = [
    ['sizes', measureBundle],
    ['endpoint', measureUploads],
    ['postgres', measurePostgresRows],
    ['dashboard', measureDashboardRows],
    ['hostile', measureHostileRow],
    ['door', measureDoor],
    ['domain', measureDomainRows],
    ['engines', async () => rows.push(...(await measureEngines(log)))],
    ['lighthouse', measureLighthouseRow],
  ];
  const errors: Record<string, string> = {};
  // BENCH_ONLY=door,domain runs a subset (while profiling one figure).
  const only = process.env.BENCH_ONLY?.split(',');
  for (const [name, step] of steps.filter(([name]) => !only || only.includes(name))) {
    try {
      await step();
    } catch (error) {
      errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${name} failed: ${errors[name]}`);
    }
  }
  printTable();
  const results = {
    date: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    machine: describeMachine(CHROMIUM),
    settings: {
      cpuThrottling: THROTTLE,
      runs: RUNS,
      coldRuns: COLD_RUNS,
      lighthouseRuns: LIGHTHOUSE_RUNS,
      endpointMs: ENDPOINT_MS,
      connections: CONNECTIONS,
      postgresConnections: POSTGRES_CONNECTIONS,
      dashboardRuns: DASHBOARD_RUNS,
    },
    rows,
    errors,
  };
  writeFileSync(join(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote bench-results.json in ${results.durationSeconds} s`);
  if (Object.keys(errors).length > 0) process.exitCode = 1;
}

await main();
