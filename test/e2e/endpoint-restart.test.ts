// The endpoint killed in the middle of an upload and started again: the tablet retries and
// the totals come out exact — nothing acknowledged is lost, nothing is counted twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from './support/browser.ts';
import { requireBuild } from './support/dist.ts';
import { openDoor } from './support/killable.ts';
import { runCli, startServer, type RunningServer } from './support/server.ts';
import { visitors } from './support/visitors.ts';

describe('the endpoint killed mid-upload, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let cli: Record<string, string>;
  let admin: string;

  beforeAll(async () => {
    requireBuild();
    server = await startServer();
    cli = { DATA_DIR: server.dataDir, PUBLIC_URL: server.url };
    await runCli(['site', 'add', 'alta', '--name', 'Hjerterom Alta'], cli);
    admin = (JSON.parse(await runCli(['admin', 'add', '--json'], cli)) as { token: string }).token;
    context = await launchPersistent(newProfileDir());
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  async function endpointVisits(): Promise<number> {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const answer = await fetch(`${server.url}/api/v1/sites/alta/days?from=${today}&to=${today}`, {
      headers: { Authorization: `Bearer ${admin}` },
    }).catch(() => undefined);
    if (!answer?.ok) return -1;
    const read = (await answer.json()) as {
      days: Array<{
        date: string;
        totals: Array<{ counter: string; option?: string; hour?: number; net: number }>;
      }>;
    };
    return (read.days.find((day) => day.date === today)?.totals ?? [])
      .filter((t) => t.counter === 'visit' && t.option === undefined && t.hour === undefined)
      .reduce((sum, t) => sum + t.net, 0);
  }

  it('kill during an upload, restart: the totals are exact', async () => {
    await openDoor(page, server.url);
    const device = JSON.parse(await runCli(['device', 'add', '--site', 'alta', '--json'], cli)) as {
      link: string;
    };
    await page.goto('about:blank');
    await page.goto(device.link);
    await page.getByText('Nettbrettet er koblet til alta.').waitFor();
    await expect.poll(endpointVisits, { timeout: 30_000 }).toBe(0);

    // Kill the server the moment the tablet's next upload leaves the page.
    const uploading = new Promise<void>((done) =>
      page.on('request', (request) => {
        if (request.url().endsWith('/api/v1/counts') && request.method() === 'POST') done();
      }),
    );
    expect(await visitors(page, 120)).toBe(0);
    await uploading;
    await server.kill();
    expect(await visitors(page, 30)).toBe(0);

    server = await startServer({ port: server.port, dataDir: server.dataDir });
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(endpointVisits, { timeout: 60_000 }).toBe(150);
  });
});
