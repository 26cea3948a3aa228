// One tablet for an end-to-end test: the real endpoint serving the build, and Chromium on a
// fresh persistent profile (so IndexedDB and the service worker outlive reloads).
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from './browser.ts';
import { requireBuild } from './dist.ts';
import { runCli, startServer, type RunningServer } from './server.ts';

export interface Tablet {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
}

export async function openTablet(): Promise<Tablet> {
  requireBuild();
  const server = await startServer();
  const context = await launchPersistent(newProfileDir());
  const page = context.pages()[0] ?? (await context.newPage());
  return { server, context, page };
}

/** Closes the browser and stops the server (either may already be gone). */
export async function closeTablet(tablet: Partial<Tablet>): Promise<void> {
  await tablet.context?.close();
  await tablet.server?.stop();
}

/** A tablet whose endpoint already has a site and an admin token (for reading its totals). */
export interface TabletWithSite extends Tablet {
  /** The environment for `runCli` against this endpoint's data. */
  cli: Record<string, string>;
  admin: string;
}

export async function openTabletWithSite(site: string, name: string): Promise<TabletWithSite> {
  const tablet = await openTablet();
  const cli = { DATA_DIR: tablet.server.dataDir, PUBLIC_URL: tablet.server.url };
  await runCli(['site', 'add', site, '--name', name], cli);
  const admin = (JSON.parse(await runCli(['admin', 'add', '--json'], cli)) as { token: string })
    .token;
  return { ...tablet, cli, admin };
}
