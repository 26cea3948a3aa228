import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/index.ts';
import { runCli } from '../../../src/server/cli/index.ts';
import { openSqliteStore } from '../../../src/server/store/index.ts';
import { provisioningSchema } from '../../../src/shared/protocol.ts';
import {
  getDays,
  newSecret,
  postCounts,
  PROTOCOL_EXAMPLE_DAY,
  uploadBody,
  uploadBodyV2,
} from '../harness.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'terskel-cli-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the CLI in-process against DATA_DIR and collects its output. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { DATA_DIR: dataDir, PUBLIC_URL: 'https://terskel.example.no/' },
  });
  return { code, stdout, stderr };
}

describe('the terskel CLI', () => {
  it('adds a device with --json as one JSON object whose token works against the app', async () => {
    const env = { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'https://terskel.example.no' };
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const cliPath = join(root, 'src', 'server', 'cli', 'cli.ts');
    await run(tsx, [cliPath, 'site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta'], {
      env,
      cwd: root,
    });
    const { stdout } = await run(
      tsx,
      [cliPath, 'device', 'add', '--site', 'hjerterom-alta', '--label', 'Døra', '--json'],
      {
        env,
        cwd: root,
      },
    );
    // Exactly one JSON object and nothing else on stdout.
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const added = JSON.parse(stdout);
    expect(Object.keys(added)).toEqual(['site', 'device', 'token', 'link', 'code']);
    expect(added.site).toBe('hjerterom-alta');
    expect(added.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(added.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const link = new URL(added.link);
    expect(`${link.origin}${link.pathname}`).toBe('https://terskel.example.no/');
    expect(link.hash.startsWith('#/provision?c=')).toBe(true);
    const payload = JSON.parse(
      Buffer.from(link.hash.slice('#/provision?c='.length), 'base64url').toString('utf8'),
    );
    // The link carries the single-use pairing code, never the token.
    expect(provisioningSchema.parse(payload)).toEqual({
      endpoint: 'https://terskel.example.no',
      site: 'hjerterom-alta',
      code: added.code,
    });
    expect(added.link).not.toContain(added.token);

    const store = openSqliteStore({ dataDir });
    try {
      const app = createApp({ store, logger: () => {} });
      const upload = uploadBody({ site: added.site, id: added.device }, randomUUID(), [
        PROTOCOL_EXAMPLE_DAY,
      ]);
      expect((await postCounts(app, added.token, upload)).status).toBe(200);
      const paired = await app.request('/api/v1/pair', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: added.code }),
      });
      expect(await paired.json()).toEqual({
        ok: true,
        site: added.site,
        device: added.device,
        token: added.token,
      });
    } finally {
      await store.close();
    }
  }, 30_000);

  it('prints the token, link, a QR code and the pairing code for people', async () => {
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    const { code, stdout } = await cli('device', 'add', '--site', 'hjerterom-alta');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Token.*\n {2}[A-Za-z0-9_-]{43}\n/);
    expect(stdout).toContain('https://terskel.example.no/#/provision?c=');
    expect(stdout).toMatch(/[▀▄█]{5}/);
    expect(stdout).toMatch(/Pairing code.*\n {2}[0-9A-Z]{5}-[0-9A-Z]{5}/);
  });

  it('lists sites and devices, and revokes a device so its token stops working', async () => {
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    await cli('site', 'add', 'en-ainna-plass', '--name', 'En ainna plass');
    const added = JSON.parse(
      (await cli('device', 'add', '--site', 'hjerterom-alta', '--json')).stdout,
    );
    await cli('device', 'add', '--site', 'en-ainna-plass', '--label', 'Stua');
    expect((await cli('site', 'list')).stdout).toMatch(
      /en-ainna-plass\s+En ainna plass\nhjerterom-alta\s+Hjerterom Alta\n/,
    );
    const all = await cli('device', 'list');
    expect(all.stdout.trim().split('\n')).toHaveLength(2);
    const one = await cli('device', 'list', '--site', 'en-ainna-plass');
    expect(one.stdout).toContain('Stua');
    expect(one.stdout).not.toContain(added.device);
    expect((await cli('device', 'revoke', added.device)).code).toBe(0);
    expect((await cli('device', 'list', '--site', 'hjerterom-alta')).stdout).toContain('revoked');
    const store = openSqliteStore({ dataDir });
    try {
      const app = createApp({ store, logger: () => {} });
      const upload = uploadBody({ site: added.site, id: added.device }, randomUUID(), [
        PROTOCOL_EXAMPLE_DAY,
      ]);
      expect((await postCounts(app, added.token, upload)).status).toBe(401);
    } finally {
      await store.close();
    }
  });

  it('adds an admin token with --json that opens the admin API', async () => {
    const { code, stdout } = await cli('admin', 'add', '--json');
    expect(code).toBe(0);
    const { token } = JSON.parse(stdout);
    expect(Object.keys(JSON.parse(stdout))).toEqual(['token', 'id', 'label', 'role']);
    const store = openSqliteStore({ dataDir });
    try {
      const app = createApp({ store, logger: () => {} });
      const response = await app.request('/api/v1/admin/sites', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await store.close();
    }
  });

  it('adds, lists and revokes admin tokens of either role, logging each change as cli', async () => {
    const reader = JSON.parse(
      (await cli('admin', 'add', '--label', 'Styret', '--role', 'read', '--json')).stdout,
    );
    expect(reader).toMatchObject({ label: 'Styret', role: 'read' });
    const people = await cli('admin', 'add', '--label', 'Kontoret');
    expect(people.code).toBe(0);
    expect(people.stdout).toMatch(
      /Added admin token [0-9a-f-]{36} \(Kontoret, manage\)\.\n.*\n {2}[A-Za-z0-9_-]{43}\n/,
    );
    const manager = people.stdout.match(/\n {2}([A-Za-z0-9_-]{43})\n/)![1]!;

    const listed = await cli('admin', 'list');
    expect(listed.stdout).toMatch(
      new RegExp(`${reader.id}\\s+read\\s+active\\s+created \\S+\\s+Styret\\n`),
    );
    expect(listed.stdout).toContain('manage');
    expect(listed.stdout).not.toContain(reader.token);
    expect(listed.stdout).not.toContain(manager);
    const json = JSON.parse((await cli('admin', 'list', '--json')).stdout);
    expect(json.tokens.map((admin: { label: string }) => admin.label).sort()).toEqual([
      'Kontoret',
      'Styret',
    ]);
    expect(JSON.stringify(json)).not.toContain(reader.token);

    expect((await cli('admin', 'revoke', reader.id)).code).toBe(0);
    expect((await cli('admin', 'list')).stdout).toMatch(
      new RegExp(`${reader.id}\\s+read\\s+revoked`),
    );
    const store = openSqliteStore({ dataDir });
    try {
      const app = createApp({ store, logger: () => {} });
      const as = (token: string) =>
        app.request('/api/v1/admin/tokens', { headers: { Authorization: `Bearer ${token}` } });
      expect((await as(reader.token)).status).toBe(401);
      expect((await as(manager)).status).toBe(200);
      const log = await store.listAudit(10);
      expect(log.map(({ actor, action }) => `${actor} ${action}`)).toEqual([
        'cli admin.revoke',
        'cli admin.add',
        'cli admin.add',
      ]);
      expect(log[0]!.target).toBe(reader.id);
    } finally {
      await store.close();
    }
  });

  it('gives a device a new pairing code, link and QR code; the tablet pairs again without counting twice', async () => {
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    const added = JSON.parse(
      (await cli('device', 'add', '--site', 'hjerterom-alta', '--label', 'Døra', '--json')).stdout,
    );
    const replica = randomUUID();
    const upload = (token: string) =>
      postCounts(
        app,
        token,
        uploadBody({ site: added.site, id: added.device }, replica, [PROTOCOL_EXAMPLE_DAY]),
      );
    let store = openSqliteStore({ dataDir });
    let app = createApp({ store, logger: () => {} });
    let before: unknown;
    try {
      expect((await upload(added.token)).status).toBe(200);
      before = await (
        await getDays(app, added.token, 'hjerterom-alta', '2026-11-23', '2026-11-23')
      ).json();
    } finally {
      await store.close();
    }

    const people = await cli('device', 'code', added.device);
    expect(people.code).toBe(0);
    expect(people.stdout).toContain(
      `New pairing code for device ${added.device} of site hjerterom-alta (Døra).`,
    );
    expect(people.stdout).toContain('https://terskel.example.no/#/provision?c=');
    expect(people.stdout).toMatch(/[▀▄█]{5}/);
    expect(people.stdout).toMatch(/Pairing code.*\n {2}[0-9A-Z]{5}-[0-9A-Z]{5}/);
    const issued = JSON.parse((await cli('device', 'code', added.device, '--json')).stdout);
    expect(Object.keys(issued)).toEqual(['site', 'device', 'link', 'code']);
    const payload = JSON.parse(
      Buffer.from(new URL(issued.link).hash.slice('#/provision?c='.length), 'base64url').toString(
        'utf8',
      ),
    );
    expect(provisioningSchema.parse(payload)).toEqual({
      endpoint: 'https://terskel.example.no',
      site: 'hjerterom-alta',
      code: issued.code,
    });

    store = openSqliteStore({ dataDir });
    app = createApp({ store, logger: () => {} });
    try {
      expect((await upload(added.token)).status).toBe(401);
      const pair = (code: string) =>
        app.request('/api/v1/pair', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code }),
        });
      // The first new code was replaced by the second, and the original one went with the old token.
      expect((await pair(added.code)).status).toBe(404);
      const paired = await pair(issued.code);
      expect(paired.status).toBe(200);
      const { token, device } = (await paired.json()) as { token: string; device: string };
      expect(device).toBe(added.device);
      expect((await upload(token)).status).toBe(200);
      expect(
        await (await getDays(app, token, 'hjerterom-alta', '2026-11-23', '2026-11-23')).json(),
      ).toEqual(before);
      expect(
        (await store.listAudit(2)).map(({ actor, action, target }) => ({ actor, action, target })),
      ).toEqual([
        { actor: 'cli', action: 'device.code', target: added.device },
        { actor: 'cli', action: 'device.code', target: added.device },
      ]);
    } finally {
      await store.close();
    }
    expect((await cli('device', 'revoke', added.device)).code).toBe(0);
    const revoked = await cli('device', 'code', added.device);
    expect(revoked.code).toBe(2);
    expect(revoked.stderr).toMatch(/no live device/);
  });

  it('relabels a device, refusing control characters and printing stored text safely', async () => {
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    const added = JSON.parse(
      (await cli('device', 'add', '--site', 'hjerterom-alta', '--json')).stdout,
    );
    const renamed = await cli('device', 'label', added.device, 'Kjøkkenet');
    expect(renamed).toMatchObject({
      code: 0,
      stdout: `Device ${added.device} is now labelled Kjøkkenet.\n`,
    });
    expect((await cli('device', 'list')).stdout).toMatch(/Kjøkkenet\n$/);
    const refused = await cli('device', 'label', added.device, 'Stua\u001b[2J');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/must not contain control characters/);
    expect((await cli('device', 'list')).stdout).toMatch(/Kjøkkenet\n$/);
    const cleared = await cli('device', 'label', added.device, '');
    expect(cleared.stdout).toBe(`Device ${added.device} has no label now.\n`);
    const store = openSqliteStore({ dataDir });
    try {
      expect((await store.listDevices())[0]!.label).toBeNull();
      expect((await store.listAudit(10)).map(({ actor, action }) => `${actor} ${action}`)).toEqual([
        'cli device.label',
        'cli device.label',
        'cli device.add',
        'cli site.add',
      ]);
    } finally {
      await store.close();
    }
  });

  it("lists a site's replicas and removes one whole, logging it as cli; its owner sends it again", async () => {
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    const door = JSON.parse(
      (await cli('device', 'add', '--site', 'hjerterom-alta', '--label', 'Døra', '--json')).stdout,
    );
    const bar = JSON.parse(
      (await cli('device', 'add', '--site', 'hjerterom-alta', '--label', 'Baren', '--json')).stdout,
    );
    expect((await cli('replica', 'list', '--site', 'hjerterom-alta')).stdout).toBe(
      "No replicas at site hjerterom-alta: a tablet's first upload makes one.\n",
    );
    const [own, secret, theirs] = [randomUUID(), newSecret(), randomUUID()];
    const ownDays = [
      { date: '2026-11-20', counts: [{ counter: 'visit', inc: 3, dec: 1 }] },
      { date: '2026-11-23', counts: PROTOCOL_EXAMPLE_DAY.counts },
    ];
    const days = async (app: ReturnType<typeof createApp>) =>
      (await getDays(app, door.token, 'hjerterom-alta', '2026-11-01', '2026-11-30')).json();
    let store = openSqliteStore({ dataDir });
    let before: unknown;
    try {
      const app = createApp({ store, logger: () => {} });
      const sent = uploadBodyV2({ site: 'hjerterom-alta', id: door.device }, own, secret, ownDays);
      expect((await postCounts(app, door.token, sent)).status).toBe(200);
      before = await days(app);
      const other = uploadBody({ site: 'hjerterom-alta', id: bar.device }, theirs, [
        { date: '2026-11-23', counts: [{ counter: 'visit', hour: 13, inc: 5, dec: 0 }] },
      ]);
      expect((await postCounts(app, bar.token, other)).status).toBe(200);
    } finally {
      await store.close();
    }

    const listed = await cli('replica', 'list', '--site', 'hjerterom-alta');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toMatch(/^replica\s+first upload\s+last upload\s+days\s+last sent by device$/);
    const time = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d';
    expect(listed.stdout).toMatch(
      new RegExp(
        `${own}\\s+${time}\\s+${time}\\s+2 \\(2026-11-20 to 2026-11-23\\)\\s+${door.device} Døra\\n` +
          ' {4}totals: bingo 12 \\(120 kr\\), middag 31, visit 26\\n',
      ),
    );
    expect(listed.stdout).toMatch(
      new RegExp(
        `${theirs}\\s+${time}\\s+${time}\\s+1 \\(2026-11-23\\)\\s+${bar.device} Baren\\n` +
          ' {4}totals: visit 5\\n',
      ),
    );
    const json = JSON.parse(
      (await cli('replica', 'list', '--site', 'hjerterom-alta', '--json')).stdout,
    );
    expect(json.site).toBe('hjerterom-alta');
    expect(json.replicas.map((replica: { replica: string }) => replica.replica).sort()).toEqual(
      [own, theirs].sort(),
    );
    expect(
      json.replicas.find((replica: { replica: string }) => replica.replica === theirs),
    ).toMatchObject({
      device: { id: bar.device, label: 'Baren', revokedAt: null },
      days: 1,
      totals: [{ counter: 'visit', net: 5 }],
    });

    const removed = await cli('replica', 'remove', theirs, '--site', 'hjerterom-alta');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(
      new RegExp(
        `^Removed replica ${theirs} from site hjerterom-alta: 1 day \\(2026-11-23\\), visit 5; ` +
          `last sent by device ${bar.device} Baren at \\S+\\.\\n`,
      ),
    );
    expect(removed.stdout).toContain('device code');
    const after = await cli('replica', 'list', '--site', 'hjerterom-alta');
    expect(after.stdout).toContain(own);
    expect(after.stdout).not.toContain(theirs);
    const again = await cli('replica', 'remove', theirs, '--site', 'hjerterom-alta');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `There is no replica ${theirs} at site hjerterom-alta (see replica list --site hjerterom-alta).\n`,
    );

    store = openSqliteStore({ dataDir });
    try {
      const app = createApp({ store, logger: () => {} });
      // The site's totals are its other replica's alone again.
      expect(await days(app)).toEqual(before);
      expect((await store.listAudit(1))[0]).toMatchObject({
        actor: 'cli',
        action: 'replica.remove',
        target: theirs,
      });
      // Its owner, paired again, sends what it still has: the replica is back as it was.
      const resent = uploadBody({ site: 'hjerterom-alta', id: bar.device }, theirs, [
        { date: '2026-11-23', counts: [{ counter: 'visit', hour: 13, inc: 5, dec: 0 }] },
      ]);
      expect((await postCounts(app, bar.token, resent)).status).toBe(200);
      expect((await store.listReplicas('hjerterom-alta')).map((r) => r.replica).sort()).toEqual(
        [own, theirs].sort(),
      );
    } finally {
      await store.close();
    }

    for (const [argv, message] of [
      [['replica', 'list'], /--site slug is missing/],
      [['replica', 'list', '--site', 'nowhere'], /There is no site nowhere/],
      [['replica', 'remove', '--site', 'hjerterom-alta'], /Which replica\?/],
      [['replica', 'remove', own, '--site', 'nowhere'], /There is no site nowhere/],
      [['replica', 'remove', own], /--site slug is missing/],
      [
        ['replica', 'remove', own, 'extra', '--site', 'hjerterom-alta'],
        /Unexpected argument: extra/,
      ],
    ] as const) {
      const refused = await cli(...argv);
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.stderr, argv.join(' ')).toMatch(message);
      expect(refused.stdout).toBe('');
    }
    // Nothing refused removed anything.
    expect((await cli('replica', 'list', '--site', 'hjerterom-alta')).stdout).toContain(own);
  });

  it('prints replica lines safely when a device label holds control characters', async () => {
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    const store = openSqliteStore({ dataDir });
    try {
      const device = await store.addDevice(
        {
          id: randomUUID(),
          site: 'hjerterom-alta',
          label: 'Døra\u001b[2J\u202e',
          tokenHash: 'x',
        },
        new Date(),
      );
      await store.mergeUpload(
        uploadBody({ site: 'hjerterom-alta', id: device.id }, randomUUID(), [
          { date: '2026-11-23', counts: [{ counter: 'visit', inc: 1, dec: 0 }] },
        ]),
        device.id,
        new Date(),
      );
    } finally {
      await store.close();
    }
    const { stdout } = await cli('replica', 'list', '--site', 'hjerterom-alta');
    expect(stdout).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e](?<!\n)/u);
    expect(stdout).toContain('Døra\\u001b[2J\\u202e');
  });

  it('links to PORT on this machine when PUBLIC_URL is not set', async () => {
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    let stdout = '';
    const code = await runCli(['device', 'add', '--site', 'hjerterom-alta'], {
      stdout: (text) => (stdout += text),
      stderr: () => {},
      env: { DATA_DIR: dataDir, PORT: '9123' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('  http://localhost:9123/#/provision?c=');
    expect(stdout).toContain('with the address http://localhost:9123)');
    expect(stdout).not.toContain('8080');
  });

  it('prints stored text with escape codes as visible escapes, and refuses them in names', async () => {
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    const store = openSqliteStore({ dataDir });
    try {
      // As a device (or an older endpoint) could have stored them.
      const device = await store.addDevice(
        {
          id: randomUUID(),
          site: 'hjerterom-alta',
          label: 'Døra\u001b[2J\u001b]0;owned\u0007',
          tokenHash: 'x',
        },
        new Date(),
      );
      await store.mergeUpload(
        uploadBody({ site: 'hjerterom-alta', id: device.id }, randomUUID(), [], {
          app: 'terskel\u001b[31m\u202e',
        }),
        device.id,
        new Date(),
      );
    } finally {
      await store.close();
    }
    const { stdout } = await cli('device', 'list');
    expect(stdout).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e](?<!\n)/u);
    expect(stdout).toContain('Døra\\u001b[2J\\u001b]0;owned\\u0007');
    expect(stdout).toContain('terskel\\u001b[31m\\u202e');
    for (const argv of [
      ['site', 'add', 'ny-plass', '--name', 'Ny\u001b[2J plass'],
      ['device', 'add', '--site', 'hjerterom-alta', '--label', 'Stua\u0007'],
    ]) {
      const refused = await cli(...argv);
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/must not contain control characters/);
    }
  });

  it('explains bad input and exits non-zero', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [[], 2, /Usage/],
      [['bogus'], 2, /Unknown command: bogus/],
      [['site', 'add', 'Not A Slug', '--name', 'x'], 2, /not a slug/],
      [['site', 'add', 'ok-slug'], 2, /--name/],
      [['device', 'add'], 2, /--site slug is missing/],
      [['device', 'add', '--site', 'nowhere'], 2, /There is no site nowhere/],
      [['device', 'revoke'], 2, /Which device/],
      [['device', 'revoke', 'nope'], 2, /There is no device nope/],
      [['site', 'list', '--colour'], 2, /Unknown option/],
      [['device', 'code'], 2, /Which device/],
      [['device', 'code', 'nope'], 2, /There is no live device nope/],
      [['device', 'label', 'nope'], 2, /device label <device id> <text>/],
      [['device', 'label', 'nope', 'Stua'], 2, /There is no device nope/],
      [['admin', 'add', '--role', 'owner'], 2, /--role is read or manage, not owner/],
      [['site', 'list', '--role', 'read'], 2, /--role belongs to admin add/],
      [['admin', 'revoke'], 2, /Which token/],
      [['admin', 'revoke', 'nope'], 2, /There is no admin token nope/],
    ];
    for (const [argv, exit, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(exit);
      expect(result.stderr, argv.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
    await cli('site', 'add', 'hjerterom-alta', '--name', 'Hjerterom Alta');
    const again = await cli('site', 'add', 'hjerterom-alta', '--name', 'Again');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const badUrl = await runCli(['device', 'add', '--site', 'hjerterom-alta'], {
      stdout: () => {},
      stderr: () => {},
      env: { DATA_DIR: dataDir, PUBLIC_URL: 'ftp://nope' },
    });
    expect(badUrl).toBe(2);
  });
});
