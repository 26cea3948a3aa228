import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { overflowingAtBothSizes, violations } from './support/page-checks.ts';
import type { RunningServer } from './support/server.ts';
import { setUpStaffPins } from './support/staff.ts';
import { signInAsStaff } from './support/staff-mode.ts';
import { closeTablet, openTablet } from './support/tablet.ts';
import { visitors } from './support/visitors.ts';

/** The vertical centre of an element on the page. */
async function middle(locator: ReturnType<Page['locator']>): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not on screen');
  return box.y + box.height / 2;
}

/** A field and the label around it: the label's text sits above the field, not beside it. */
async function labelAbove(page: Page, name: string): Promise<{ label: number; field: number }> {
  const field = page.getByLabel(name, { exact: true });
  const label = page.locator('label', { has: field });
  const [labelBox, fieldBox] = await Promise.all([label.boundingBox(), field.boundingBox()]);
  return { label: labelBox!.y, field: fieldBox!.y };
}

/** Opens a staff screen from the menu and waits for its heading. */
async function open(page: Page, menu: string, heading: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
}

describe('every staff screen fits a portrait tablet and a small laptop in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
    await page.goto(server.url);
  });

  afterAll(() => closeTablet({ server, context }));

  it('nothing overflows on the first-run set-up, at 768×1024 and 1280×800', async () => {
    await page.getByRole('heading', { name: 'Sett opp nettbrettet' }).waitFor();
    const problems = await overflowingAtBothSizes(page, 'first run');
    // Each preset's radio button sits beside its name, on the same line.
    const radio = page.getByRole('radio', { name: 'Blå Kors Hjerterom Alta' });
    const choice = page.locator('label', { has: radio });
    expect(Math.abs((await middle(radio)) - (await middle(choice)))).toBeLessThan(4);
    // The place's name is ordinary text, not spaced out like the PIN digits.
    expect(
      await page
        .getByRole('textbox', { name: 'Stedets navn' })
        .evaluate((input) => getComputedStyle(input).letterSpacing),
    ).toBe('normal');
    await setUpStaffPins(page);
    expect(problems).toEqual([]);
  });

  it('nothing overflows on tally, closing, history, report, settings, pairing or self-test', async () => {
    // A few visitors, so the closing and history screens have figures and charts to draw.
    await visitors(page, 5);
    await page.getByRole('status').filter({ hasText: 'Velkommen!' }).waitFor({ state: 'hidden' });
    await signInAsStaff(page, '2222');
    const problems: string[] = [];
    await page.getByRole('heading', { name: 'Telling' }).first().waitFor();
    problems.push(...(await overflowingAtBothSizes(page, 'tally')));
    await open(page, 'Dagsoppgjør', 'Dagsoppgjør');
    problems.push(...(await overflowingAtBothSizes(page, 'closing')));
    await open(page, 'Historikk', 'Historikk og eksport');
    await page.getByRole('img', { name: /^Besøk per dag/ }).waitFor();
    problems.push(...(await overflowingAtBothSizes(page, 'history')));
    await open(page, 'Rapport', 'Rapport til tilskuddsgivere');
    problems.push(...(await overflowingAtBothSizes(page, 'funder report')));
    await open(page, 'Innstillinger', 'Innstillinger');
    problems.push(...(await overflowingAtBothSizes(page, 'settings and pairing')));
    await open(page, 'Selvtest', 'Selvtest av nettbrettet');
    problems.push(...(await overflowingAtBothSizes(page, 'self-test')));
    expect(problems).toEqual([]);
  });

  it('the settings sections and the pairing form have no violations', async () => {
    await open(page, 'Innstillinger', 'Innstillinger');
    expect(await violations(page)).toEqual([]);
  });

  it("the pairing form's labels stand above their fields", async () => {
    for (const name of ['Serverens adresse', 'Koblingskode']) {
      const { label, field } = await labelAbove(page, name);
      expect(field - label, name).toBeGreaterThan(12);
    }
  });
});
