/**
 * The operator's commands (`npm run terskel -- …`): sites, devices, replicas, admin tokens. A token is
 * printed once and then exists only as a hash. With --json, stdout carries exactly one JSON
 * object so scripts can read it; everything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import qrcode from 'qrcode-terminal';
import { PLAIN_TEXT_PATTERN } from '../../shared/protocol.ts';
import { slugSchema } from '../../shared/slug.ts';
import {
  newDeviceCode,
  provisionAdminToken,
  provisionDevice,
  publicUrlFrom,
} from '../provisioning.ts';
import {
  ADMIN_ROLES,
  openStoreFromEnv,
  StoreConflictError,
  type AdminRole,
  type AuditAction,
  type ReplicaRecord,
  type Store,
} from '../store/index.ts';

/** The audit log's name for whoever runs the CLI (it has no token to take a label from). */
export const CLI_ACTOR = 'cli';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  now?: () => Date;
  /** A store to use instead of opening one from the environment. */
  store?: Store;
}

/** The usage text. */
export const USAGE = `Usage: npm run terskel -- <command>

  site add <slug> --name <text>                   add a site (slug: a-z, 0-9, -)
  site list                                       list sites
  device add --site <slug> [--label <text>] [--json]
                                                  add a tablet: prints its token (once),
                                                  provisioning link, QR code and pairing code
  device list [--site <slug>]                     list devices, last sync and app version
  device revoke <device>                          revoke a device's token
  device code <device> [--json]                   a new pairing code, link and QR code for a
                                                  device: it gets a new token, and its old
                                                  token and codes stop working at once
  device label <device> <text>                    rename a device ("" removes the label)
  replica list --site <slug> [--json]             list a site's replicas (each tablet
                                                  database's counting): the device that last
                                                  sent it, first and last upload, days, totals
  replica remove <replica> --site <slug>          remove a replica and all its counts (its
                                                  tablet, if it still exists, sends it again)
  admin add [--label <text>] [--role read|manage] [--json]
                                                  add an admin token (dashboard, all sites):
                                                  read sees everything, manage (the default)
                                                  also changes sites and devices
  admin list [--json]                             list admin tokens (never the tokens)
  admin revoke <id>                               revoke an admin token

Environment: DATA_DIR (SQLite folder, default ./data), DATABASE_URL (PostgreSQL instead),
PUBLIC_URL (the endpoint's address in links, default http://localhost:<PORT>, PORT default 8080).`;

/** A mistake of the operator's: printed with the usage hint, exit code 2. */
class UsageError extends Error {}

function publicUrlOf(env: Record<string, string | undefined>): string {
  const value = publicUrlFrom(env);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`PUBLIC_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`PUBLIC_URL must start with https:// or http://: ${value}`);
  }
  return value.replace(/\/+$/, '');
}

function slug(value: string | undefined, what: string): string {
  if (value === undefined) throw new UsageError(`${what} is missing.`);
  if (!slugSchema.safeParse(value).success) {
    throw new UsageError(
      `${what} "${value}" is not a slug: use a-z, 0-9 and -, starting with a letter or digit, at most 63 characters.`,
    );
  }
  return value;
}

function qr(text: string): string {
  let drawn = '';
  qrcode.generate(text, { small: true }, (code) => {
    drawn = code;
  });
  return drawn;
}

/** A name or label as the operator typed it, refused if it holds a control character. */
function plainText(value: string | undefined, what: string): string | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  if (!PLAIN_TEXT_PATTERN.test(text)) {
    throw new UsageError(`${what} must not contain control characters.`);
  }
  if (text.length > 200) throw new UsageError(`${what} is longer than 200 characters.`);
  return text;
}

// Stored text may come from a device or from before the rule above: a control character in it
// is printed as an escape (\u001b), never sent to the operator's terminal as itself.
const CONTROL_CHARACTER = /[\p{Cc}\p{Bidi_Control}]/gu;

/** `text` with every control character written as a visible escape. */
export function printable(text: string): string {
  return text.replace(
    CONTROL_CHARACTER,
    (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}

const pad = (text: string, width: number) => printable(text).padEnd(width);

/** An instant as the replica table shows it: to the minute, in UTC. */
const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** A replica's totals in a line: `visit 240, middag 31, bingo 12 (120 kr)`. */
function totalsLine(replica: ReplicaRecord): string {
  if (replica.totals.length === 0) return 'no counts';
  return replica.totals
    .map(
      (total) =>
        `${printable(total.counter)} ${total.net}${total.amountNok === undefined ? '' : ` (${total.amountNok} kr)`}`,
    )
    .join(', ');
}

/** Which dates a replica has counts for: ` (2026-11-01 to 2026-11-23)`, or nothing. */
function dateRange(replica: ReplicaRecord): string {
  const { firstDate, lastDate } = replica;
  if (firstDate === null || lastDate === null) return '';
  return firstDate === lastDate ? ` (${firstDate})` : ` (${firstDate} to ${lastDate})`;
}

/** The device that last sent a replica: its id, label and whether it is revoked. */
function deviceText(replica: ReplicaRecord): string {
  const { id, label, revokedAt } = replica.device;
  return [id, label === null ? '' : printable(label), revokedAt ? '(revoked)' : '']
    .filter((part) => part !== '')
    .join(' ');
}

function adminRole(value: string | undefined): AdminRole | undefined {
  if (value === undefined) return undefined;
  const role = ADMIN_ROLES.find((known) => known === value);
  if (!role) throw new UsageError(`--role is read or manage, not ${printable(value)}.`);
  return role;
}

/** Runs one CLI invocation; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const now = io.now ?? (() => new Date());
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        site: { type: 'string' },
        label: { type: 'string' },
        role: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [group, action, ...rest] = positionals;
  if (values.help || group === undefined || group === 'help') {
    (group === undefined && !values.help ? io.stderr : io.stdout)(`${USAGE}\n`);
    return group === undefined && !values.help ? 2 : 0;
  }

  let store = io.store;
  try {
    const command = `${group} ${action ?? ''}`.trim();
    const known = [
      'site add',
      'site list',
      'device add',
      'device list',
      'device revoke',
      'device code',
      'device label',
      'replica list',
      'replica remove',
      'admin add',
      'admin list',
      'admin revoke',
    ];
    if (!known.includes(command)) throw new UsageError(`Unknown command: ${command}`);
    const publicUrl =
      command === 'device add' || command === 'device code' ? publicUrlOf(io.env) : '';
    const expectedArgs =
      command === 'device label'
        ? 2
        : ['site add', 'device revoke', 'device code', 'replica remove', 'admin revoke'].includes(
              command,
            )
          ? 1
          : 0;
    if (rest.length > expectedArgs)
      throw new UsageError(`Unexpected argument: ${rest[expectedArgs]}`);
    const role = command === 'admin add' ? adminRole(values.role) : undefined;
    if (values.role !== undefined && command !== 'admin add') {
      throw new UsageError('--role belongs to admin add.');
    }
    store ??= (await openStoreFromEnv(io.env)).store;
    const opened = store;
    /** Writes what the CLI did to the audit log, as `cli`. */
    const audit = (action: AuditAction, target: string) =>
      opened.appendAudit({ actor: CLI_ACTOR, action, target }, now());
    /** The --site a command needs, refused unless it is a site that exists. */
    const knownSite = async () => {
      const site = slug(values.site, 'The --site slug');
      if (!(await opened.getSite(site))) {
        throw new UsageError(`There is no site ${site} (see site list).`);
      }
      return site;
    };

    switch (command) {
      case 'site add': {
        const site = slug(rest[0], 'The site slug');
        const name = plainText(values.name, 'The --name');
        if (!name) throw new UsageError('Give the site a name: --name "Hjerterom Alta".');
        await store.addSite({ slug: site, name }, now());
        await audit('site.add', site);
        io.stdout(`Added site ${site} (${name}).\n`);
        return 0;
      }
      case 'site list': {
        const sites = await store.listSites();
        if (sites.length === 0)
          io.stdout('No sites yet. Add one with: site add <slug> --name <text>\n');
        for (const site of sites) io.stdout(`${pad(site.slug, 24)} ${printable(site.name)}\n`);
        return 0;
      }
      case 'device add': {
        const site = slug(values.site, 'The --site slug');
        if (!(await store.getSite(site))) {
          throw new UsageError(
            `There is no site ${site}. Add it first: site add ${site} --name <text>`,
          );
        }
        const label = plainText(values.label, 'The --label');
        const added = await provisionDevice(
          store,
          { site, publicUrl, ...(label ? { label } : {}) },
          now(),
        );
        await audit('device.add', added.device.id);
        if (values.json) {
          io.stdout(
            `${JSON.stringify({ site, device: added.device.id, token: added.token, link: added.link, code: added.code })}\n`,
          );
          return 0;
        }
        io.stdout(
          [
            `Added device ${added.device.id} to site ${site}${label ? ` (${label})` : ''}.`,
            '',
            'Token (shown only now; it is stored as a hash):',
            `  ${added.token}`,
            '',
            'Provisioning link (open it on the tablet; it holds the pairing code below, in the # part,',
            'never sent to a server; single use, valid 24 hours):',
            `  ${added.link}`,
            '',
            qr(added.link),
            `Pairing code (the link's own: or type it in staff mode with the address ${publicUrl}):`,
            `  ${added.code}`,
            '',
          ].join('\n'),
        );
        return 0;
      }
      case 'device list': {
        const site = values.site === undefined ? undefined : slug(values.site, 'The --site slug');
        const devices = await store.listDevices(site);
        if (devices.length === 0) io.stdout('No devices.\n');
        for (const device of devices) {
          io.stdout(
            [
              device.id,
              pad(device.site, 20),
              pad(device.revokedAt ? 'revoked' : 'active', 8),
              pad(`last sync ${device.lastSeenAt ?? 'never'}`, 34),
              pad(device.appVersion ?? '-', 16),
              printable(device.label ?? ''),
            ].join('  ') + '\n',
          );
        }
        return 0;
      }
      case 'device revoke': {
        const id = rest[0];
        if (!id) throw new UsageError('Which device? device revoke <device id> (see device list).');
        if (!(await store.revokeDevice(id, now()))) {
          throw new UsageError(`There is no device ${id} (see device list).`);
        }
        await audit('device.revoke', id);
        io.stdout(`Revoked device ${id}: its token no longer works; its counts stay.\n`);
        return 0;
      }
      case 'device code': {
        const id = rest[0];
        if (!id) throw new UsageError('Which device? device code <device id> (see device list).');
        const issued = await newDeviceCode(store, { deviceId: id, publicUrl }, now());
        if (!issued) {
          throw new UsageError(
            `There is no live device ${printable(id)} (see device list; a revoked one needs device add).`,
          );
        }
        await audit('device.code', issued.device.id);
        const { device, code, link } = issued;
        if (values.json) {
          io.stdout(`${JSON.stringify({ site: device.site, device: device.id, link, code })}\n`);
          return 0;
        }
        io.stdout(
          [
            `New pairing code for device ${device.id} of site ${device.site}${device.label ? ` (${printable(device.label)})` : ''}.`,
            'Its old token and any earlier code stopped working now; the tablet keeps its counts and',
            'sends them again once it is paired with this code (nothing is counted twice).',
            '',
            'Provisioning link (open it on the tablet; single use, valid 24 hours):',
            `  ${link}`,
            '',
            qr(link),
            `Pairing code (or type it in staff mode with the address ${publicUrl}):`,
            `  ${code}`,
            '',
          ].join('\n'),
        );
        return 0;
      }
      case 'device label': {
        const [id, text] = rest;
        if (!id || text === undefined) {
          throw new UsageError('Give the device and its label: device label <device id> <text>.');
        }
        const label = plainText(text, 'The label') ?? null;
        if (!(await store.setDeviceLabel(id, label))) {
          throw new UsageError(`There is no device ${printable(id)} (see device list).`);
        }
        await audit('device.label', id);
        io.stdout(
          label ? `Device ${id} is now labelled ${label}.\n` : `Device ${id} has no label now.\n`,
        );
        return 0;
      }
      case 'replica list': {
        const site = await knownSite();
        const replicas = await store.listReplicas(site);
        if (values.json) {
          io.stdout(`${JSON.stringify({ site, replicas })}\n`);
          return 0;
        }
        if (replicas.length === 0) {
          io.stdout(`No replicas at site ${site}: a tablet's first upload makes one.\n`);
          return 0;
        }
        const row = (...cells: string[]) =>
          [
            cells[0]!.padEnd(36),
            cells[1]!.padEnd(16),
            cells[2]!.padEnd(16),
            cells[3]!.padEnd(28),
            cells[4]!,
          ].join('  ');
        io.stdout(
          `${row('replica', 'first upload', 'last upload', 'days', 'last sent by device')}\n`,
        );
        for (const replica of replicas) {
          io.stdout(
            `${row(
              printable(replica.replica),
              minute(replica.firstSentAt),
              minute(replica.lastSentAt),
              `${replica.days}${dateRange(replica)}`,
              deviceText(replica),
            )}\n    totals: ${totalsLine(replica)}\n`,
          );
        }
        io.stdout('Times are UTC; totals are net (in minus out) over all days of the replica.\n');
        return 0;
      }
      case 'replica remove': {
        const id = rest[0];
        if (!id) {
          throw new UsageError(
            'Which replica? replica remove <replica id> --site <slug> (see replica list).',
          );
        }
        const site = await knownSite();
        const listed = (await store.listReplicas(site)).find((replica) => replica.replica === id);
        if (!(await store.removeReplica(site, id))) {
          throw new UsageError(
            `There is no replica ${printable(id)} at site ${site} (see replica list --site ${site}).`,
          );
        }
        await audit('replica.remove', id);
        io.stdout(
          [
            listed
              ? `Removed replica ${printable(id)} from site ${site}: ${listed.days} ${listed.days === 1 ? 'day' : 'days'}${dateRange(listed)}, ${totalsLine(listed)}; last sent by device ${deviceText(listed)} at ${listed.lastSentAt}.`
              : `Removed the counts of replica ${printable(id)} from site ${site}.`,
            "The site's totals no longer include it; the days' closings stay. If its tablet still",
            'exists, its next upload makes the replica again; pair it again (device code, or device',
            'add for a revoked device) to make it send every day it still has.',
            '',
          ].join('\n'),
        );
        return 0;
      }
      case 'admin add': {
        const label = plainText(values.label, 'The --label') ?? 'admin';
        const { token, admin } = await provisionAdminToken(
          store,
          { label, role: role ?? 'manage' },
          now(),
        );
        await audit('admin.add', admin.id);
        if (values.json) {
          io.stdout(`${JSON.stringify({ token, id: admin.id, label, role: admin.role })}\n`);
        } else {
          io.stdout(
            [
              `Added admin token ${admin.id} (${label}, ${admin.role}).`,
              'Token (shown only now; it is stored as a hash; use it on /dashboard):',
              `  ${token}`,
              '',
            ].join('\n'),
          );
        }
        return 0;
      }
      case 'admin list': {
        const admins = await store.listAdminTokens();
        if (values.json) {
          io.stdout(`${JSON.stringify({ tokens: admins })}\n`);
          return 0;
        }
        if (admins.length === 0) io.stdout('No admin tokens. Add one with: admin add\n');
        for (const admin of admins) {
          io.stdout(
            [
              admin.id,
              pad(admin.role, 6),
              pad(admin.revokedAt ? 'revoked' : 'active', 8),
              pad(`created ${admin.createdAt}`, 32),
              printable(admin.label),
            ].join('  ') + '\n',
          );
        }
        return 0;
      }
      case 'admin revoke': {
        const id = rest[0];
        if (!id) throw new UsageError('Which token? admin revoke <id> (see admin list).');
        if (!(await store.revokeAdminToken(id, now()))) {
          throw new UsageError(`There is no admin token ${printable(id)} (see admin list).`);
        }
        await audit('admin.revoke', id);
        io.stdout(`Revoked admin token ${id}: it no longer works.\n`);
        return 0;
      }
    }
    return 2;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (error instanceof StoreConflictError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    io.stderr(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (!io.store) await store?.close();
  }
}
