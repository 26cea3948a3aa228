import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

/** Which top-level folders of src/ each folder may import from: ui → state → storage|sync → domain|shared. */
const ALLOWED: Record<string, readonly string[]> = {
  ui: ['ui', 'state', 'i18n', 'domain', 'shared'],
  state: ['state', 'storage', 'sync', 'domain', 'shared', 'i18n'],
  storage: ['storage', 'domain', 'shared'],
  sync: ['sync', 'domain', 'shared'],
  domain: ['domain', 'shared'],
  shared: ['shared'],
  i18n: ['i18n', 'shared'],
  sw: ['sw', 'shared'],
  server: ['server', 'shared', 'domain'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative module specifier a file imports, statically, dynamically or by re-export. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier?.startsWith('.')) found.push(specifier);
  }
  return found;
}

function layerOf(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0] ?? '';
}

describe('import direction', () => {
  it('finds imports of every kind in a file', () => {
    expect(
      importsOf(
        `import { a } from './a.ts';\nexport * from '../b.ts';\nconst c = import('../c.ts');\nimport './d.css';`,
      ),
    ).toEqual(['./a.ts', '../b.ts', '../c.ts', './d.css']);
  });

  it('no module imports against ui → state → storage|sync → domain|shared', () => {
    const violations: string[] = [];
    const files = sourceFiles(SRC).filter((file) => layerOf(file) in ALLOWED);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const from = layerOf(file);
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const to = layerOf(resolve(dirname(file), specifier));
        if (!ALLOWED[from]?.includes(to)) violations.push(`${relative(SRC, file)} → ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
