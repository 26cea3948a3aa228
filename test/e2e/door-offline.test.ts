// The door offline in every engine: a fresh tablet opened once online, the server stopped,
// reloaded, and visitors tapping in; every tap is stored on the tablet. And a fresh tablet
// opened once online and left untouched is offline-capable: in Firefox the persistent-storage
// prompt nobody answers must not hold the service worker back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_CASES } from './support/engines/index.ts';
import {
  checkInAtDoor,
  isControlledNow,
  openDoor,
  setUpStaffPins,
  tallyNet,
} from './support/engines/flows.ts';
import {
  closeEngineTablet,
  openEngineTablet,
  type EngineTablet,
} from './support/engines/tablet.ts';

describe.each(ENGINE_CASES)('the door offline, in %s', (_label, engine) => {
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

describe.each(ENGINE_CASES)(
  'a fresh tablet opened once online and left untouched, in %s',
  (_label, engine) => {
    let tablet: EngineTablet;

    beforeAll(async () => {
      tablet = await openEngineTablet(engine);
    });

    afterAll(() => closeEngineTablet(tablet));

    it('its service worker controls the page within 10 seconds, nothing tapped', async () => {
      await tablet.browser.goto(tablet.server.url);
      await tablet.browser.waitForServiceWorker({ timeout: 10_000 });
      expect(await isControlledNow(tablet.browser)).toBe(true);
    });

    it('with the server stopped, it is set up and counts 3 visitors at the door', async () => {
      const { browser, server } = tablet;
      await server.stop();
      await browser.reload();
      await setUpStaffPins(browser);
      for (let tap = 0; tap < 3; tap += 1) await checkInAtDoor(browser);
      expect(await tallyNet(browser, 'visit')).toBe(3);
    });
  },
);
