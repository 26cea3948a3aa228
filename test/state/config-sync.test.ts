// The site's configuration travels between tablets through a real endpoint (in-process).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hjerteromAlta } from '../../src/domain/presets/index.ts';
import type { SiteConfig } from '../../src/shared/site-config.ts';
import { createConfigSync, type ConfigSync } from '../../src/state/config-sync.ts';
import { applySettings } from '../../src/state/settings.ts';
import { createSyncController } from '../../src/state/sync.ts';
import { readSetting } from '../../src/storage/settings.ts';
import { wordOn } from '../../src/storage/words.ts';
import type { SyncSettings } from '../../src/sync/index.ts';
import { ENDPOINT, testEndpoint, type TestEndpoint } from '../support/endpoint.ts';
import { testKiosk, type TestKiosk } from '../support/kiosk.ts';
import { clearSettings } from '../support/staff.ts';

const SITE = 'hjerterom-alta';
const CONFIG_URL = `${ENDPOINT}/api/v1/sites/${SITE}/config`;

/** The same preset with one programme item renamed, as a lead would in settings. */
function renamedItem(config: SiteConfig, title: string): SiteConfig {
  return {
    ...config,
    schedule: config.schedule.map((item, i) =>
      i === 0 ? { ...item, title: { nb: title } } : item,
    ),
  };
}

/** A fetch that remembers the status of every configuration request it passed on. */
function counting(fetcher: typeof fetch) {
  const statuses: number[] = [];
  const wrapped = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetcher(input, init);
    if (String(input).endsWith('/config')) statuses.push(response.status);
    return response;
  }) as typeof fetch;
  return { fetch: wrapped, statuses };
}

/** What the endpoint has published now. */
async function publishedOn(endpoint: TestEndpoint) {
  const answer = await endpoint.fetch(CONFIG_URL, {
    headers: { Authorization: `Bearer ${endpoint.settings.token}` },
  });
  return answer.status === 200
    ? ((await answer.json()) as { version: number; config: SiteConfig })
    : undefined;
}

/** Publishes a configuration as another device would, from `baseVersion`. */
async function publishAs(settings: SyncSettings, baseVersion: number, config: SiteConfig) {
  const answer = await endpointFetch(CONFIG_URL, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${settings.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ baseVersion, config, plan: [] }),
  });
  expect(answer.status).toBe(200);
}
/** The endpoint of the test under way, for `publishAs`. */
let endpointFetch: typeof fetch;

const syncs: ConfigSync[] = [];
/** A tablet's configuration step, with no staff screen open unless `busy` says so. */
function tablet(kiosk: TestKiosk, fetcher: typeof fetch, busy = () => false): ConfigSync {
  const sync = createConfigSync(kiosk.store, fetcher, () => undefined, busy);
  syncs.push(sync);
  return sync;
}

beforeEach(async () => {
  await clearSettings();
  location.hash = '';
});
afterEach(() => {
  for (const sync of syncs.splice(0)) sync.stop();
});

describe('the site configuration travels', () => {
  it('a second tablet picks up what the first published, and a 304 when nothing changed', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    const first = testKiosk();
    const second = testKiosk();
    const firstSync = tablet(first, endpoint.fetch);
    const seen = counting(endpoint.fetch);
    const secondSync = tablet(second, seen.fetch);

    await firstSync.changed();
    await firstSync.run(endpoint.settings);
    expect(firstSync.state.get()).toMatchObject({ following: 1 });
    expect(firstSync.state.get().unpublished).toBeUndefined();

    // The second tablet has the same settings: it follows version 1 without asking the lead.
    await secondSync.run(other.settings);
    expect(secondSync.state.get().following).toBe(1);
    await secondSync.run(other.settings);
    expect(seen.statuses).toEqual([200, 304]);

    // The lead renames a programme item on the first tablet; the second shows it after its sync.
    first.store.setConfig(renamedItem(first.store.config.get(), 'Middag og prat'));
    await firstSync.changed();
    await firstSync.run(endpoint.settings);
    expect(firstSync.state.get().following).toBe(2);
    await secondSync.run(other.settings);
    expect(seen.statuses).toEqual([200, 304, 200]);
    expect(second.store.config.get().schedule[0]?.title.nb).toBe('Middag og prat');
    expect(secondSync.state.get().following).toBe(2);
    expect(await readSetting('config')).toMatchObject({
      schedule: [{ title: { nb: 'Middag og prat' } }, ...hjerteromAlta.schedule.slice(1)],
    });
  });

  it('a version waits while a staff screen is open and applies when it closes', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    const kiosk = testKiosk();
    const sync = tablet(kiosk, endpoint.fetch, () => location.hash.startsWith('#/staff'));
    await publishAs(other.settings, 0, hjerteromAlta);
    await sync.run(endpoint.settings);
    expect(sync.state.get().following).toBe(1);

    await publishAs(other.settings, 1, {
      ...renamedItem(hjerteromAlta, 'Kveldsmat'),
      name: 'Nytt navn',
    });
    location.hash = '#/staff/tally';
    await sync.run(endpoint.settings);
    expect(sync.state.get().pending?.version).toBe(2);
    expect(kiosk.store.config.get().name).toBe(hjerteromAlta.name);

    location.hash = '#/';
    dispatchEvent(new HashChangeEvent('hashchange'));
    await expect.poll(() => kiosk.store.config.get().name).toBe('Nytt navn');
    expect(kiosk.store.config.get().schedule[0]?.title.nb).toBe('Kveldsmat');
    await expect.poll(() => sync.state.get().following).toBe(2);
    expect(sync.state.get().pending).toBeUndefined();
  });

  it('keeps the tablet’s own timeout and retention, and a new time zone waits for the next day', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    const kiosk = testKiosk();
    const sync = tablet(kiosk, endpoint.fetch);
    await publishAs(other.settings, 0, hjerteromAlta);
    await sync.run(endpoint.settings);
    await publishAs(other.settings, 1, {
      ...hjerteromAlta,
      name: 'Ny tid',
      timeZone: 'Europe/Helsinki',
      idleTimeoutSeconds: 900,
      retentionDays: 30,
    });
    await sync.run(endpoint.settings);
    const applied = kiosk.store.config.get();
    expect(applied.name).toBe('Ny tid');
    expect(applied.idleTimeoutSeconds).toBe(hjerteromAlta.idleTimeoutSeconds);
    expect(applied.retentionDays).toBe(hjerteromAlta.retentionDays);
    expect(applied.timeZone).toBe(hjerteromAlta.timeZone);
    expect(sync.state.get().deferred).toMatchObject({ timeZone: 'Europe/Helsinki' });
    expect(await readSetting('configSync')).toMatchObject({
      following: 2,
      deferred: { day: '2026-11-23', timeZone: 'Europe/Helsinki' },
    });
  });

  it('takes on the new time zone when the business day rolls over', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    let now = Date.UTC(2026, 10, 23, 11, 50); // Monday 12:50 in Oslo
    const kiosk = testKiosk({ deps: { now: () => now } });
    const sync = tablet(kiosk, endpoint.fetch);
    await publishAs(other.settings, 0, hjerteromAlta);
    await sync.run(endpoint.settings);
    await publishAs(other.settings, 1, { ...hjerteromAlta, timeZone: 'Europe/Helsinki' });
    await sync.run(endpoint.settings);
    dispatchEvent(new HashChangeEvent('hashchange'));
    await sync.run(endpoint.settings);
    expect(kiosk.store.config.get().timeZone).toBe(hjerteromAlta.timeZone);

    now = Date.UTC(2026, 10, 24, 11, 50); // Tuesday: a new business day
    dispatchEvent(new HashChangeEvent('hashchange'));
    await expect.poll(() => kiosk.store.config.get().timeZone).toBe('Europe/Helsinki');
    await expect.poll(() => sync.state.get().deferred).toBeUndefined();
    expect(await readSetting('config')).toMatchObject({ timeZone: 'Europe/Helsinki' });
    expect(sync.state.get().following).toBe(2);
  });

  it('never applies a published configuration it cannot validate, and remembers why', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    await publishAs(other.settings, 0, { ...hjerteromAlta, name: 'Godt navn' });
    // What arrives is not what the schema allows (a newer endpoint, or a fault on the way).
    const garbling = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await endpoint.fetch(input, init);
      if (!String(input).endsWith('/config') || response.status !== 200) return response;
      const body = (await response.json()) as { config: SiteConfig };
      const config = { ...body.config, timeZone: 'Mars/Olympus' };
      return Response.json({ ...body, config });
    }) as typeof fetch;
    const kiosk = testKiosk();
    const sync = tablet(kiosk, garbling);
    await sync.run(endpoint.settings);
    expect(kiosk.store.config.get().name).toBe(hjerteromAlta.name);
    expect(sync.state.get()).toMatchObject({
      following: 0,
      invalid: { version: 1, issue: expect.stringMatching(/^config\.timeZone: /) },
    });
    expect(sync.state.get().pending).toBeUndefined();
    expect(sync.state.get().review).toBeUndefined();
    expect(await readSetting('config')).toBeUndefined();
  });

  it('the first time, a differing version waits for the lead; «theirs» applies it', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    await publishAs(other.settings, 0, { ...hjerteromAlta, name: 'Fra endepunktet' });
    const kiosk = testKiosk();
    const sync = tablet(kiosk, endpoint.fetch);
    await sync.run(endpoint.settings);
    expect(sync.state.get().review).toMatchObject({ kind: 'first', current: { version: 1 } });
    expect(sync.state.get().following).toBe(0);
    expect(kiosk.store.config.get().name).toBe(hjerteromAlta.name);
    await sync.choose('theirs');
    expect(kiosk.store.config.get().name).toBe('Fra endepunktet');
    expect(sync.state.get()).toMatchObject({ following: 1 });
    expect(sync.state.get().review).toBeUndefined();
  });

  it('the first time, «mine» publishes the tablet’s own from the endpoint’s version', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    await publishAs(other.settings, 0, { ...hjerteromAlta, name: 'Fra endepunktet' });
    const kiosk = testKiosk();
    const sync = tablet(kiosk, endpoint.fetch);
    await sync.run(endpoint.settings);
    await sync.choose('mine');
    expect(sync.state.get()).toMatchObject({ following: 1, unpublished: true });
    await sync.run(endpoint.settings);
    expect(sync.state.get()).toMatchObject({ following: 2 });
    expect(sync.state.get().unpublished).toBeUndefined();
    expect(await publishedOn(endpoint)).toMatchObject({
      version: 2,
      config: { name: hjerteromAlta.name },
    });
    expect(kiosk.store.config.get().name).toBe(hjerteromAlta.name);
  });

  it('a save based on an old version gets the conflict; «mine» publishes from the current one', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    const kiosk = testKiosk();
    const sync = tablet(kiosk, endpoint.fetch);
    await sync.changed();
    await sync.run(endpoint.settings);
    expect(sync.state.get().following).toBe(1);
    await publishAs(other.settings, 1, { ...hjerteromAlta, name: 'Den andres' });

    kiosk.store.setConfig({ ...kiosk.store.config.get(), name: 'Min' });
    await sync.changed();
    await sync.run(endpoint.settings);
    expect(sync.state.get()).toMatchObject({
      unpublished: true,
      review: { kind: 'conflict', current: { version: 2, config: { name: 'Den andres' } } },
    });
    // Still here, still unpublished: nothing was overwritten either way.
    expect(kiosk.store.config.get().name).toBe('Min');
    expect((await publishedOn(endpoint))?.config.name).toBe('Den andres');

    await sync.choose('mine');
    await sync.run(endpoint.settings);
    expect(await publishedOn(endpoint)).toMatchObject({ version: 3, config: { name: 'Min' } });
    expect(sync.state.get()).toMatchObject({ following: 3 });
    expect(sync.state.get().unpublished).toBeUndefined();
  });

  it('a conflict’s «theirs» takes the endpoint’s version and drops the unpublished mark', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    const kiosk = testKiosk();
    const sync = tablet(kiosk, endpoint.fetch);
    await sync.changed();
    await sync.run(endpoint.settings);
    await publishAs(other.settings, 1, { ...hjerteromAlta, name: 'Den andres' });
    kiosk.store.setConfig({ ...kiosk.store.config.get(), name: 'Min' });
    await sync.changed();
    await sync.run(endpoint.settings);
    await sync.choose('theirs');
    expect(kiosk.store.config.get().name).toBe('Den andres');
    expect(sync.state.get()).toMatchObject({ following: 2 });
    expect(sync.state.get().unpublished).toBeUndefined();
  });

  it('an offline save stays "ikke publisert" across a reload and publishes on the next sync', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const offline: typeof fetch = () => Promise.reject(new TypeError('offline'));
    const kiosk = testKiosk();
    await kiosk.storage;
    const before = tablet(kiosk, offline);
    // Saved the way the settings screen saves, then marked for publishing.
    const saved = await applySettings(kiosk.store, { ...hjerteromAlta, name: 'Lagret uten nett' });
    expect(saved.ok).toBe(true);
    await before.changed();
    await before.run(endpoint.settings);
    expect(before.state.get().unpublished).toBe(true);
    // A 5xx is no better: still unpublished.
    const failing: typeof fetch = () =>
      Promise.resolve(Response.json({ ok: false }, { status: 503 }));
    await before.run(endpoint.settings);
    const broken = tablet(kiosk, failing);
    await broken.run(endpoint.settings);
    expect(broken.state.get().unpublished).toBe(true);
    expect(await publishedOn(endpoint)).toBeUndefined();

    // The page reloads: the mark is read back, and the next sync online publishes.
    const after = tablet(kiosk, endpoint.fetch);
    await after.run(endpoint.settings);
    expect(await publishedOn(endpoint)).toMatchObject({
      version: 1,
      config: { name: 'Lagret uten nett' },
    });
    expect(after.state.get().following).toBe(1);
    expect(after.state.get().unpublished).toBeUndefined();
    expect(await readSetting('configSync')).toEqual({ following: 1 });
  });

  it('a publish the endpoint refuses keeps its issues and stays unpublished', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    // An endpoint whose schema is stricter than this tablet's (a newer version) answers 400.
    const refusing = (async (input: RequestInfo | URL, init?: RequestInit) =>
      init?.method === 'PUT'
        ? Response.json(
            {
              ok: false,
              error: 'invalid',
              message: 'The configuration is not valid.',
              issues: [{ path: 'config.name', message: 'must be at most 60 characters' }],
            },
            { status: 400 },
          )
        : endpoint.fetch(input, init)) as typeof fetch;
    const kiosk = testKiosk();
    const sync = tablet(kiosk, refusing);
    await sync.changed();
    await sync.run(endpoint.settings);
    expect(sync.state.get()).toMatchObject({
      unpublished: true,
      issues: ['config.name: must be at most 60 characters'],
    });
    // Not sent again until the lead saves again.
    await sync.run(endpoint.settings);
    expect(await publishedOn(endpoint)).toBeUndefined();
    expect(await readSetting('configSync')).toEqual({ following: 0, unpublished: true });
  });

  it('publishes under the site the tablet is paired with, whatever its preset named', async () => {
    const endpoint = await testEndpoint('annet-sted');
    endpointFetch = endpoint.fetch;
    const kiosk = testKiosk();
    const sync = tablet(kiosk, endpoint.fetch);
    await sync.changed();
    await sync.run(endpoint.settings);
    expect(sync.state.get().following).toBe(1);
  });

  it('a sync run asks for the configuration after the upload, and plans travel too', async () => {
    const endpoint = await testEndpoint();
    endpointFetch = endpoint.fetch;
    const other = await endpoint.addDevice();
    const plan = [{ date: '2026-11-24', title: 'Håp' }];
    const answer = await endpoint.fetch(CONFIG_URL, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${other.settings.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ baseVersion: 0, config: hjerteromAlta, plan }),
    });
    expect(answer.status).toBe(200);
    const kiosk = testKiosk();
    const seen = counting(endpoint.fetch);
    const controller = createSyncController(kiosk.store, {
      fetch: seen.fetch,
      autoTriggers: false,
      doorBusy: () => false,
    });
    await controller.pair(endpoint.settings);
    await controller.trigger('manual');
    await expect.poll(() => controller.config.state.get().following).toBe(1);
    expect(seen.statuses[0]).toBe(200);
    const { db } = await kiosk.storage;
    expect(await wordOn(db, '2026-11-24')).toMatchObject({ title: 'Håp' });
    controller.stop();
  });

  it('paired with another endpoint, the tablet follows none of its versions yet', async () => {
    const first = await testEndpoint();
    endpointFetch = first.fetch;
    const kiosk = testKiosk();
    // The other endpoint cannot be reached: nothing it could answer changes what is checked.
    const fetcher = ((input: RequestInfo | URL, init?: RequestInit) =>
      String(input).startsWith('https://another.example')
        ? Promise.reject(new TypeError('offline'))
        : first.fetch(input, init)) as typeof fetch;
    const controller = createSyncController(kiosk.store, {
      fetch: fetcher,
      autoTriggers: false,
      doorBusy: () => false,
    });
    await controller.pair(first.settings);
    await controller.config.changed();
    await controller.trigger('manual');
    await expect.poll(() => controller.config.state.get().following).toBe(1);
    await controller.pair({ ...first.settings, endpoint: 'https://another.example' });
    await controller.trigger('manual');
    expect(controller.config.state.get().following).toBe(0);
    expect(await readSetting('configSync')).toMatchObject({ following: 0 });
    controller.stop();
  });
});
