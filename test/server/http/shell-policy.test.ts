import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/index.ts';
import type { Store } from '../../../src/server/store/index.ts';
import { tempSqliteStore } from '../harness.ts';
import { shellScript } from '../../../src/state/cold-start/shell.ts';
import { SHELL_MARKER } from '../../../vite.config.ts';

// The shell as the build writes it: index.html with the cold-start script inlined at its
// marker, by the same function the build's plugin calls.
const SHELL = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'index.html'),
  'utf8',
).replace(SHELL_MARKER, () => `<script>${shellScript()}</script>`);

let store: Store;
let dispose: () => Promise<void>;
let distDir: string;
beforeEach(() => {
  ({ store, dispose } = tempSqliteStore());
  distDir = mkdtempSync(join(tmpdir(), 'terskel-dist-'));
  writeFileSync(join(distDir, 'index.html'), SHELL);
});
afterEach(async () => {
  rmSync(distDir, { recursive: true, force: true });
  await dispose();
});

/** The text between the one inline `<script>` and its end tag, found without a regex. */
function inlineScript(html: string): string {
  const start = html.indexOf('<script>') + '<script>'.length;
  return html.slice(start, html.indexOf('</script>', start));
}

const policyOf = async (path: string, connectSources?: string[]) => {
  const app = createApp({
    store,
    logger: () => {},
    distDir,
    ...(connectSources ? { connectSources } : {}),
  });
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return new Map(
    (response.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
};

it('sends the shell with a CSP that allows its inline script by hash and nothing else inline', async () => {
  const hash = createHash('sha256').update(inlineScript(SHELL)).digest('base64');
  for (const path of ['/', '/staff/settings']) {
    const policy = await policyOf(path);
    expect(policy.get('script-src')).toEqual(["'self'", `'sha256-${hash}'`]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('manifest-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'https:',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
  }
});

it('follows the shell when it is rebuilt, and adds configured connect sources', async () => {
  writeFileSync(join(distDir, 'index.html'), SHELL.replace('Sjekk inn', 'Sjekk inn!'));
  const changed = createHash('sha256')
    .update(inlineScript(SHELL.replace('Sjekk inn', 'Sjekk inn!')))
    .digest('base64');
  const policy = await policyOf('/', ['http://192.168.1.10:8080']);
  expect(policy.get('script-src')).toEqual(["'self'", `'sha256-${changed}'`]);
  expect(policy.get('connect-src')).toContain('http://192.168.1.10:8080');
});

it('may not be framed, and its API answers are not cached', async () => {
  const app = createApp({ store, logger: () => {}, distDir });
  const shell = await app.request('/');
  expect(shell.headers.get('x-frame-options')).toBe('DENY');
  expect((await app.request('/api/v1/health')).headers.get('cache-control')).toBe('no-store');
});
