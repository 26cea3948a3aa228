import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuild } from './support/dist.ts';
import {
  brotliSize,
  FIRST_PAINT_BUDGET,
  firstPaintAssets,
  precachedJs,
  precachedPaths,
  PRECACHED_JS_BUDGET,
} from '../bench/sizes.ts';
import { PRESETS } from '../../src/domain/presets/index.ts';

describe('bundle budgets', () => {
  const dist = requireBuild();
  /** The JS the door's first paint loads, as one text. */
  const firstPaintCode = () =>
    firstPaintAssets(dist)
      .filter((asset) => asset.endsWith('.js'))
      .map((asset) => readFileSync(asset, 'utf8'))
      .join('\n');

  it(`JS and CSS before the first paint stay within ${FIRST_PAINT_BUDGET} bytes brotli`, () => {
    const assets = firstPaintAssets(dist);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    const total = assets.reduce((sum, asset) => sum + brotliSize(asset), 0);
    console.log(`first paint: ${total} bytes brotli in ${assets.length} files`);
    expect(total).toBeLessThanOrEqual(FIRST_PAINT_BUDGET);
  });

  it('the first paint needs neither Dexie nor zod', () => {
    const code = firstPaintCode();
    expect(code).not.toMatch(/Dexie/);
    expect(code).not.toMatch(/ZodError|\$ZodType/);
  });

  it('the first paint carries no preset: a set-up tablet paints from its own copy', () => {
    const code = firstPaintCode();
    for (const preset of PRESETS) expect(code).not.toContain(preset.name);
  });

  it("the self-test's checks load when it opens, not with the door", () => {
    const code = firstPaintCode();
    expect(code).not.toContain('(display-mode: standalone)');
  });

  it('the funder report loads with staff mode, not with the door', () => {
    expect(firstPaintCode()).not.toContain('print-funder-report');
  });

  it(`all precached JS stays within ${PRECACHED_JS_BUDGET} bytes brotli`, () => {
    const files = precachedJs(dist);
    const total = files.reduce((sum, path) => sum + brotliSize(join(dist, path)), 0);
    console.log(`precached JS: ${total} bytes brotli in ${files.length} files`);
    expect(total).toBeLessThanOrEqual(PRECACHED_JS_BUDGET);
  });

  it('precaches every JS file of the tablet and none of the dashboard', () => {
    const dashboardPage = readFileSync(join(dist, 'dashboard.html'), 'utf8');
    const dashboardFiles = [
      'dashboard.html',
      ...[...dashboardPage.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!),
    ];
    expect(dashboardFiles.filter((path) => path.endsWith('.js'))).not.toEqual([]);
    const precached = precachedPaths(dist);
    expect(precached.filter((path) => /dashboard/.test(path))).toEqual([]);
    expect(dashboardFiles.filter((path) => precached.includes(path))).toEqual([]);
    // Every other script of the build is the tablet's, and precached: none was left out but
    // the two that only ever load online (vite.config.ts's ONLINE_ONLY_FILES).
    const scripts = readdirSync(join(dist, 'assets'))
      .map((name) => `assets/${name}`)
      .filter((path) => path.endsWith('.js') && !dashboardFiles.includes(path));
    const onlineOnly = /^assets\/config-(travel|review)-[\w-]+\.js$/;
    expect(scripts.filter((path) => !precached.includes(path) && !onlineOnly.test(path))).toEqual(
      [],
    );
  });

  it("talking to the endpoint about the site's configuration, and its review, are not precached", () => {
    const scripts = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
    const online = scripts.filter((name) => /^config-(travel|review)-/.test(name));
    expect(online.map((name) => name.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual([
      'config-review',
      'config-travel',
    ]);
    const precached = precachedPaths(dist);
    expect(online.filter((name) => precached.includes(`assets/${name}`))).toEqual([]);
    // The offline part (following a version, "ikke publisert") is in the precached sync chunk.
    expect(precached.some((path) => /^assets\/sync-/.test(path))).toBe(true);
    // The tablet's page names nothing of the dashboard's: the tablet never downloads it.
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toMatch(/dashboard/);
  });
});
