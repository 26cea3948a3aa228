/**
 * Lighthouse on the door, in the system Chromium. The browser is launched by playwright-core
 * with a debugging port so the tablet's staff PINs can be set first, as the e2e helper does (a
 * fresh tablet asks for them before the door), and Lighthouse keeps that storage.
 */
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, newProfileDir } from '../e2e/support/browser.ts';
import { setUpStaffPins } from '../e2e/support/staff.ts';
import { freePort } from './app-server.ts';
import { waitForDoor } from './door-bench.ts';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Audits that did not score 1 in a category we hold at 100. */
  failing: string[];
}

export async function measureLighthouse(url: string, runs: number): Promise<LighthouseScores[]> {
  const port = await freePort();
  const context = await chromium.launchPersistentContext(newProfileDir(), {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--headless'],
    args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`],
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await setUpStaffPins(page);
    await waitForDoor(page);
    await page.goto('about:blank');
    const scores: LighthouseScores[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        disableStorageReset: true,
      });
      if (result === undefined) throw new Error('Lighthouse returned no result');
      const { categories, audits } = result.lhr;
      const failing = Object.values(categories)
        .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
        .map((ref) => audits[ref.id]!)
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map(
          (audit) =>
            `${audit.id} (${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})`,
        );
      scores.push({
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        bestPractices: Math.round((categories['best-practices']?.score ?? 0) * 100),
        failing: [...new Set(failing)],
      });
    }
    // What Lighthouse saw is this profile's door: check it still is the door, not a PIN screen.
    await page.goto(url);
    await waitForDoor(page);
    return scores;
  } finally {
    await context.close();
  }
}
