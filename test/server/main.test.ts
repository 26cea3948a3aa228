import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

it('listens on PORT, says where in one line, and drains and exits cleanly on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'terskel-main-'));
  // node --import tsx (not npx) so that SIGTERM reaches the server itself.
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    server.on('exit', (code) => resolve(code)),
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${output}`)), 15_000);
      server.stdout.on('data', () => {
        const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    expect(output.split('\n')[0]).toMatch(/^Terskel endpoint listening on .* store: SQLite in /);
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(await health.json()).toEqual({ ok: true, protocols: [1, 2] });
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: draining');
    expect(output).toContain('"path":"/api/v1/health","status":200');
  } finally {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);

/** Runs main.ts with `env` until it exits or prints its listening line; its output and exit. */
async function runMain(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'terskel-main-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no exit or listening line: ${stdout}${stderr}`)),
        15_000,
      );
      server.on('exit', (exit) => {
        clearTimeout(timer);
        resolve(exit);
      });
      server.stdout.on('data', () => {
        if (stdout.includes('listening on')) {
          clearTimeout(timer);
          resolve(null);
        }
      });
    });
    return { code, stdout, stderr };
  } finally {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

it('says in one sentence, without a stack, that the port is taken, and exits non-zero', async () => {
  const occupant = createServer();
  await new Promise<void>((ready) => occupant.listen(0, ready));
  const { port } = occupant.address() as AddressInfo;
  try {
    const { code, stdout, stderr } = await runMain({ PORT: String(port) });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      `Port ${port} is already in use (all interfaces port ${port}): stop what listens there, or set PORT to another port.`,
    ]);
  } finally {
    occupant.close();
  }
}, 30_000);

it('listens on HOST alone when it is set', async () => {
  const { code, stdout } = await runMain({ PORT: '0', HOST: '127.0.0.1' });
  expect(code).toBeNull();
  expect(stdout).toMatch(/^Terskel endpoint listening on http:\/\/127\.0\.0\.1:\d+ /);
}, 30_000);
