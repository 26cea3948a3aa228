import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hjerteromAlta, montenegroHammerfest } from '../../src/domain/presets/index.ts';
import type { SiteConfig } from '../../src/shared/site-config.ts';
import { LANGUAGES } from '../../src/shared/site-config.ts';
import { TEXT_LIMITS } from '../../src/shared/text-limits.ts';
import { ar } from '../../src/i18n/ar.ts';
import { en } from '../../src/i18n/en.ts';
import { nb } from '../../src/i18n/nb.ts';
import { nn } from '../../src/i18n/nn.ts';
import { se } from '../../src/i18n/se.ts';
import { uk } from '../../src/i18n/uk.ts';
import { overflowing, VIEWPORTS, violations } from './support/page-checks.ts';
import type { RunningServer } from './support/server.ts';
import { closeTablet, openTablet } from './support/tablet.ts';
import { setUpStaffPins } from './support/staff.ts';

const CHECK_IN = Object.fromEntries(
  Object.entries({ nb, nn, se, en, uk, ar }).map(([language, catalogue]) => [
    language,
    catalogue['door.checkIn'] ?? nb['door.checkIn'],
  ]),
);

/** Today's business day in Oslo (and the day before, for a run between midnight and 04:00). */
function osloDays(): string[] {
  const day = (ms: number) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(ms));
  return [day(Date.now()), day(Date.now() - 24 * 3600 * 1000)];
}

/** Stores a configuration the way settings do (idb-keyval), then reloads the door with it. */
async function useConfig(page: Page, config: SiteConfig): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('terskel-settings');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const put = db.transaction('settings', 'readwrite').objectStore('settings');
          const request = put.put(value, 'config');
          request.onsuccess = () => {
            db.close();
            localStorage.removeItem('terskel:paint-config');
            done();
          };
          request.onerror = () => fail(request.error);
        };
      }),
    config,
  );
  await page.reload();
  await page.getByRole('heading', { level: 1, name: config.name }).waitFor();
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

describe('accessibility and layout in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
    await page.goto(server.url);
  });

  afterAll(() => closeTablet({ server, context }));

  it('the first-run set-up has no violations', async () => {
    await page.getByRole('heading', { name: 'Sett opp nettbrettet' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await setUpStaffPins(page);
  });

  it('the door, the welcome and the question have no violations', async () => {
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sjekk inn' }).click();
    await page.getByRole('group', { name: 'Første gang her?' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hopp over' }).click();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor({ timeout: 15_000 });
  });

  it('in Arabic the door is right to left, mirrored, and has no violations', async () => {
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('button', { name: 'تسجيل الحضور' }).waitFor();
    expect(await page.getByRole('main').getAttribute('dir')).toBe('rtl');
    const [name, switcher] = await Promise.all([
      page.getByRole('heading', { level: 1 }).boundingBox(),
      page.getByRole('navigation').boundingBox(),
    ]);
    // Mirrored: the site's name sits on the right, the language switch on the left.
    expect(name!.x).toBeGreaterThan(switcher!.x);
    expect(await violations(page)).toEqual([]);
  });

  it('in every language nothing on the door overflows its box, at 768×1024 and 1280×800', async () => {
    const problems: string[] = [];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const language of LANGUAGES) {
        await page.getByRole('button', { name: nb[`lang.${language}`] }).click();
        await page.waitForFunction(
          (wanted) => document.querySelector('main')?.getAttribute('lang') === wanted,
          language,
        );
        // The catalogue has loaded once the button speaks the language.
        await page.getByRole('button', { name: CHECK_IN[language], exact: true }).waitFor();
        for (const problem of await overflowing(page)) {
          problems.push(`${viewport.width}×${viewport.height} ${language}: ${problem}`);
        }
      }
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: nb['lang.nb'] }).click();
    expect(problems).toEqual([]);
  });

  it('the PIN pad, tally, closing, funder report, settings, self-test and guide have no violations', async () => {
    await page.goto(`${server.url}/#/staff`);
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await typePin(page, '222222');
    await page.getByRole('heading', { name: 'Telling' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dagsoppgjør' }).click();
    await page.getByRole('heading', { name: 'Dagsoppgjør' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('navigation').getByRole('button', { name: 'Rapport' }).click();
    await page.getByRole('button', { name: 'Last ned CSV' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Innstillinger' }).click();
    await page.getByRole('button', { name: 'Lagre – Stedet og språkene' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Selvtest' }).click();
    await page.getByRole('listitem', { name: 'Virker uten nett' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('navigation').getByRole('button', { name: 'Hjelp' }).click();
    await page.getByRole('region', { name: 'Sette opp nettbrettet' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tilbake til inngangen' }).click();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
  });

  it('the door on a closed day has no violations', async () => {
    await useConfig(page, { ...hjerteromAlta, closedDates: osloDays() });
    await page.getByText('Stengt i dag').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('the door when full has no violations', async () => {
    await useConfig(page, { ...montenegroHammerfest, capacity: 1 });
    await page.getByRole('button', { name: 'Sjekk inn' }).click();
    await page.getByText('1 av 1 er her nå').waitFor();
    await page.getByText('Det er fullt akkurat nå.', { exact: false }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
  });

  it('a question, eight answers and a programme title at their text limits fit the door at 768×1024', async () => {
    /** A text of words, exactly `length` characters long. */
    const text = (length: number, first: string) =>
      `${first} ${'langt ord '.repeat(length)}`.slice(0, length - 1) + '.';
    const { capacity: _none, ...site } = montenegroHammerfest;
    const question = text(TEXT_LIMITS.question, 'Spørsmål');
    const answers = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => text(TEXT_LIMITS.answer, `Svar${n}`));
    await useConfig(page, {
      ...site,
      schedule: [
        {
          id: 'lang-tittel',
          kind: 'activity',
          title: { nb: text(TEXT_LIMITS.title, 'Tittel') },
          time: '23:30',
          // Lasting until the small hours' end of the business day, so it is still on the card
          // when the test runs after midnight in Oslo.
          endTime: '03:59',
          weekdays: [1, 2, 3, 4, 5, 6, 7],
        },
      ],
      questions: {
        ready: [],
        own: {
          id: 'langt-sporsmal',
          text: { nb: question },
          options: answers.map((answer, i) => ({ id: `svar-${i + 1}`, label: { nb: answer } })),
        },
      },
    });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('button', { name: 'Sjekk inn' }).click();
    const group = page.getByRole('group', { name: question });
    await group.waitFor();
    /** How many lines of its own type an element's text takes. */
    const lines = (selector: string) =>
      page.evaluate((wanted) => {
        const element = document.querySelector(wanted)!;
        const { height } = element.getBoundingClientRect();
        return Math.round(height / (parseFloat(getComputedStyle(element).fontSize) * 1.25));
      }, selector);
    expect(await lines('.question legend')).toBeLessThanOrEqual(2);
    // Each answer on one line of its button, two to a row: eight answers take four rows.
    const skip = await group.getByRole('button', { name: 'Hopp over' }).boundingBox();
    const boxes = await Promise.all(
      answers.map((answer) => group.getByRole('button', { name: answer }).boundingBox()),
    );
    for (const box of boxes) expect(box!.height).toBeLessThanOrEqual(skip!.height);
    expect(new Set(boxes.map((box) => Math.round(box!.y))).size).toBe(4);
    // A programme title is at most two lines of today's card, beside its time.
    expect(await lines('.programme li')).toBeLessThanOrEqual(2);
    expect(await overflowing(page)).toEqual([]);
    await group.getByRole('button', { name: 'Hopp over' }).click();
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('the PIN pad locked after five wrong PINs has no violations', async () => {
    await page.goto(`${server.url}/#/staff`);
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByRole('button', { name: 'Logg inn' }).waitFor();
      await typePin(page, '9999');
      await page.getByRole('alert').waitFor();
    }
    await page.getByText(/For mange feil forsøk/).waitFor();
    expect(await violations(page)).toEqual([]);
  });
});
