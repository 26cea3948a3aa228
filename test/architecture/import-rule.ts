/**
 * The import rule of docs/ARCHITECTURE.md, read from its table, and the checker that holds a
 * set of source files to it. Paths are relative to src/, with forward slashes.
 */
import { posix } from 'node:path';

export interface Room {
  /** Rooms this room may import from (besides itself). */
  arrows: readonly string[];
  /** The modules of this room another room may import; undefined: every module. */
  faces: readonly string[] | undefined;
}

/** Rooms by folder (`ui`, `ui/staff`); `main.tsx` is the entry file's own room. */
export type ImportRule = ReadonlyMap<string, Room>;

const START = '<!-- import-rule:start -->';
const END = '<!-- import-rule:end -->';

/** Reads the rule table between the import-rule markers of ARCHITECTURE.md. */
export function parseRule(markdown: string): ImportRule {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error('no import-rule table');
  const rule = new Map<string, Room>();
  for (const line of markdown.slice(start + START.length, end).split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, name, arrows, faces] = cells;
    if (!name?.startsWith('`')) continue; // the header and its separator
    const names = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    rule.set(names(name)[0] ?? '', {
      arrows: arrows === '–' ? [] : (arrows ?? '').split(',').map((room) => room.trim()),
      faces: faces === 'every module' ? undefined : names(faces ?? ''),
    });
  }
  return rule;
}

/** The room a file belongs to: the deepest room folder holding it, or the entry file's own. */
export function roomOf(path: string, rule: ImportRule): string | undefined {
  if (rule.has(path)) return path;
  let best: string | undefined;
  for (const room of rule.keys()) {
    if (path.startsWith(`${room}/`) && room.length > (best?.length ?? 0)) best = room;
  }
  return best;
}

/** The top-level room a room's arrows are counted from (`ui/staff` imports as `ui` does). */
const topOf = (room: string) => room.split('/')[0] ?? room;

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

const withoutExtension = (path: string) => path.replace(/\.(tsx?|css)$/, '');

/** One import against the rule: `from → to`, and why it breaks it. */
export interface Violation {
  import: string;
  reason: string;
}

/** Every import in the files (path → source) that breaks the rule. */
export function violations(files: ReadonlyMap<string, string>, rule: ImportRule): Violation[] {
  const found: Violation[] = [];
  for (const [from, source] of files) {
    const fromRoom = roomOf(from, rule);
    if (fromRoom === undefined) continue;
    for (const specifier of importsOf(source)) {
      const to = posix.normalize(posix.join(posix.dirname(from), specifier));
      const toRoom = roomOf(to, rule);
      const report = (reason: string) => found.push({ import: `${from} → ${to}`, reason });
      if (toRoom === undefined) {
        report('imports a file outside every room');
        continue;
      }
      const [fromTop, toTop] = [topOf(fromRoom), topOf(toRoom)];
      if (fromTop !== toTop && !rule.get(fromRoom)?.arrows.includes(toTop)) {
        report(`${fromRoom} may not import ${toTop}`);
        continue;
      }
      // Entering a room from outside its folder: only through a face.
      const faces = rule.get(toRoom)?.faces;
      if (faces === undefined || from.startsWith(`${toRoom}/`)) continue;
      const module = withoutExtension(to.slice(toRoom.length + 1));
      if (!faces.some((face) => withoutExtension(face) === module)) {
        report(`not a face of ${toRoom} (${faces.join(', ')})`);
      }
    }
  }
  return found;
}

/** Allowed imports that no longer break the rule: an allow-list may only shrink. */
export function staleEntries(allowed: readonly string[], found: readonly Violation[]): string[] {
  const breaking = new Set(found.map((violation) => violation.import));
  return allowed.filter((entry) => !breaking.has(entry));
}
