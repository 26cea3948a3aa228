// One tablet in one engine for an end-to-end test: the real endpoint serving the build, and the
// browser on a fresh persistent profile (IndexedDB and the service worker outlive reloads).
import { newProfileDir } from '../browser.ts';
import { requireBuild } from '../dist.ts';
import { startServer, type RunningServer, type ServerOptions } from '../server.ts';
import type { Engine, EngineBrowser } from './types.ts';

export interface EngineTablet {
  server: RunningServer;
  browser: EngineBrowser;
  profileDir: string;
}

export async function openEngineTablet(
  engine: Engine,
  options: { initScript?: string; server?: ServerOptions } = {},
): Promise<EngineTablet> {
  requireBuild();
  engine.require();
  const server = await startServer(options.server);
  const profileDir = newProfileDir();
  try {
    const browser = await engine.launch({ profileDir, initScript: options.initScript });
    return { server, browser, profileDir };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Closes the browser and stops the server (either may already be gone). */
export async function closeEngineTablet(tablet: Partial<EngineTablet>): Promise<void> {
  await tablet.browser?.close().catch(() => tablet.browser?.kill());
  await tablet.server?.stop();
}
