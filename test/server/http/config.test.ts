// A site's published configuration through app.request: versions, a cheap "not modified",
// optimistic concurrency (never a silent overwrite), validation naming the field, the size
// limit, and who may read and publish.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presetById } from '../../../src/domain/presets/index.ts';
import { provisionAdminToken } from '../../../src/server/cli/index.ts';
import { MAX_CONFIG_BYTES, type WordPlan } from '../../../src/shared/config-publication.ts';
import type { SiteConfig } from '../../../src/shared/site-config.ts';
import { SITE, seededEndpoint, tempSqliteStore } from '../harness.ts';

let endpoint: Awaited<ReturnType<typeof seededEndpoint>>;
let dispose: () => Promise<void>;
let store: ReturnType<typeof tempSqliteStore>['store'];

beforeEach(async () => {
  ({ store, dispose } = tempSqliteStore());
  endpoint = await seededEndpoint(store);
});
afterEach(() => dispose());

const config = (): SiteConfig => ({ ...presetById(SITE)!, site: SITE });
const plan: WordPlan = [
  { date: '2026-11-23', title: 'Håp', text: 'Ord for dagen.' },
  { date: '2026-11-24', title: 'Fred' },
];

function put(body: unknown, token = endpoint.tablet.token, site = SITE) {
  return endpoint.app.request(`/api/v1/sites/${site}/config`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
function get(token = endpoint.tablet.token, headers: Record<string, string> = {}, site = SITE) {
  return endpoint.app.request(`/api/v1/sites/${site}/config`, {
    headers: { Authorization: `Bearer ${token}`, ...headers },
  });
}

describe('GET and PUT /api/v1/sites/:site/config', () => {
  it('answers 404 before the first publish, and the first publish is version 1', async () => {
    expect((await get()).status).toBe(404);
    const published = await put({ baseVersion: 0, config: config(), plan });
    expect(published.status).toBe(200);
    expect(await published.json()).toEqual({ ok: true, version: 1 });
    const read = await get();
    expect(read.status).toBe(200);
    expect(read.headers.get('ETag')).toBe('"1"');
    expect(await read.json()).toEqual({
      ok: true,
      version: 1,
      config: config(),
      plan,
      updatedAt: '2026-11-23T16:05:00.000Z',
      updatedBy: 'Døra',
    });
  });

  it('answers 304 without a body when the tablet has the current version', async () => {
    await put({ baseVersion: 0, config: config(), plan });
    const same = await get(endpoint.tablet.token, { 'If-None-Match': '"1"' });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    await put({ baseVersion: 1, config: { ...config(), name: 'Hjerterommet' }, plan });
    const newer = await get(endpoint.tablet.token, { 'If-None-Match': '"1"' });
    expect(newer.status).toBe(200);
    expect(await newer.json()).toMatchObject({ version: 2, config: { name: 'Hjerterommet' } });
  });

  it('refuses a publish based on an old version with 409 and the current version, changing nothing', async () => {
    await put({ baseVersion: 0, config: config(), plan });
    await put({ baseVersion: 1, config: { ...config(), name: 'Versjon to' }, plan });
    const stale = await put({ baseVersion: 1, config: { ...config(), name: 'Gammel' }, plan: [] });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      ok: false,
      error: 'conflict',
      current: { version: 2, config: { name: 'Versjon to' }, plan },
    });
    const again = await put({ baseVersion: 0, config: config(), plan });
    expect(again.status).toBe(409);
    expect(await (await get()).json()).toMatchObject({
      version: 2,
      config: { name: 'Versjon to' },
    });
  });

  it('lets exactly one of two publishes from the same version win', async () => {
    await put({ baseVersion: 0, config: config(), plan });
    const answers = await Promise.all(
      ['A', 'B'].map((name) => put({ baseVersion: 1, config: { ...config(), name }, plan })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('refuses an invalid configuration with 400 naming the field, and keeps the stored one', async () => {
    await put({ baseVersion: 0, config: config(), plan });
    for (const [body, path] of [
      [
        { baseVersion: 1, config: { ...config(), timeZone: 'Europe/Olso' }, plan },
        'config.timeZone',
      ],
      [{ baseVersion: 1, config: { ...config(), site: 'en-ainna-plass' }, plan }, 'config.site'],
      [{ baseVersion: 1, config: config(), plan: [plan[0], plan[0]] }, 'plan.1.date'],
      [{ baseVersion: -1, config: config(), plan }, 'baseVersion'],
      [{ baseVersion: 1, config: config() }, 'plan'],
    ] as const) {
      const answer = await put(body);
      expect(answer.status).toBe(400);
      const issues = ((await answer.json()) as { issues: Array<{ path: string }> }).issues;
      expect(issues.map((issue) => issue.path)).toContain(path);
    }
    expect(await (await get()).json()).toMatchObject({ version: 1, config: config() });
  });

  it("takes a year's plan of long texts, and refuses a body over its own limit with 413", async () => {
    const year: WordPlan = Array.from({ length: 366 }, (_, i) => ({
      date: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
      title: 'Dagens ord',
      text: 'ø'.repeat(1000),
      reference: 'Salme 23',
    }));
    const answer = await put({ baseVersion: 0, config: config(), plan: year });
    expect(answer.status, await answer.clone().text()).toBe(200);
    const tooLarge = await put(
      JSON.stringify({ baseVersion: 1, config: config(), plan: year }).padEnd(MAX_CONFIG_BYTES + 1),
    );
    expect(tooLarge.status).toBe(413);
  });

  it('lets a device of the site and any admin read; a device of the site and a manage admin publish', async () => {
    const reader = await provisionAdminToken(
      store,
      { label: 'Koordinator', role: 'read' },
      new Date(),
    );
    const manager = await provisionAdminToken(
      store,
      { label: 'Leder', role: 'manage' },
      new Date(),
    );
    expect((await put({ baseVersion: 0, config: config(), plan }, reader.token)).status).toBe(403);
    expect(
      (await put({ baseVersion: 0, config: config(), plan }, endpoint.other.token)).status,
    ).toBe(403);
    expect((await put({ baseVersion: 0, config: config(), plan }, manager.token)).status).toBe(200);
    expect((await get(reader.token)).status).toBe(200);
    expect((await get(endpoint.other.token)).status).toBe(403);
    expect((await get(reader.token, {}, 'no-such-site')).status).toBe(404);
    const stranger = await endpoint.app.request(`/api/v1/sites/${SITE}/config`);
    expect(stranger.status).toBe(401);
    // The publish is logged under the token's label, never the token.
    expect(await store.listAudit(1)).toEqual([
      { at: expect.any(String), actor: 'Leder', action: 'config.publish', target: SITE },
    ]);
    const wrongMethod = await endpoint.app.request(`/api/v1/sites/${SITE}/config`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${manager.token}` },
    });
    expect(wrongMethod.status).toBe(405);
  });
});
