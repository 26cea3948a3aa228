// A fresh tablet opened once online becomes offline-capable, whatever else waits: a
// persistent-storage prompt nobody answers (Firefox), an IndexedDB open that never settles
// (a known WebKit bug). Both are stood in for in Chromium before the page's scripts run.
import { afterEach, describe, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { waitForServiceWorker } from './support/door.ts';
import { closeTablet, openTablet, type Tablet } from './support/tablet.ts';

describe('the first start of a fresh tablet, in Chromium', () => {
  let tablet: Tablet | undefined;
  afterEach(() => closeTablet(tablet ?? {}));

  async function openWith(standIn: (context: BrowserContext) => Promise<unknown>): Promise<Tablet> {
    tablet = await openTablet();
    await standIn(tablet.context);
    await tablet.page.goto(tablet.server.url);
    return tablet;
  }

  it('registers its service worker although the persistent-storage prompt is never answered', async () => {
    const { page } = await openWith((context) =>
      context.addInitScript(() => {
        navigator.storage.persisted = () => Promise.resolve(false);
        navigator.storage.persist = () => new Promise<boolean>(() => undefined);
      }),
    );
    await waitForServiceWorker(page);
  });

  it('registers its service worker although opening IndexedDB never settles', async () => {
    const { page } = await openWith((context) =>
      context.addInitScript(() => {
        // A request whose events never come: neither success, nor error, nor blocked.
        IDBFactory.prototype.open = () => new EventTarget() as IDBOpenDBRequest;
      }),
    );
    await waitForServiceWorker(page);
  });
});
