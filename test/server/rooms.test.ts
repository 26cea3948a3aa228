/**
 * The endpoint's rooms (src/server/{http,store,cli}) reach each other only through their
 * index.ts faces, in one direction (http → store, cli → store), and the HTTP room never touches
 * a concrete store: it knows the Store contract, not SQLite or PostgreSQL.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = join(import.meta.dirname, '..', '..', 'src', 'server');

/** The rooms and the rooms each may import (through their faces). */
const ROOMS: Record<string, readonly string[]> = {
  http: ['store'],
  cli: ['store'],
  store: [],
};

const CONCRETE_STORE_MODULES = ['store/sqlite-store.ts', 'store/postgres-store.ts'];
// What the store's face exports of the concrete stores: the HTTP room may import none of it.
const CONCRETE_STORE_NAME = /sqlite|postgres|^openStore|^\*$/i;

/** A module of src/server: its path below src/server (with `/`), and its text. */
export interface ServerModule {
  path: string;
  source: string;
}

/** One import of a module: what it names and the bindings it takes (`*` for a namespace). */
interface ImportOf {
  specifier: string;
  names: string[];
}

const IMPORT =
  /(?:import|export)\s+(?:type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): ImportOf[] {
  return [...source.matchAll(IMPORT)].map((match) => {
    const clause = match[1] ?? '*';
    const names = clause.includes('*')
      ? ['*']
      : clause
          .replace(/[{}]/g, ',')
          .split(',')
          .map((part) =>
            part
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0]!
              .trim(),
          )
          .filter(Boolean);
    return { specifier: (match[2] ?? match[3])!, names };
  });
}

const roomOf = (path: string) => {
  const [first, ...rest] = path.split('/');
  return rest.length > 0 && first! in ROOMS ? first! : undefined;
};

/** Every import that breaks the rooms' rules, as `file → specifier: why`. */
export function roomViolations(modules: readonly ServerModule[]): string[] {
  const violations: string[] = [];
  for (const { path, source } of modules) {
    const from = roomOf(path);
    for (const { specifier, names } of importsOf(source)) {
      if (!specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), specifier));
      if (target.startsWith('..')) continue; // outside src/server: the architecture test's
      const to = roomOf(target);
      const report = (why: string) => violations.push(`${path} → ${specifier}: ${why}`);
      if (from === 'http' && CONCRETE_STORE_MODULES.includes(target)) {
        report('http imports a concrete store');
      }
      if (from === 'http' && to === 'store') {
        const concrete = names.filter((name) => CONCRETE_STORE_NAME.test(name));
        if (concrete.length > 0) report(`http imports a concrete store (${concrete.join(', ')})`);
      }
      if (to === undefined || to === from) continue;
      if (target !== `${to}/index.ts`) report(`reaches past ${to}/index.ts`);
      if (from !== undefined && !ROOMS[from]!.includes(to)) report(`${from} may not import ${to}`);
    }
  }
  return violations;
}

function serverModules(dir = SERVER): ServerModule[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverModules(path);
    if (!name.endsWith('.ts')) return [];
    return [
      { path: relative(SERVER, path).split(/[\\/]/).join('/'), source: readFileSync(path, 'utf8') },
    ];
  });
}

describe('the server rooms', () => {
  it('each have an index.ts face that says it is the only way in', () => {
    for (const room of Object.keys(ROOMS)) {
      const face = readFileSync(join(SERVER, room, 'index.ts'), 'utf8');
      expect(face).toMatch(/import the \w+ room only from here/i);
    }
  });

  it('import each other only through their faces, one way, and http no concrete store', () => {
    const modules = serverModules();
    expect(modules.filter((module) => roomOf(module.path) !== undefined).length).toBeGreaterThan(
      20,
    );
    expect(roomViolations(modules)).toEqual([]);
  });
});

describe('the rooms checker', () => {
  const allowed: ServerModule[] = [
    {
      path: 'http/app.ts',
      source: "import { StoreUnavailableError, type Store } from '../store/index.ts';",
    },
    {
      path: 'http/routes/readings.ts',
      source:
        "import { siteDays } from '../../store/index.ts';\nimport { fail } from '../answers.ts';",
    },
    { path: 'http/caller.ts', source: "import { hashToken } from '../tokens.ts';" },
    {
      path: 'cli/cli-commands.ts',
      source: "import {\n  openStoreFromEnv,\n  type Store,\n} from '../store/index.ts';",
    },
    { path: 'store/store.ts', source: "import type { Upload } from '../../shared/protocol.ts';" },
    { path: 'main.ts', source: "import { createApp } from './http/index.ts';" },
  ];

  it('passes imports through faces, within a room and to the top', () => {
    expect(roomViolations(allowed)).toEqual([]);
  });

  it('finds a planted import past a face', () => {
    expect(
      roomViolations([
        {
          path: 'cli/cli-commands.ts',
          source: "import { StoreConflictError } from '../store/store.ts';",
        },
        { path: 'main.ts', source: "import { createApp } from './http/app.ts';" },
      ]),
    ).toEqual([
      'cli/cli-commands.ts → ../store/store.ts: reaches past store/index.ts',
      'main.ts → ./http/app.ts: reaches past http/index.ts',
    ]);
  });

  it('finds a planted import against the rooms’ direction', () => {
    expect(
      roomViolations([
        { path: 'store/sqlite-store.ts', source: "import { errorBody } from '../http/index.ts';" },
        { path: 'http/app.ts', source: "export { runCli } from '../cli/index.ts';" },
        { path: 'cli/cli.ts', source: "const app = await import('../http/index.ts');" },
      ]),
    ).toEqual([
      'store/sqlite-store.ts → ../http/index.ts: store may not import http',
      'http/app.ts → ../cli/index.ts: http may not import cli',
      'cli/cli.ts → ../http/index.ts: cli may not import http',
    ]);
  });

  it('finds a planted concrete store in http, by path or by name through the face', () => {
    expect(
      roomViolations([
        {
          path: 'http/app.ts',
          source: "import { openSqliteStore } from '../store/sqlite-store.ts';",
        },
        {
          path: 'http/routes/uploads.ts',
          source: "import {\n  type Store,\n  openPostgresStore,\n} from '../../store/index.ts';",
        },
        {
          path: 'http/routes/admin.ts',
          source: "import { openStoreFromEnv as open } from '../../store/index.ts';",
        },
        { path: 'http/routes/static.ts', source: "import * as store from '../../store/index.ts';" },
      ]),
    ).toEqual([
      'http/app.ts → ../store/sqlite-store.ts: http imports a concrete store',
      'http/app.ts → ../store/sqlite-store.ts: http imports a concrete store (openSqliteStore)',
      'http/app.ts → ../store/sqlite-store.ts: reaches past store/index.ts',
      'http/routes/uploads.ts → ../../store/index.ts: http imports a concrete store (openPostgresStore)',
      'http/routes/admin.ts → ../../store/index.ts: http imports a concrete store (openStoreFromEnv)',
      'http/routes/static.ts → ../../store/index.ts: http imports a concrete store (*)',
    ]);
  });

  it('lets the CLI open a store from the environment', () => {
    expect(
      roomViolations([
        {
          path: 'cli/cli-commands.ts',
          source: "import { openStoreFromEnv } from '../store/index.ts';",
        },
      ]),
    ).toEqual([]);
  });
});
