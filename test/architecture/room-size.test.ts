/**
 * The state room stays a row of small stores: no module in src/state/ reaches 200 lines (issue
 * "the house": a module that grows past it holds more than one concern and is split by concern).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const STATE = join(import.meta.dirname, '../../src/state');
const LIMIT = 200;

/** Lines as `wc -l` counts them: the newlines of the file. */
const linesOf = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('the state room', () => {
  it('counts lines as wc -l does', () => {
    expect(linesOf('a\nb\n')).toBe(2);
    expect(linesOf('a\nb')).toBe(2);
  });

  it(`has no module of ${LIMIT} lines or more`, () => {
    const sizes = readdirSync(STATE, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => ({ file, lines: linesOf(readFileSync(join(STATE, file), 'utf8')) }));
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter((size) => size.lines >= LIMIT)).toEqual([]);
  });
});
