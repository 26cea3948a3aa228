import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { overflowingAtBothSizes, violations } from './support/page-checks.ts';
import type { RunningServer } from './support/server.ts';
import { setUpStaffPins } from './support/staff.ts';
import { signInAsStaff } from './support/staff-mode.ts';
import { closeTablet, openTablet } from './support/tablet.ts';
import { visitors } from './support/visitors.ts';

type Locator = ReturnType<Page['locator']>;

/** The vertical centre of an element on the page. */
async function middle(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not on screen');
  return box.y + box.height / 2;
}

/** How far a radio button or checkbox sits off the middle of its label (0: on its line). */
async function offItsLine(page: Page, control: Locator): Promise<number> {
  const label = page.locator('label', { has: control });
  return Math.abs((await middle(control)) - (await middle(label)));
}

/** A field's box and the box of the label around it. */
async function fieldAndLabel(page: Page, name: string) {
  const field = page.getByLabel(name, { exact: true });
  const [label, box] = await Promise.all([
    page.locator('label', { has: field }).boundingBox(),
    field.boundingBox(),
  ]);
  return { label: label!, field: box! };
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

  it('the first-run set-up fits both sizes, radios beside their names, the name unspaced', async () => {
    await page.getByRole('heading', { name: 'Sett opp nettbrettet' }).waitFor();
    const problems = await overflowingAtBothSizes(page, 'first run');
    // Each preset's radio button sits beside its name, on the same line.
    const radioOffset = await offItsLine(
      page,
      page.getByRole('radio', { name: 'Blå Kors Hjerterom Alta' }),
    );
    // The place's name is ordinary text, not spaced out like the PIN digits.
    const nameSpacing = await page
      .getByRole('textbox', { name: 'Stedets navn' })
      .evaluate((input) => getComputedStyle(input).letterSpacing);
    // Set up before asserting, so the screens after this one are checked either way.
    await setUpStaffPins(page);
    expect(radioOffset).toBeLessThan(4);
    expect(nameSpacing).toBe('normal');
    expect(problems).toEqual([]);
  });

  it('nothing overflows on tally, closing, history, report, settings, pairing or self-test; choices sit on one line', async () => {
    // A few visitors, so the closing and history screens have figures and charts to draw.
    await visitors(page, 5);
    await page.getByRole('status').filter({ hasText: 'Velkommen!' }).waitFor({ state: 'hidden' });
    await signInAsStaff(page, '222222');
    const problems: string[] = [];
    await page.getByRole('heading', { name: 'Telling' }).first().waitFor();
    problems.push(...(await overflowingAtBothSizes(page, 'tally')));
    await open(page, 'Dagsoppgjør', 'Dagsoppgjør');
    problems.push(...(await overflowingAtBothSizes(page, 'closing')));
    await open(page, 'Historikk', 'Historikk og eksport');
    await page.getByRole('img', { name: /^Besøk per dag/ }).waitFor();
    problems.push(...(await overflowingAtBothSizes(page, 'history')));
    const exportRadio = await offItsLine(
      page,
      page.getByRole('radio', { name: 'Én rad per dag', exact: true }),
    );
    await open(page, 'Rapport', 'Rapport til tilskuddsgivere');
    problems.push(...(await overflowingAtBothSizes(page, 'funder report')));
    await open(page, 'Innstillinger', 'Innstillinger');
    problems.push(...(await overflowingAtBothSizes(page, 'settings and pairing')));
    const languageBox = await offItsLine(
      page,
      page.getByRole('checkbox', { name: 'Norsk bokmål', exact: true }),
    );
    await open(page, 'Selvtest', 'Selvtest av nettbrettet');
    problems.push(...(await overflowingAtBothSizes(page, 'self-test')));
    expect(problems).toEqual([]);
    // Choices read as one line each: the box beside its text, not above it.
    expect(exportRadio).toBeLessThan(4);
    expect(languageBox).toBeLessThan(4);
  });

  it('the settings sections and the pairing form have no violations', async () => {
    await open(page, 'Innstillinger', 'Innstillinger');
    expect(await violations(page)).toEqual([]);
  });

  it("the pairing form's labels stand above their fields, one field under the other", async () => {
    const address = await fieldAndLabel(page, 'Serverens adresse');
    const code = await fieldAndLabel(page, 'Koblingskode');
    for (const { label, field } of [address, code]) {
      // The label's text is above the field, both starting at the same left edge.
      expect(field.y - label.y).toBeGreaterThan(12);
      expect(Math.abs(field.x - label.x)).toBeLessThan(2);
    }
    // And the next label starts clearly below the field before it, not run on after it.
    expect(code.label.y - (address.field.y + address.field.height)).toBeGreaterThanOrEqual(8);
  });
});
