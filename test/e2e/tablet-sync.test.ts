import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { endpointVisitsToday, runCli, startServer, type RunningServer } from './support/server.ts';
import { closeTablet, openTablet } from './support/tablet.ts';
import { checkInAtDoor, tallyNet, waitForServiceWorker } from './support/door.ts';
import { setUpStaffPins } from './support/staff.ts';

const SITE = 'hjerterom-alta';

interface Provisioned {
  site: string;
  device: string;
  token: string;
  link: string;
  code: string;
}

const siteVisits = (server: RunningServer, token: string) =>
  endpointVisitsToday(server, SITE, token);

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms: number,
): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  let value = await read();
  while (!done(value) && Date.now() - start < ms) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return { value, ms: Date.now() - start };
}

function syncStatusOf(page: Page): Promise<{ needsPairing?: boolean } | undefined> {
  return page.evaluate(
    () =>
      new Promise<{ needsPairing?: boolean } | undefined>((resolve, reject) => {
        const open = indexedDB.open('terskel-settings');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result
            .transaction('settings')
            .objectStore('settings')
            .get('syncStatus');
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result as { needsPairing?: boolean } | undefined);
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

describe('a tablet syncing with the endpoint, in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let env: Record<string, string>;
  let first: Provisioned;

  beforeAll(async () => {
    ({ server, context, page } = await openTablet());
    env = { DATA_DIR: server.dataDir, PUBLIC_URL: server.url };
    await runCli(['site', 'add', SITE, '--name', 'Blå Kors Hjerterom Alta'], env);
    first = JSON.parse(
      await runCli(['device', 'add', '--site', SITE, '--json'], env),
    ) as Provisioned;
  });

  afterAll(() => closeTablet({ server, context }));

  it('pairs by the provisioning link from the CLI and removes the token from the address bar', async () => {
    await page.goto(server.url);
    await setUpStaffPins(page);
    await waitForServiceWorker(page);
    await page.goto(first.link);
    await page.getByText(`Nettbrettet er koblet til ${SITE}.`).waitFor();
    expect(page.url()).not.toContain('provision');
    expect(await page.evaluate(() => location.href)).not.toContain(first.token);
  });

  it('counts 7 taps with the server stopped; after a restart they arrive within 10 seconds', async () => {
    await server.stop();
    await page.reload();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
    for (let tap = 0; tap < 7; tap += 1) await checkInAtDoor(page);
    await page.reload();
    await page.getByRole('button', { name: 'Sjekk inn' }).waitFor();
    server = await startServer({ port: server.port, dataDir: server.dataDir });
    const arrived = await eventually(
      () => siteVisits(server, first.token),
      (n) => n === 7,
      10_000,
    );
    console.log(`7 offline taps reached the endpoint ${arrived.ms} ms after it was back`);
    expect(arrived.value).toBe(7);
  });

  it('paired again as a new device, the same replica still counts 7, not 14', async () => {
    const second = JSON.parse(
      await runCli(['device', 'add', '--site', SITE, '--json'], env),
    ) as Provisioned;
    const admin = JSON.parse(await runCli(['admin', 'add', '--json'], env)) as { token: string };
    await page.goto(second.link);
    await page.getByText(`Nettbrettet er koblet til ${SITE}.`).waitFor();
    const seen = await eventually(
      async () => {
        const answer = await fetch(`${server.url}/api/v1/admin/sites`, {
          headers: { Authorization: `Bearer ${admin.token}` },
        });
        const text = await answer.text();
        return (
          text.includes(second.device) &&
          /lastSeen[^,]*"20/.test(text.slice(text.indexOf(second.device)))
        );
      },
      (ok) => ok,
      15_000,
    );
    expect(seen.value).toBe(true);
    expect(await siteVisits(server, second.token)).toBe(7);
    first = second;
  });

  it('revoked, the tablet keeps its counts and asks to be paired again', async () => {
    await runCli(['device', 'revoke', first.device], env);
    await checkInAtDoor(page);
    const status = await eventually(
      () => syncStatusOf(page),
      (s) => s?.needsPairing === true,
      15_000,
    );
    expect(status.value?.needsPairing).toBe(true);
    expect(await tallyNet(page, 'visit')).toBe(8);
  });
});
