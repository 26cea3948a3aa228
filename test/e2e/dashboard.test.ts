// The coordinator's dashboard in Chromium against the real endpoint: sign in with an admin token
// made by the CLI, see the figures a tablet uploaded under the site's and the tablet's names and
// the health it reported, add a tablet from the page and pair with the code it shows, keep the
// token out of every URL, pass axe, and fit a 360 px phone without sideways scrolling. A
// configuration a tablet published is changed on the page as its next version; a tablet's token
// signs in to nothing and is refused by every admin route.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import { adminRoutes } from '../../src/server/http/routes/admin.ts';
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
  let device: { device: string; token: string };
  const urls: string[] = [];

  beforeAll(async () => {
    const dist = requireBuild();
    if (!existsSync(join(dist, 'dashboard.html'))) {
      throw new Error(`No dashboard in ${dist}: run 'npm run build' (its second pass builds it).`);
    }
    server = await startServer();
    const env = { DATA_DIR: server.dataDir, PUBLIC_URL: server.url };
    await runCli(['site', 'add', SITE, '--name', 'Blå Kors Hjerterom Alta'], env);
    device = JSON.parse(
      await runCli(['device', 'add', '--site', SITE, '--label', 'Døra', '--json'], env),
    ) as { device: string; token: string };
    const admin = ['admin', 'add', '--label', 'Koordinator', '--role', 'manage', '--json'];
    adminToken = (JSON.parse(await runCli(admin, env)) as { token: string }).token;
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

  it("changes a programme item a tablet published, as the configuration's version 2", async () => {
    const config = `${server.url}/api/v1/sites/${SITE}/config`;
    // The door tablet publishes its settings first, as a lead's save does.
    const first = await fetch(config, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${device.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ baseVersion: 0, config: { ...hjerteromAlta, site: SITE }, plan: [] }),
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { version: number }).version).toBe(1);
    // The page reads the configuration when it opens: loaded again, signed in from this tab.
    await page.reload();
    const section = page.getByRole('region', { name: 'Program og Ord for dagen' });
    const dinner = section.getByRole('group', { name: 'Programpunkt 2: Middag' });
    await dinner.waitFor();
    expect(await section.getByText(/^Versjon 1, publisert av Døra /).isVisible()).toBe(true);
    await dinner.getByLabel('Starter').fill('13:30');
    await section
      .getByRole('button', { name: 'Publiser programmet og planen for Blå Kors Hjerterom Alta' })
      .click();
    await section
      .getByRole('status')
      .filter({ hasText: /^Publisert som versjon 2\./ })
      .waitFor();
    const read = await fetch(config, { headers: { Authorization: `Bearer ${device.token}` } });
    const body = (await read.json()) as {
      version: number;
      config: typeof hjerteromAlta;
      updatedBy: string;
    };
    expect(body.version).toBe(2);
    expect(body.updatedBy).toBe('Koordinator');
    expect(body.config.schedule[1]).toEqual({ ...hjerteromAlta.schedule[1], time: '13:30' });
    // Nothing else of the tablet's configuration changed.
    expect({ ...body.config, schedule: hjerteromAlta.schedule }).toEqual({
      ...hjerteromAlta,
      site: SITE,
    });
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
    // The report reads its days only when asked for; printing waits for it.
    const print = page.getByRole('button', { name: 'Skriv ut' });
    expect(await print.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Lag rapport' }).click();
    const heading = page.getByRole('heading', {
      name: /^Rapport til tilskuddsgiver: Alle steder samlet, 1\.1\.\d{4}–31\.12\.\d{4}/,
    });
    await heading.waitFor();
    expect(await print.isEnabled()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await heading.isVisible()).toBe(true);
      expect(await page.getByRole('table', { name: /^Alle steder,/ }).isVisible()).toBe(false);
      expect(await print.isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Lag rapport' }).isVisible()).toBe(false);
      const pdf = Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages).toHaveLength(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it("a volunteer's device token cannot reach any admin action", async () => {
    // Signing in on the page with a tablet's token is refused, and the token is not kept.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByLabel('Admin-nøkkel').fill(device.token);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /^Nøkkelen ble ikke godtatt\./ })
      .waitFor();
    expect(await page.getByRole('table', { name: /^Alle steder,/ }).count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('terskel-admin-token'))).toBeNull();
    // Every admin route, read from the endpoint's own table so a new one is covered too, answers
    // a tablet's token 403 whatever it is asked, and changes nothing.
    const routes = adminRoutes({
      store: undefined as never,
      clock: () => new Date(),
      publicUrl: server.url,
    }).routes.filter((route) => route.method !== 'ALL');
    const asked = [...new Set(routes.map((route) => `${route.method} ${route.path}`))];
    expect(asked).toEqual(expect.arrayContaining(['GET /admin/me', 'POST /admin/sites']));
    const answers = await Promise.all(
      asked.map(async (route) => {
        const [method, template] = route.split(' ') as [string, string];
        // The site and the tablet itself; any other id (a replica's) a fresh one.
        const path = template.replace(/:(\w+)/g, (_, name: string) =>
          name === 'slug' ? SITE : name === 'id' ? device.device : randomUUID(),
        );
        const answer = await fetch(`${server.url}/api/v1${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${device.token}`,
            ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(method === 'GET' ? {} : { body: JSON.stringify({ slug: 'inntrenger', name: 'X' }) }),
        });
        return `${route} ${answer.status}`;
      }),
    );
    expect(answers).toEqual(asked.map((route) => `${route} 403`));
    // The tablet still works as a tablet: it reads its site's configuration.
    const config = await fetch(`${server.url}/api/v1/sites/${SITE}/config`, {
      headers: { Authorization: `Bearer ${device.token}` },
    });
    expect(config.status).toBe(200);
    const sites = await fetch(`${server.url}/api/v1/admin/sites`, {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    expect(
      ((await sites.json()) as { sites: { slug: string }[] }).sites.map((one) => one.slug),
    ).toEqual([SITE]);
    expect(await violations(page)).toEqual([]);
  });

  it('never lists the dashboard in the service worker that tablets install', async () => {
    const sw = await (await fetch(`${server.url}/sw.js`)).text();
    expect(sw).toContain('index.html');
    expect(sw).not.toMatch(/dashboard[^/]/);
  });
});
