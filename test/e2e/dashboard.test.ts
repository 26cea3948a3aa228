// The coordinator's dashboard in Chromium against the real endpoint: sign in with an admin token
// made by the CLI, see the figures a tablet uploaded under the site's and the tablet's names and
// the health it reported, add a tablet from the page and pair with the code it shows, keep the
// token out of every URL, pass axe, and fit a 360 px phone without sideways scrolling.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from './support/browser.ts';
import { requireBuild } from './support/dist.ts';
import { overflowing, violations } from './support/page-checks.ts';
import { runCli, startServer, type RunningServer } from './support/server.ts';

const SITE = 'hjerterom-alta';

/** Today in Oslo, where the dashboard's "this month" is (the browser runs in Europe/Oslo). */
const today = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

describe("the coordinator's dashboard", () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let adminToken: string;
  const urls: string[] = [];

  beforeAll(async () => {
    const dist = requireBuild();
    if (!existsSync(join(dist, 'dashboard.html'))) {
      throw new Error(`No dashboard in ${dist}: run 'npm run build' (its second pass builds it).`);
    }
    server = await startServer();
    const env = { DATA_DIR: server.dataDir, PUBLIC_URL: server.url };
    await runCli(['site', 'add', SITE, '--name', 'Blå Kors Hjerterom Alta'], env);
    const device = JSON.parse(
      await runCli(['device', 'add', '--site', SITE, '--label', 'Døra', '--json'], env),
    ) as { device: string; token: string };
    adminToken = (JSON.parse(await runCli(['admin', 'add', '--json'], env)) as { token: string })
      .token;
    // What the tablet sends: today's visits and dinners and its health, as the sync loop does.
    const upload = await fetch(`${server.url}/api/v1/counts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${device.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        protocol: 2,
        site: SITE,
        device: device.device,
        replica: randomUUID(),
        secret: randomBytes(32).toString('base64url'),
        sentAt: new Date().toISOString(),
        app: 'terskel/0.2.0',
        health: {
          appVersion: '0.2.0',
          installed: true,
          persisted: true,
          usageBytes: 1_843_200,
          quotaBytes: 2_147_483_648,
          unsavedTaps: 0,
          lastError: null,
          clock: new Date().toISOString(),
        },
        days: [
          {
            date: today(),
            counts: [
              { counter: 'visit', inc: 23, dec: 0 },
              { counter: 'middag', inc: 17, dec: 0 },
            ],
          },
        ],
      }),
    });
    expect(upload.status).toBe(200);
    context = await launchPersistent(newProfileDir());
    page = await context.newPage();
    page.on('request', (request) => urls.push(request.url()));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('signs in with the admin token and shows the uploaded figures by name', async () => {
    const response = await page.goto(`${server.url}/dashboard`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Admin-nøkkel').fill(adminToken);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const overview = page.getByRole('table', { name: /^Alle steder,/ });
    const row = overview.getByRole('row', { name: /Blå Kors Hjerterom Alta/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '23',
      'ingen tall',
      '17',
      'ingen tall',
    ]);
    const devices = page.getByRole('table', { name: 'Nettbrett på Blå Kors Hjerterom Alta' });
    const door = devices.getByRole('row', { name: /^Døra/ });
    // The CLI's admin token may manage: the last cell holds the tablet's controls.
    expect(await door.getByRole('cell').allTextContents()).toEqual([
      expect.stringMatching(/\d{2}\.\d{2}\.\d{4}/),
      '0.2.0',
      'installert app',
      expect.stringMatching(/^varig lagring, 1,8\sMB av 2,1\sGB brukt$/),
      '0',
      'i takt',
      'ingen',
      'aktiv',
      'Endre navnNy paringskodeTilbakekall',
    ]);
    const chart = page.getByRole('img', { name: /^Besøk per dag\./ });
    expect(await chart.getAttribute('aria-label')).toContain(': 23');
    // The token travels in a header only, and stays in this tab's sessionStorage.
    expect(urls.filter((url) => url.includes(adminToken))).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem('terskel-admin-token'))).toBe(
      adminToken,
    );
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it('has no axe violations, signed in and at the sign-in form', async () => {
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByLabel('Admin-nøkkel').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Admin-nøkkel').fill(adminToken);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('table', { name: /^Alle steder,/ }).waitFor();
  });

  it('adds a tablet from the page and shows a pairing code that pairs', async () => {
    const form = page.getByRole('form', { name: 'Nytt nettbrett på Blå Kors Hjerterom Alta' });
    await form.getByLabel('Navn på nettbrettet (valgfritt)').fill('Baren');
    await form
      .getByRole('button', { name: 'Legg til nettbrett på Blå Kors Hjerterom Alta' })
      .click();
    const panel = page.getByRole('region', { name: 'Paringskode til Baren' });
    await panel.waitFor();
    expect(await panel.getByText(/^Koden og lenken vises bare nå\./).isVisible()).toBe(true);
    const code = (await panel.locator('code.pairing-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(await panel.locator('code.pairing-link').textContent()).toContain(
      `${server.url}/#/provision?c=`,
    );
    const devices = page.getByRole('table', { name: 'Nettbrett på Blå Kors Hjerterom Alta' });
    expect(await devices.getByRole('rowheader').allTextContents()).toEqual(['Døra', 'Baren']);
    // Focus is on the code's heading, so a screen reader starts there.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Paringskode til Baren',
    );
    // The code is the real one: a tablet pairs with it as Baren.
    const paired = await fetch(`${server.url}/api/v1/pair`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(paired.status).toBe(200);
    expect(urls.filter((url) => url.includes(adminToken))).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });

  it('fits a 360 px phone: no sideways scrolling of the page', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    expect(await overflowing(page)).toEqual([]);
    // The tablets' table may not even scroll inside its box: each tablet is a block on a phone.
    const devices = page.getByRole('region', { name: 'Nettbrett på Blå Kors Hjerterom Alta' });
    expect(await devices.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(
      1,
    );
    expect(await violations(page)).toEqual([]);
  });

  it('prints only the funder report, on one A4 page, for a whole year', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('radio', { name: 'I år' }).check();
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.getByRole('table', { name: /^Alle steder, 1\.1\.\d{4}–31\.12\.\d{4}/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      const heading = page.getByRole('heading', {
        name: /^Rapport til tilskuddsgiver: Alle steder samlet/,
      });
      expect(await heading.isVisible()).toBe(true);
      expect(await page.getByRole('table', { name: /^Alle steder,/ }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
      const pdf = Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages).toHaveLength(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('never lists the dashboard in the service worker that tablets install', async () => {
    const sw = await (await fetch(`${server.url}/sw.js`)).text();
    expect(sw).toContain('index.html');
    expect(sw).not.toMatch(/dashboard[^/]/);
  });
});
