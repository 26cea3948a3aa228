// What a page looks like to a checker: axe-core's violations and boxes whose content is wider
// than they are, for the accessibility and layout tests.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** The tablet sizes every screen must fit: a portrait tablet and a small laptop. */
export const VIEWPORTS = [
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

let axeText: string | undefined;
const axeSource = () => (axeText ??= readFileSync(AXE, 'utf8'));

/** axe-core's violations on the page as it is now, one line each. */
export async function violations(page: Page): Promise<string[]> {
  // Evaluated through the driver, not added as a <script>: the shell's CSP (rightly) refuses
  // inline scripts that are not its own.
  await page.evaluate(axeSource());
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (found as AxeViolation[]).map(
    (violation) =>
      `${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/**
 * Elements in the page's main whose content is wider than their box (text for screen readers
 * only is clipped on purpose and does not count). A box made to scroll
 * sideways (a table with a column per counter) counts only if the keyboard cannot reach it.
 */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push(`page ${root.scrollWidth}>${root.clientWidth}`);
    for (const element of document.querySelectorAll('main *')) {
      // Text for screen readers only is clipped to one pixel on purpose.
      if (element.classList.contains('visually-hidden')) continue;
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
      if (scrolls && (element as HTMLElement).tabIndex >= 0) continue;
      if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.slice(0, 30)}" ${element.scrollWidth}>${element.clientWidth}`,
        );
      }
    }
    return found;
  });
}

/** What overflows at each of the tablet sizes, each line named by its size and `where`. */
export async function overflowingAtBothSizes(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    // One frame for the layout to settle at the new size.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    for (const problem of await overflowing(page)) {
      problems.push(`${where} at ${viewport.width}×${viewport.height}: ${problem}`);
    }
  }
  return problems;
}
