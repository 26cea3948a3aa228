// The app shell under the endpoint's Content-Security-Policy, in Chromium: the policy hashes the
// built index.html's inline script, and the door (first paint by that script, then the app,
// offline by its service worker) loads without a single violation.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkInAtDoor, tallyNet, waitForServiceWorker } from './support/door.ts';
import { DIST } from './support/dist.ts';
import { setUpStaffPins } from './support/staff.ts';
import { closeTablet, openTablet, type Tablet } from './support/tablet.ts';

let tablet: Tablet;
beforeAll(async () => {
  tablet = await openTablet();
  // Every violation the page reports, from before its first script on.
  await tablet.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
});
afterAll(() => closeTablet(tablet ?? {}));

const violations = () =>
  tablet.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

it("allows the built shell's inline script by its sha256, and frames nowhere", async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const start = html.indexOf('<script>') + '<script>'.length;
  const script = html.slice(start, html.indexOf('</script>', start));
  const hash = createHash('sha256').update(script).digest('base64');
  const answer = await fetch(tablet.server.url);
  const policy = answer.headers.get('content-security-policy') ?? '';
  expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
});

it('loads the door, online and then offline, with no CSP violation', async () => {
  const { page, server } = tablet;
  await page.goto(server.url);
  await setUpStaffPins(page);
  await waitForServiceWorker(page);
  await checkInAtDoor(page);
  expect(await violations()).toEqual([]);
  await server.stop();
  await page.reload();
  await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
  // The shell's inline script ran (it sets up the early-tap queue) under the policy.
  expect(
    await page.evaluate(() =>
      Array.isArray((window as unknown as { __terskelEarlyTaps?: unknown }).__terskelEarlyTaps),
    ),
  ).toBe(true);
  await checkInAtDoor(page);
  expect(await tallyNet(page, 'visit')).toBe(2);
  expect(await violations()).toEqual([]);
});
