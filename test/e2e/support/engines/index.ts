// The engines the end-to-end suite runs in: all three by default, or those named in
// E2E_ENGINES (a comma list: chromium, firefox, webkit), e.g. to focus on one while working.
import { chromiumEngine } from './chromium.ts';
import { firefoxEngine } from './firefox.ts';
import type { Engine, EngineName } from './types.ts';
import { webkitEngine } from './webkit.ts';

export type { Engine, EngineBrowser, EngineName, Query } from './types.ts';

const ALL: Engine[] = [chromiumEngine, firefoxEngine, webkitEngine];

function chosen(list: string | undefined): Engine[] {
  if (list === undefined || list.trim() === '') return ALL;
  const names = list.split(',').map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !ALL.some((engine) => engine.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `E2E_ENGINES names no engine ${unknown.join(', ')}: use chromium, firefox, webkit`,
    );
  }
  return ALL.filter((engine) => names.includes(engine.name as EngineName));
}

/** The engines this run tests in, in a fixed order. */
export const ENGINES: Engine[] = chosen(process.env.E2E_ENGINES);

/** For `describe.each(ENGINE_CASES)('… in %s', (_label, engine) => …)`: the label, unquoted, in titles. */
export const ENGINE_CASES: Array<[string, Engine]> = ENGINES.map((engine) => [
  engine.label,
  engine,
]);
