// A tablet paired with the endpoint, in every engine: taps counted offline arrive once the
// endpoint is back, pairing again keeps one replica's count, and a revoked tablet keeps counting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointVisitsToday, runCli, startServer, type RunningServer } from './support/server.ts';
import { ENGINE_CASES } from './support/engines/index.ts';
import { checkInAtDoor, openDoor, tallyNet } from './support/engines/flows.ts';
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

  it('pairs by the provisioning link from the CLI and removes the token from the address bar', async () => {
    await openDoor(page, server.url);
    await page.waitForServiceWorker();
    await page.goto(first.link);
    await page.waitFor({ text: `Nettbrettet er koblet til ${SITE}.` });
    expect(await page.url()).not.toContain('provision');
    expect(await page.evaluate(() => location.href)).not.toContain(first.token);
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
    await page.goto(second.link);
    await page.waitFor({ text: `Nettbrettet er koblet til ${SITE}.` });
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
