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
const PENDING: readonly string[] = [
  // pending: fixed by the store/domain/server merge. The kiosk store, its door face
  // (state/index.ts) and the rules leaving state/ for domain/ are being rebuilt right now;
  // these reach past storage's faces (index.ts, settings.ts, record.ts).
  'state/closing.ts → storage/days.ts',
  'state/closing.ts → storage/notes.ts',
  'state/closing.ts → storage/tally.ts',
  'state/export.ts → storage/backup.ts',
  'state/export.ts → storage/days.ts',
  'state/index.ts → storage/events.ts',
  'state/kiosk-store.ts → storage/errors.ts',
  'state/kiosk-store.ts → storage/events.ts',
  'state/kiosk-store.ts → storage/prune.ts',
  'state/kiosk-store.ts → storage/rows.ts',
  'state/occupancy.ts → storage/events.ts',
  'state/tally.ts → storage/database.ts',
  'state/tally.ts → storage/events.ts',
  'state/tally.ts → storage/tally.ts',
  // pending: fixed by the store/domain/server merge. The door's word of day loads
  // storage/words.ts on its own; through storage/index.ts it would load all of Dexie, a change
  // to what the door loads that the cold-start rebuild measures.
  'state/today.ts → storage/words.ts',
  // pending: fixed by the store/domain/server merge. The door's components (cold start) reach
  // past state/index.ts, which that rebuild owns.
  'ui/App.tsx → state/kiosk-store.ts',
  'ui/App.tsx → state/staff-session.ts',
  'ui/door/CheckOutPanel.tsx → state/occupancy.ts',
  'ui/screens/Door.tsx → state/kiosk-store.ts',
  'ui/wake-lock.ts → state/wake-lock.ts',
];

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
    const found = violations(sources(), RULE);
    expect(found.length).toBeGreaterThan(0); // the checker reads real files
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
