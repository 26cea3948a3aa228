import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN = path.resolve(__dirname, '../../src/domain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

// Runtime imports only: `import type` and `type` specifiers vanish at build time.
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(
    /^(?:import|export)\s+(?!type\b)([^;]*?)from\s+'([^']+)'/gms,
  )) {
    const clause = match[1] ?? '';
    const named = /\{([^}]*)\}/.exec(clause)?.[1];
    const onlyTypes =
      named !== undefined &&
      !/^\s*[\w$]+\s*,/.test(clause) &&
      named
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .every((part) => part.startsWith('type '));
    if (!onlyTypes) found.push(match[2]!);
  }
  return found;
}

describe('the domain', () => {
  const files = sourceFiles(DOMAIN);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [path.relative(DOMAIN, file), file]))(
    '%s imports at run time only other domain modules (no zod, DOM libraries or storage)',
    (_name, file) => {
      const outside = runtimeImports(readFileSync(file, 'utf8')).filter(
        (specifier) => !specifier.startsWith('.') || specifier.includes('/shared/'),
      );
      expect(outside).toEqual([]);
    },
  );
});
