// A staff session left alone, in Chromium: "Fortsatt her?" shows ten seconds before the
// screen returns to the door, its button keeps the screen open, and the warning (and the
// lead's back-fill question) pass axe. The page's timers are Playwright's clock, run forward.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import type { RunningServer } from './support/server.ts';
import { setUpStaffPins } from './support/staff.ts';
import { closeTablet, openTablet } from './support/tablet.ts';

const PINS = { volunteer: '1111', lead: '2222' };

async function signIn(page: Page, server: RunningServer, pin: string): Promise<void> {
  await page.goto(`${server.url}/#/staff`);
  await page.getByRole('button', { name: 'Logg inn' }).waitFor();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('navigation').waitFor();
}

describe('a staff session left alone, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
    await page.goto(server.url);
    await setUpStaffPins(page, PINS);
    // From the next load on, the page's timers run only when the test moves the clock.
    await context.clock.install();
    await page.reload();
  });

  afterAll(() => closeTablet({ server, context }));

  it('the staff warning appears before the timeout, and keeps the screen open', async () => {
    await signIn(page, server, PINS.volunteer);
    const warning = page.getByRole('alertdialog', { name: 'Fortsatt her?' });
    await page.clock.runFor(45_000);
    expect(await warning.isVisible()).toBe(false);
    await page.clock.runFor(6_000);
    await warning.waitFor();
    expect(await page.getByText('Innlogget som frivillig').isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);

    await warning.getByRole('button', { name: 'Ja, fortsett' }).click();
    await warning.waitFor({ state: 'hidden' });
    await page.clock.runFor(45_000);
    expect(await page.getByText('Innlogget som frivillig').isVisible()).toBe(true);
    await page.clock.runFor(16_000);
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
  });

  it("the lead's back-fill question and timeout control have no violations", async () => {
    await signIn(page, server, PINS.lead);
    await page.getByRole('textbox', { name: 'Antall', exact: true }).fill('500');
    await page.getByRole('button', { name: 'Legg til fra papirliste' }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nei, avbryt' }).click();
    await page.getByRole('button', { name: 'Innstillinger' }).click();
    await page.getByRole('heading', { name: 'Tidsavbrudd for personalskjermen' }).waitFor();
    expect(await violations(page)).toEqual([]);
  });
});
