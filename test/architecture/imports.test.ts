import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, parseRule, staleEntries, violations, type ImportRule } from './import-rule.ts';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

/** The rule as docs/ARCHITECTURE.md writes it: the one place it is written. */
const RULE = parseRule(readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8'));

/**
 * Imports that still break the rule, each waiting for the change that moves it. An entry that
 * no longer breaks it fails the last test below, so this list only shrinks.
 */
const PENDING: readonly string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function sources(): Map<string, string> {
  return new Map(
    sourceFiles(SRC).map((file) => [
      relative(SRC, file).replace(/\\/g, '/'),
      readFileSync(file, 'utf8'),
    ]),
  );
}

/** A small rule for the checker's own tests: ui → state → domain, state's face is index.ts. */
const TOY: ImportRule = parseRule(`<!-- import-rule:start -->
| room | may import | faces |
| --- | --- | --- |
| \`ui\` | state, domain | – |
| \`ui/staff\` | ui, state | \`index.ts\` |
| \`state\` | domain | \`index.ts\` |
| \`domain\` | – | every module |
<!-- import-rule:end -->`);

describe('the import rule', () => {
  it('is read from ARCHITECTURE.md: every folder of src/ is a room of it', () => {
    expect(RULE.get('ui')?.arrows).toEqual(['state', 'domain', 'shared', 'i18n']);
    expect(RULE.get('state')?.faces).toContain('index.ts');
    expect(RULE.get('domain')?.faces).toBeUndefined();
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((folder) => !RULE.has(folder))).toEqual([]);
  });

  it('finds imports of every kind in a file', () => {
    expect(
      importsOf(
        `import { a } from './a.ts';\nexport * from '../b.ts';\nconst c = import('../c.ts');\nimport './d.css';`,
      ),
    ).toEqual(['./a.ts', '../b.ts', '../c.ts', './d.css']);
  });

  it('reports an import against the arrows and one past a face, and lets the rest through', () => {
    const files = new Map([
      [
        'ui/Door.tsx',
        `import { useStore } from '../state/index.ts';\nimport { day } from '../domain/day.ts';`,
      ],
      ['ui/Planted.tsx', `import { store } from '../state/kiosk-store.ts';`],
      ['ui/Lazy.tsx', `const s = import('../state/secret.ts');`],
      [
        'ui/Shell.tsx',
        `import { Staff } from './staff/index.ts';\nimport { Pad } from './staff/Pad.tsx';`,
      ],
      ['ui/staff/Pad.tsx', `import { context } from '../context.ts';`],
      ['state/index.ts', `export * from './kiosk-store.ts';`],
      ['domain/day.ts', `import { Door } from '../ui/Door.tsx';`],
    ]);
    expect(violations(files, TOY)).toEqual([
      { import: 'ui/Planted.tsx → state/kiosk-store.ts', reason: 'not a face of state (index.ts)' },
      { import: 'ui/Lazy.tsx → state/secret.ts', reason: 'not a face of state (index.ts)' },
      { import: 'ui/Shell.tsx → ui/staff/Pad.tsx', reason: 'not a face of ui/staff (index.ts)' },
      { import: 'domain/day.ts → ui/Door.tsx', reason: 'domain may not import ui' },
    ]);
  });

  it('holds for src/, but for the pending imports', () => {
    const files = sources();
    // The checker reads real files: hundreds of imports across the rooms.
    const imports = [...files.values()].reduce((sum, text) => sum + importsOf(text).length, 0);
    expect(imports).toBeGreaterThan(300);
    const found = violations(files, RULE);
    expect(found.filter((violation) => !PENDING.includes(violation.import))).toEqual([]);
  });

  it('names an allowed import that no longer breaks the rule as stale', () => {
    const found = violations(new Map([['ui/A.tsx', `import '../state/inner.ts';`]]), TOY);
    expect(staleEntries(['ui/A.tsx → state/inner.ts', 'ui/B.tsx → state/gone.ts'], found)).toEqual([
      'ui/B.tsx → state/gone.ts',
    ]);
  });

  it('keeps no pending import that no longer breaks the rule', () => {
    expect(staleEntries(PENDING, violations(sources(), RULE))).toEqual([]);
  });
});
