// The built app, which the end-to-end tests serve: they never build it themselves.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

export function requireBuild(): string {
  if (!existsSync(resolve(DIST, 'index.html')) || !existsSync(resolve(DIST, 'sw.js'))) {
    throw new Error(
      `No build in ${DIST}: run 'npm run build' first (the README's test command does).`,
    );
  }
  return DIST;
}
