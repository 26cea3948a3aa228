// A tap that showed Velkommen survives the browser being killed right after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProfileDir } from './support/browser.ts';
import { requireBuild } from './support/dist.ts';
import { tallyNet } from './support/door.ts';
import { launchKillable, openDoor, type KillableBrowser } from './support/killable.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('a crash right after Velkommen, in Chromium', () => {
  let server: RunningServer;
  let running: KillableBrowser | undefined;

  beforeAll(async () => {
    requireBuild();
    server = await startServer();
  });

  afterAll(async () => {
    await running?.kill().catch(() => undefined);
    await server?.stop();
  });

  it('20 cycles of tap → Velkommen → SIGKILL → relaunch: every confirmed tap is there', async () => {
    const profile = newProfileDir();
    let confirmed = 0;
    const found: number[] = [];
    for (let cycle = 0; cycle < 20; cycle += 1) {
      running = await launchKillable(profile);
      const page = await running.context.newPage();
      await openDoor(page, server.url);
      found.push(await tallyNet(page, 'visit'));
      expect(found.at(-1), `after ${cycle} crashes`).toBe(confirmed);
      await page.getByRole('button', { name: 'Sjekk inn' }).click();
      await page.getByRole('status').filter({ hasText: 'Velkommen!' }).waitFor();
      confirmed += 1;
      await running.kill();
      running = undefined;
    }
    running = await launchKillable(profile);
    const page = await running.context.newPage();
    await openDoor(page, server.url);
    expect(await tallyNet(page, 'visit')).toBe(20);
  });
});
