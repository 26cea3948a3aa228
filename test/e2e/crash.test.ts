// A tap that showed Velkommen survives the browser being killed right after it, in every
// engine: SIGKILL and relaunch on one profile, again and again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProfileDir } from './support/browser.ts';
import { requireBuild } from './support/dist.ts';
import { ENGINE_CASES } from './support/engines/index.ts';
import { openDoor, tallyNet, tapUntilWelcome } from './support/engines/flows.ts';
import type { EngineBrowser, EngineName } from './support/engines/types.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** Chromium keeps its long run; a WebKit or Firefox launch costs more, and 5 cycles show it. */
const CYCLES: Record<EngineName, number> = { chromium: 20, firefox: 5, webkit: 5 };

describe.each(ENGINE_CASES)('a crash right after Velkommen, in %s', (_label, engine) => {
  const cycles = CYCLES[engine.name];
  let server: RunningServer;
  let running: EngineBrowser | undefined;

  beforeAll(async () => {
    requireBuild();
    engine.require();
    server = await startServer();
  });

  afterAll(async () => {
    await running?.kill().catch(() => undefined);
    await server?.stop();
  });

  it(`${cycles} cycles of tap → Velkommen → SIGKILL → relaunch: every confirmed tap is there`, async () => {
    const profileDir = newProfileDir();
    let confirmed = 0;
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      running = await engine.launch({ profileDir });
      await openDoor(running, server.url);
      expect(await tallyNet(running, 'visit'), `after ${cycle} crashes`).toBe(confirmed);
      await tapUntilWelcome(running);
      confirmed += 1;
      await running.kill();
      running = undefined;
    }
    running = await engine.launch({ profileDir });
    await openDoor(running, server.url);
    expect(await tallyNet(running, 'visit')).toBe(cycles);
  });
});
