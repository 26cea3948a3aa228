/**
 * Brotli sizes of the build, counted the way test/e2e/bundle-size.test.ts counts them (that test
 * fails the build on the budgets; this prints the figures beside the others).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

export function brotliSize(path: string): number {
  return brotliCompressSync(readFileSync(path), {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
}

/**
 * Budgets in bytes, brotli at the highest quality (what a static host serves): the size test's
 * and the bench's.
 */
export const FIRST_PAINT_BUDGET = 20_000;
export const PRECACHED_JS_BUDGET = 130_000;

/** The JS and CSS index.html names: what must load before the door's first paint. */
export function firstPaintAssets(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
    assets.add(match[1]!);
  for (const match of html.matchAll(
    /<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g,
  ))
    assets.add(match[1]!);
  return [...assets].map((asset) => join(dist, asset));
}

/**
 * Every path the service worker precaches (the injected manifest's `"url"` entries), relative to
 * dist/. What a tablet downloads is this list: the dashboard's files are built into dist/ too,
 * and must never be in it.
 */
export function precachedPaths(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const paths = [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
  if (paths.length === 0) throw new Error('sw.js holds no precache manifest');
  return [...new Set(paths)];
}

/** The precached JavaScript files, relative to dist/. */
export const precachedJs = (dist: string): string[] =>
  precachedPaths(dist).filter((path) => path.endsWith('.js'));

export interface SizeFigures {
  firstPaintBytes: number;
  firstPaintFiles: Record<string, number>;
  precachedJsBytes: number;
  precachedJsFiles: Record<string, number>;
}

export function measureSizes(dist: string): SizeFigures {
  const firstPaintFiles = Object.fromEntries(
    firstPaintAssets(dist).map((path) => [path.slice(dist.length + 1), brotliSize(path)]),
  );
  const precachedJsFiles = Object.fromEntries(
    precachedJs(dist).map((path) => [path, brotliSize(join(dist, path))]),
  );
  const sum = (sizes: Record<string, number>) => Object.values(sizes).reduce((a, b) => a + b, 0);
  return {
    firstPaintBytes: sum(firstPaintFiles),
    firstPaintFiles,
    precachedJsBytes: sum(precachedJsFiles),
    precachedJsFiles,
  };
}
