// The iPad's day without a network, in WebKit (every browser on an iPad is WebKit): a fresh
// tablet opened once online, ten visitors with the endpoint gone, the browser killed and
// relaunched on the same profile still offline, and the ten reach the endpoint once it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProfileDir } from './support/browser.ts';
import { requireBuild } from './support/dist.ts';
import {
  acceptProvisioningLink,
  checkInAtDoor,
  openDoor,
  tallyNet,
} from './support/engines/flows.ts';
import type { EngineBrowser } from './support/engines/types.ts';
import { webkitEngine } from './support/engines/webkit.ts';
import { endpointVisitsToday, runCli, startServer, type RunningServer } from './support/server.ts';

const SITE = 'hjerterom-alta';
const TAPS = 10;

describe('an iPad offline all day, in WebKitGTK', () => {
  const profileDir = newProfileDir();
  let server: RunningServer;
  let browser: EngineBrowser | undefined;
  let device: { token: string; link: string };

  beforeAll(async () => {
    requireBuild();
    webkitEngine.require();
    server = await startServer();
    const env = { DATA_DIR: server.dataDir, PUBLIC_URL: server.url };
    await runCli(['site', 'add', SITE, '--name', 'Blå Kors Hjerterom Alta'], env);
    device = JSON.parse(await runCli(['device', 'add', '--site', SITE, '--json'], env)) as {
      token: string;
      link: string;
    };
  });

  afterAll(async () => {
    await browser?.kill().catch(() => undefined);
    await server?.stop();
  });

  it('opened once online and paired, the tablet is controlled by its service worker', async () => {
    browser = await webkitEngine.launch({ profileDir });
    await openDoor(browser, server.url);
    await browser.waitForServiceWorker();
    // The door has its PINs, so the link waits for the lead's PIN and the host's confirmation.
    await acceptProvisioningLink(browser, device.link, SITE);
    expect(await browser.url()).not.toContain(device.token);
  });

  it(`${TAPS} taps with the endpoint stopped each show Velkommen`, async () => {
    if (browser === undefined) throw new Error('No browser: the first step failed');
    await server.stop();
    await browser.reload();
    for (let tap = 0; tap < TAPS; tap += 1) await checkInAtDoor(browser);
    expect(await tallyNet(browser, 'visit')).toBe(TAPS);
  });

  it(`killed and relaunched on the same profile, still offline: ${TAPS} visits stored`, async () => {
    await browser?.kill();
    browser = await webkitEngine.launch({ profileDir });
    await openDoor(browser, server.url);
    expect(await tallyNet(browser, 'visit')).toBe(TAPS);
  });

  it(`with the endpoint back, it shows ${TAPS} visits`, async () => {
    server = await startServer({ port: server.port, dataDir: server.dataDir });
    const started = Date.now();
    let visits = await endpointVisitsToday(server, SITE, device.token);
    while (visits !== TAPS && Date.now() - started < 30_000) {
      await new Promise((done) => setTimeout(done, 250));
      visits = await endpointVisitsToday(server, SITE, device.token);
    }
    console.log(
      `${TAPS} offline taps reached the endpoint ${Date.now() - started} ms after it was back`,
    );
    expect(visits).toBe(TAPS);
  });
});
