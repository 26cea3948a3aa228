// Real Chromium for end-to-end tests: Debian's build, driven by playwright-core.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the (closed) network and quiet on a headless box. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Install it with 'apt-get install chromium' ` +
        `(the README's test command does this), or set CHROMIUM_PATH.`,
    );
  }
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'terskel-profile-'));
}

/** A persistent profile, so IndexedDB and the service worker outlive a relaunch. */
export async function launchPersistent(profileDir: string): Promise<BrowserContext> {
  requireChromium();
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--headless'],
    args: CHROMIUM_FLAGS,
    viewport: { width: 1024, height: 768 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
}
