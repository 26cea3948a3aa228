import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** The README and every page in docs/: what a new engineer or an IT volunteer reads. */
function documents(): string[] {
  const docs = join(ROOT, 'docs');
  return [
    join(ROOT, 'README.md'),
    ...readdirSync(docs)
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(docs, name)),
  ];
}

/** Relative link targets in a Markdown text (inline links; anchors and URLs left out). */
export function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => (match[1] ?? '').split('#')[0] ?? '')
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
}

/** Markdown files named in backticks (`PROTOCOL.md`), which a reader looks for in the repository. */
export function namedMarkdownFiles(markdown: string): string[] {
  return [...markdown.matchAll(/`([\w./-]+\.md)`/g)].map((match) => match[1] ?? '');
}

describe('the documents name only files that are in the repository', () => {
  it('finds links and named files in a text', () => {
    expect(relativeLinks('[a](docs/A.md) [b](https://x.org) [c](#top) [d](B.md#part)')).toEqual([
      'docs/A.md',
      'B.md',
    ]);
    expect(namedMarkdownFiles('see `docs/PROTOCOL.md` and `DESIGN.md`')).toEqual([
      'docs/PROTOCOL.md',
      'DESIGN.md',
    ]);
  });

  it('every relative link and every named .md file exists', () => {
    const missing: string[] = [];
    for (const file of documents()) {
      const text = readFileSync(file, 'utf8');
      for (const target of relativeLinks(text)) {
        if (!existsSync(resolve(dirname(file), target))) missing.push(`${file}: ${target}`);
      }
      for (const named of namedMarkdownFiles(text)) {
        const found = [resolve(dirname(file), named), resolve(ROOT, named)].some(existsSync);
        if (!found) missing.push(`${file}: \`${named}\``);
      }
    }
    expect(missing).toEqual([]);
  });
});
