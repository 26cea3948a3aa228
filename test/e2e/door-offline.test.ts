// The door offline in every engine: a fresh tablet opened once online, the server stopped,
// reloaded, and visitors tapping in; every tap is stored on the tablet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/engines/index.ts';
import { checkInAtDoor, isControlledNow, openDoor, tallyNet } from './support/engines/flows.ts';
import {
  closeEngineTablet,
  openEngineTablet,
  type EngineTablet,
} from './support/engines/tablet.ts';

describe.each(ENGINES)('the door offline, in $label', (engine) => {
  let tablet: EngineTablet;

  beforeAll(async () => {
    tablet = await openEngineTablet(engine);
  });

  afterAll(() => closeEngineTablet(tablet));

  it('opened once online and set up, its service worker controls the page', async () => {
    await openDoor(tablet.browser, tablet.server.url);
    await tablet.browser.waitForServiceWorker();
    expect(await isControlledNow(tablet.browser)).toBe(true);
  });

  it('with the server stopped: reload, 10 taps, reload again — exactly 10 visits stored', async () => {
    const { browser, server } = tablet;
    await server.stop();
    await browser.reload();
    await browser.waitFor({ role: 'button', name: 'Sjekk inn' });
    for (let tap = 0; tap < 10; tap += 1) await checkInAtDoor(browser);
    await browser.reload();
    await browser.waitFor({ role: 'button', name: 'Sjekk inn' });
    expect(await tallyNet(browser, 'visit')).toBe(10);
  });
});
