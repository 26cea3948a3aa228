// The door tells the truth about the day in Chromium, with Playwright's clock set to the
// moments that used to fool it: Christmas Day, 01.30 on a Saturday, a Thursday in portrait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setUpStaffPins } from './support/staff.ts';
import { closeTablet, openTablet, type Tablet } from './support/tablet.ts';

/** Opens the door with the page's clock fixed at an Oslo wall time. */
async function doorAt(page: Page, url: string, osloTime: string): Promise<void> {
  await page.clock.setFixedTime(new Date(osloTime));
  await page.goto(url);
  await setUpStaffPins(page);
}

/** The door's visible text, in reading order. */
const doorText = (page: Page) => page.locator('main').innerText();

/** Opens the door at an Oslo wall time and checks that the closed notice is read first. */
async function closedFirst(page: Page, url: string, osloTime: string, notice: string) {
  await doorAt(page, url, osloTime);
  await page.getByText(notice).waitFor();
  expect((await doorText(page)).startsWith(notice)).toBe(true);
}

describe('honest days at the door, in Chromium', () => {
  let tablet: Tablet;

  beforeAll(async () => {
    tablet = await openTablet();
  });

  afterAll(() => closeTablet(tablet));

  it('on Christmas Day 2026 says closed first, above Sjekk inn', async () => {
    const { page, server } = tablet;
    await closedFirst(
      page,
      server.url,
      '2026-12-25T12:00:00+01:00',
      'Stengt i dag – 1. juledag — åpner mandag 28. desember kl. 11.00',
    );
    await expect(page.getByRole('button', { name: 'Sjekk inn' }).isVisible()).resolves.toBe(true);
  });

  it('at 01.30 on a Saturday says closed first and shows the calendar date beside Friday', async () => {
    const { page, server } = tablet;
    await closedFirst(
      page,
      server.url,
      '2026-12-05T01:30:00+01:00',
      'Stengt nå — åpner mandag 7. desember kl. 11.00',
    );
    expect(await page.locator('.door-date').innerText()).toBe(
      'fredag 4. desember (natt til lørdag 5. desember)',
    );
    // Friday's programme is over: none of it is listed.
    expect(await page.getByRole('list').count()).toBe(0);
  });

  it('hides the items that are over: Ord for dagen at 13.20 on a Thursday', async () => {
    const { page, server } = tablet;
    await doorAt(page, server.url, '2026-11-26T13:20:00+01:00');
    const programme = page.getByRole('list');
    await programme.getByText('Hobbykveld').waitFor();
    expect(await programme.getByRole('listitem').allInnerTexts()).toEqual([
      '13.15 Brødskiver, frukt og kaffe',
      '13.15 Bingo',
      '18.00 Hobbykveld',
    ]);
  });

  it("fits a Thursday's whole programme on a portrait screen, without scrolling", async () => {
    const { page, server } = tablet;
    await page.setViewportSize({ width: 768, height: 1024 });
    await doorAt(page, server.url, '2026-11-26T12:00:00+01:00');
    const items = page.getByRole('list').getByRole('listitem');
    await items.filter({ hasText: 'Hobbykveld' }).waitFor();
    expect(await items.count()).toBe(4);
    const bottoms = await items.evaluateAll((elements) =>
      elements.map((element) => element.getBoundingClientRect().bottom),
    );
    const { scrollY, innerHeight } = await page.evaluate(() => ({
      scrollY: window.scrollY,
      innerHeight: window.innerHeight,
    }));
    expect(scrollY).toBe(0);
    for (const bottom of bottoms) expect(bottom).toBeLessThanOrEqual(innerHeight);
  });

  it('writes times in 24 hours in English too', async () => {
    const { page } = tablet;
    await page.getByRole('button', { name: 'English' }).click();
    const programme = page.getByRole('list');
    await programme.getByText('Hobby evening').waitFor();
    expect(await page.getByText('Open until 21:00').count()).toBe(1);
    expect(await programme.innerText()).toContain('18:00');
    expect(await doorText(page)).not.toMatch(/\b(AM|PM)\b/);
  });
});
