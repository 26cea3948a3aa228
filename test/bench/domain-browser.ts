/**
 * Builds page/domain-bench.ts (the app's own storage and domain modules) into a throwaway
 * page, then times the closing summary of a 1,000-event day, a year's CSV and a year's funder
 * report at 4×.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from './app-server.ts';
import { throttle } from './door-bench.ts';
import type { DomainBench } from './page/domain-bench.ts';
import { serveFiles, type StaticFile } from './static-server.ts';

declare global {
  interface Window {
    domainBench: DomainBench;
  }
}

/** The page's modules by URL path (the entry and any chunk it imports). */
async function buildBenchPage(): Promise<Record<string, StaticFile>> {
  const outDir = mkdtempSync(join(tmpdir(), 'terskel-bench-page-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      lib: { entry: join(ROOT, 'test/bench/page/domain-bench.ts'), formats: ['es'] },
      rollupOptions: { output: { entryFileNames: 'domain-bench.js' } },
    },
  });
  const files: Record<string, StaticFile> = {};
  for (const name of readdirSync(outDir).filter((file) => file.endsWith('.js'))) {
    files[`/${name}`] = {
      type: 'text/javascript; charset=utf-8',
      body: readFileSync(join(outDir, name)),
    };
  }
  if (files['/domain-bench.js'] === undefined)
    throw new Error(`The bench page did not build into ${outDir}`);
  return files;
}

export interface DomainSamples {
  closingMs: number[];
  closingTallyRows: number;
  closingTotals: number;
  csvWideMs: number[];
  csvLongMs: number[];
  csvDays: number;
  csvBytes: number;
  funderMs: number[];
  /** The figures alone, after both years' days were read. */
  funderComputeMs: number[];
  funderVisits: number;
  yearTallyRows: number;
}

const DAY = '2026-11-26';
const YEAR_FROM = '2025-01-01';
const YEAR_TO = '2025-12-31';

export async function measureDomain(
  context: BrowserContext,
  runs: number,
  /** Runs after seeding, at 4× (the profiler hooks in here). */
  afterSeeding?: (page: Page) => Promise<void>,
): Promise<DomainSamples> {
  const server = await serveFiles({
    '/': {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>domain bench</title><script type="module" src="/domain-bench.js"></script>',
    },
    ...(await buildBenchPage()),
  });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.domainBench !== undefined);
    // Seeding is not measured and runs unthrottled; only the reads are timed at 4×.
    const closingTallyRows = await page.evaluate(
      (day) => window.domainBench.seedDay('bench-day', day, 1000, 20),
      DAY,
    );
    const yearTallyRows = await page.evaluate(
      (from) => window.domainBench.seedYear('bench-year', from, 365),
      YEAR_FROM,
    );
    await throttle(page);
    await afterSeeding?.(page);
    const samples: DomainSamples = {
      closingMs: [],
      closingTallyRows,
      closingTotals: 0,
      csvWideMs: [],
      csvLongMs: [],
      csvDays: 0,
      csvBytes: 0,
      funderMs: [],
      funderComputeMs: [],
      funderVisits: 0,
      yearTallyRows,
    };
    for (let run = 0; run < runs; run++) {
      const closing = await page.evaluate(
        (day) => window.domainBench.closingSummary('bench-day', day),
        DAY,
      );
      samples.closingMs.push(closing.ms);
      samples.closingTotals = closing.totals;
      const wide = await page.evaluate(
        ([from, to]) => window.domainBench.csvOfRange('bench-year', from, to, 'wide'),
        [YEAR_FROM, YEAR_TO] as const,
      );
      samples.csvWideMs.push(wide.ms);
      samples.csvDays = wide.days;
      samples.csvBytes = wide.bytes;
      const long = await page.evaluate(
        ([from, to]) => window.domainBench.csvOfRange('bench-year', from, to, 'long'),
        [YEAR_FROM, YEAR_TO] as const,
      );
      samples.csvLongMs.push(long.ms);
      const funder = await page.evaluate(
        ([from, to]) => window.domainBench.funderReportOfRange('bench-year', from, to),
        [YEAR_FROM, YEAR_TO] as const,
      );
      samples.funderMs.push(funder.ms);
      samples.funderComputeMs.push(funder.computeMs);
      samples.funderVisits = funder.visits;
    }
    return samples;
  } finally {
    await page.close();
    await server.stop();
  }
}
