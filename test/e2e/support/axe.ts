// axe-core run in a real page: the violations of the page as it is now, one line each.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

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
