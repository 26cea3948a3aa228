import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuild } from './support/dist.ts';
import { brotliSize, firstPaintAssets } from '../bench/sizes.ts';
import { PRESETS } from '../../src/domain/presets/index.ts';

/** Budgets in bytes, brotli at the highest quality (what a static host serves). */
export const FIRST_PAINT_BUDGET = 20_000;
export const PRECACHED_JS_BUDGET = 100_000;

describe('bundle budgets', () => {
  const dist = requireBuild();

  it(`JS and CSS before the first paint stay within ${FIRST_PAINT_BUDGET} bytes brotli`, () => {
    const assets = firstPaintAssets(dist);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    const total = assets.reduce((sum, asset) => sum + brotliSize(asset), 0);
    console.log(`first paint: ${total} bytes brotli in ${assets.length} files`);
    expect(total).toBeLessThanOrEqual(FIRST_PAINT_BUDGET);
  });

  it('the first paint needs neither Dexie nor zod', () => {
    const code = firstPaintAssets(dist)
      .filter((asset) => asset.endsWith('.js'))
      .map((asset) => readFileSync(asset, 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/Dexie/);
    expect(code).not.toMatch(/ZodError|\$ZodType/);
  });

  it('the first paint carries no preset: a set-up tablet paints from its own copy', () => {
    const code = firstPaintAssets(dist)
      .filter((asset) => asset.endsWith('.js'))
      .map((asset) => readFileSync(asset, 'utf8'))
      .join('\n');
    for (const preset of PRESETS) expect(code).not.toContain(preset.name);
  });

  it(`all precached JS stays within ${PRECACHED_JS_BUDGET} bytes brotli`, () => {
    const files = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
    const total = files.reduce((sum, name) => sum + brotliSize(join(dist, 'assets', name)), 0);
    console.log(`precached JS: ${total} bytes brotli in ${files.length} files`);
    expect(total).toBeLessThanOrEqual(PRECACHED_JS_BUDGET);
  });
});
