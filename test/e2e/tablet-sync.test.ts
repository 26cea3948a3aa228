// A tablet paired with the endpoint, in every engine: taps counted offline arrive once the
// endpoint is back, pairing again keeps one replica's count, and a revoked tablet keeps counting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointVisitsToday, runCli, startServer, type RunningServer } from './support/server.ts';

const CHECK_IN = { role: 'button', name: 'Sjekk inn' } as const;
import { ENGINE_CASES } from './support/engines/index.ts';
import {
  acceptProvisioningLink,
  checkInAtDoor,
  openDoor,
  tallyNet,
} from './support/engines/flows.ts';
import { readSetting } from './support/engines/in-page.ts';
import { closeEngineTablet, openEngineTablet } from './support/engines/tablet.ts';
import type { EngineBrowser } from './support/engines/types.ts';

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

function pairingOf(browser: EngineBrowser): Promise<{ endpoint?: string } | undefined> {
  return browser.evaluate(readSetting, 'device') as Promise<{ endpoint?: string } | undefined>;
}

function syncStatusOf(browser: EngineBrowser): Promise<{ needsPairing?: boolean } | undefined> {
  return browser.evaluate(readSetting, 'syncStatus') as Promise<
    { needsPairing?: boolean } | undefined
  >;
}

describe.each(ENGINE_CASES)('a tablet syncing with the endpoint, in %s', (_label, engine) => {
  let server: RunningServer;
  let page: EngineBrowser;
  let env: Record<string, string>;
  let first: Provisioned;

  beforeAll(async () => {
    ({ server, browser: page } = await openEngineTablet(engine));
    env = { DATA_DIR: server.dataDir, PUBLIC_URL: server.url };
    await runCli(['site', 'add', SITE, '--name', 'Blå Kors Hjerterom Alta'], env);
    first = JSON.parse(
      await runCli(['device', 'add', '--site', SITE, '--json'], env),
    ) as Provisioned;
  });

  afterAll(() => closeEngineTablet({ browser: page, server }));

  it('pairs by the provisioning link from the CLI, after the lead PIN, and clears the address bar', async () => {
    await openDoor(page, server.url);
    await page.waitForServiceWorker();
    expect(first.link).not.toContain(first.token);
    await acceptProvisioningLink(page, first.link, SITE);
    expect(await page.url()).not.toContain('provision');
  });

  it('counts 7 taps with the server stopped; after a restart they arrive within 10 seconds', async () => {
    await server.stop();
    await page.reload();
    await page.waitFor({ role: 'button', name: 'Sjekk inn' });
    for (let tap = 0; tap < 7; tap += 1) await checkInAtDoor(page);
    await page.reload();
    await page.waitFor({ role: 'button', name: 'Sjekk inn' });
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
    await acceptProvisioningLink(page, second.link, SITE);
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

  it('a link to a second endpoint changes nothing without the lead PIN; that endpoint receives no upload', async () => {
    const other = await startServer();
    try {
      const otherEnv = { DATA_DIR: other.dataDir, PUBLIC_URL: other.url };
      await runCli(['site', 'add', SITE, '--name', 'Ukjent'], otherEnv);
      const stranger = JSON.parse(
        await runCli(['device', 'add', '--site', SITE, '--json'], otherEnv),
      ) as Provisioned;
      const otherAdmin = JSON.parse(await runCli(['admin', 'add', '--json'], otherEnv)) as {
        token: string;
      };
      // The tablet's own address with the second endpoint's link in it, as any page can open.
      await page.goto(`${server.url}/${new URL(stranger.link).hash}`);
      await page.waitFor({ role: 'heading', name: 'Skriv inn PIN-koden' });
      expect(await page.url()).not.toContain('provision');
      // Nobody signs in: back to the door, a visitor, and a reload (a sync run at start).
      await page.click({ role: 'button', name: 'Tilbake til inngangen' });
      await checkInAtDoor(page);
      await page.reload();
      await page.waitFor(CHECK_IN);
      const home = await eventually(
        () => siteVisits(server, first.token),
        (n) => n === 8,
        15_000,
      );
      expect(home.value).toBe(8);
      // The second endpoint never heard from the tablet: no day, and its device never seen.
      expect(await endpointVisitsToday(other, SITE, otherAdmin.token)).toBe(0);
      const sites = await fetch(`${other.url}/api/v1/admin/sites`, {
        headers: { Authorization: `Bearer ${otherAdmin.token}` },
      });
      expect(await sites.text()).not.toMatch(/lastSeen[^,]*"20/);
      expect((await pairingOf(page))?.endpoint).toBe(server.url);
    } finally {
      await other.stop();
    }
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
    expect(await tallyNet(page, 'visit')).toBe(9);
  });
});
