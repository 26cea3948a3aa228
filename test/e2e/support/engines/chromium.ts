// Chromium for end-to-end tests: Debian's build, spawned on a persistent profile (so it can be
// killed by its pid) and driven by playwright-core over CDP.
import type { Page } from 'playwright-core';
import { requireChromium } from '../browser.ts';
import { launchKillable } from '../killable.ts';
import { browserFrom, pageFunctionSource, type AnyPageFunction } from './page.ts';
import type { Engine, EngineBrowser, EngineCore, LaunchOptions } from './types.ts';

/** An expression that calls a page function with its JSON argument (a promise is awaited). */
export function callExpression(fn: AnyPageFunction, arg: unknown): string {
  const json = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(${pageFunctionSource(fn)})(${json})`;
}

async function launch(options: LaunchOptions): Promise<EngineBrowser> {
  const running = await launchKillable(options.profileDir);
  if (options.initScript !== undefined) await running.context.addInitScript(options.initScript);
  const page: Page = running.context.pages()[0] ?? (await running.context.newPage());
  const core: EngineCore = {
    engine: 'chromium',
    async goto(url) {
      await page.goto(url);
    },
    async reload() {
      await page.reload();
    },
    url: async () => page.url(),
    evaluate: (fn, arg) => page.evaluate(callExpression(fn, arg)),
    async pointer(x, y, holdMs = 0) {
      await page.mouse.move(x, y);
      await page.mouse.down();
      if (holdMs > 0) await page.waitForTimeout(holdMs);
      await page.mouse.up();
    },
    close: () => running.close(),
    kill: () => running.kill(),
  };
  return browserFrom(core);
}

export const chromiumEngine: Engine = {
  name: 'chromium',
  label: 'Chromium',
  require: requireChromium,
  launch,
};
