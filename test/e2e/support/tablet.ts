// One tablet for an end-to-end test: the real endpoint serving the build, and Chromium on a
// fresh persistent profile (so IndexedDB and the service worker outlive reloads).
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent, newProfileDir } from './browser.ts';
import { requireBuild } from './dist.ts';
import { startServer, type RunningServer } from './server.ts';

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
