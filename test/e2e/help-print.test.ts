// The guide in Chromium: a volunteer opens Hjelp on a tablet that is offline (the guide rides in
// the precached staff chunk), and the guide prints every task, and nothing else, on at most two
// A4 pages with no text under 9 pt.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForServiceWorker } from './support/door.ts';
import type { RunningServer } from './support/server.ts';
import { setUpStaffPins } from './support/staff.ts';
import { signInAsStaff } from './support/staff-mode.ts';
import { closeTablet, openTablet } from './support/tablet.ts';

const PINS = { volunteer: '1111', lead: '222222' };
const TASKS = [
  'Sette opp nettbrettet',
  'PIN-kodene og gjenopprettingskoden',
  'Avslutte dagen',
  'Eksport og sikkerhetskopi',
  'Koble til serveren',
  'Når nettbrettet sier at noe er galt',
];

describe('the guide, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
  });

  afterAll(() => closeTablet({ server, context }));

  it('opens offline for a volunteer and prints every task on at most two A4 pages', async () => {
    await page.goto(server.url);
    await setUpStaffPins(page, PINS);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();

    await signInAsStaff(page, PINS.volunteer);
    await page.getByRole('navigation').getByRole('button', { name: 'Hjelp' }).click();
    await page.getByRole('heading', { level: 2, name: 'Hjelp' }).waitFor();
    await page.getByRole('region', { name: 'Sette opp nettbrettet' }).waitFor();
    // On screen one task at a time.
    expect(await page.getByRole('heading', { level: 3 }).count()).toBe(1);

    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (element: Element) => getComputedStyle(element).display !== 'none';
      const guide = document.querySelector('.help-guide')!;
      let smallest = Infinity;
      for (const element of [guide, ...guide.querySelectorAll('*')]) {
        if (!shown(element) || !element.textContent?.trim()) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
      }
      return {
        tasks: [...document.querySelectorAll('.help-task h3')]
          .filter((heading) => shown(heading.closest('.help-task')!))
          .map((heading) => heading.textContent),
        header: shown(document.querySelector('.staff-header')!),
        smallest,
      };
    });
    expect(printed.tasks).toEqual(TASKS);
    expect(printed.header).toBe(false);
    expect(printed.smallest).toBeGreaterThanOrEqual(12);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    // Page objects, not the /Pages tree that holds them.
    const pages = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
  });
});
