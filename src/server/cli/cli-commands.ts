/**
 * The operator's commands (`npm run terskel -- …`): sites, devices, admin tokens. A token is
 * printed once and then exists only as a hash. With --json, stdout carries exactly one JSON
 * object so scripts can read it; everything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import qrcode from 'qrcode-terminal';
import { PLAIN_TEXT_PATTERN } from '../../shared/protocol.ts';
import { slugSchema } from '../../shared/slug.ts';
import { provisionAdmin, provisionDevice, publicUrlFrom } from './provisioning.ts';
import { openStoreFromEnv, StoreConflictError, type Store } from '../store/index.ts';

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
  admin add [--json]                              add an admin token (dashboard, all sites)

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
      'admin add',
    ];
    if (!known.includes(command)) throw new UsageError(`Unknown command: ${command}`);
    const publicUrl = command === 'device add' ? publicUrlOf(io.env) : '';
    const expectedArgs = command === 'site add' || command === 'device revoke' ? 1 : 0;
    if (rest.length > expectedArgs)
      throw new UsageError(`Unexpected argument: ${rest[expectedArgs]}`);
    store ??= (await openStoreFromEnv(io.env)).store;

    switch (command) {
      case 'site add': {
        const site = slug(rest[0], 'The site slug');
        const name = plainText(values.name, 'The --name');
        if (!name) throw new UsageError('Give the site a name: --name "Hjerterom Alta".');
        await store.addSite({ slug: site, name }, now());
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
        io.stdout(`Revoked device ${id}: its token no longer works; its counts stay.\n`);
        return 0;
      }
      case 'admin add': {
        const token = await provisionAdmin(store, now());
        if (values.json) {
          io.stdout(`${JSON.stringify({ token })}\n`);
        } else {
          io.stdout(`Admin token (shown only now; use it on /dashboard):\n  ${token}\n`);
        }
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
