// A staff session left alone, in Chromium: "Fortsatt her?" shows ten seconds before the
// screen returns to the door, its button keeps the screen open, and the warning (and the
// lead's back-fill question and timeout control) pass axe. Real timers: the lead first sets
// the site's idle timeout to its shortest, 15 s, so the warning shows after 5 s.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/page-checks.ts';
import type { RunningServer } from './support/server.ts';
import { setUpStaffPins } from './support/staff.ts';
import { leaveStaffMode } from './support/staff-mode.ts';
import { closeTablet, openTablet } from './support/tablet.ts';

const PINS = { volunteer: '1111', lead: '222222' };

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
  });

  afterAll(() => closeTablet({ server, context }));

  it('"Glemt PIN?" is on the pad from the start, and its form has no violations', async () => {
    await page.goto(`${server.url}/#/staff`);
    await page.getByRole('button', { name: 'Glemt PIN?' }).click();
    await page.getByRole('textbox', { name: 'Gjenopprettingskode' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Avbryt' }).click();
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
    // The site's idle timeout, which a role without a tablet timeout uses: 15 s.
    const tablet = page.getByRole('form', { name: 'Nettbrettet' });
    await tablet.getByRole('textbox', { name: 'Sekunder før personalskjermen lukkes' }).fill('15');
    await tablet.getByRole('button', { name: 'Lagre – Nettbrettet' }).click();
    await tablet
      .getByRole('status')
      .filter({ hasText: 'Lagret: Sekunder før personalskjermen lukkes' })
      .waitFor();
    await leaveStaffMode(page);
  });

  it('the staff warning appears before the timeout, and keeps the screen open', async () => {
    await signIn(page, server, PINS.volunteer);
    const signedIn = page.getByText('Innlogget som frivillig');
    const warning = page.getByRole('alertdialog', { name: 'Fortsatt her?' });
    const started = Date.now();
    await warning.waitFor({ timeout: 10_000 });
    const shownAfter = Date.now() - started;
    // Shown about five seconds in, while the screen is still open.
    expect(shownAfter).toBeGreaterThan(3_000);
    expect(await signedIn.isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);

    await warning.getByRole('button', { name: 'Ja, fortsett' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(await signedIn.isVisible()).toBe(true);
    // Left alone again, it warns again and then returns to the door.
    await warning.waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor({ timeout: 15_000 });
  });
});
