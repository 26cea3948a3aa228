/**
 * Brotli sizes of the build, counted the way test/e2e/bundle-size.test.ts counts them (that test
 * fails the build on the budgets; this prints the figures beside the others).
 */
import { readFileSync, readdirSync } from 'node:fs';
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
    readdirSync(join(dist, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => [`assets/${name}`, brotliSize(join(dist, 'assets', name))]),
  );
  const sum = (sizes: Record<string, number>) => Object.values(sizes).reduce((a, b) => a + b, 0);
  return {
    firstPaintBytes: sum(firstPaintFiles),
    firstPaintFiles,
    precachedJsBytes: sum(precachedJsFiles),
    precachedJsFiles,
  };
}
