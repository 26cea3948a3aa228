import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (name: string) =>
  readFileSync(new URL(`../../../src/server/http/dashboard/${name}`, import.meta.url), 'utf8');

it('the dashboard script asks only for elements the page has, and its typed list names them all', () => {
  const page = read('page.html');
  const script = read('app.js');
  const asked = new Set([...script.matchAll(/\$\('([\w-]+)'\)/g)].map((match) => match[1]!));
  const onPage = new Set([...page.matchAll(/\sid="([\w-]+)"/g)].map((match) => match[1]!));
  expect(asked.size).toBeGreaterThan(10);
  expect([...asked].filter((id) => !onPage.has(id))).toEqual([]);
  // The JSDoc `Elements` type, which tsc checks every use against, lists exactly those ids.
  const typed = /@typedef \{\{([^}]*)\}\} Elements/.exec(script)?.[1] ?? '';
  const typedIds = new Set([...typed.matchAll(/(\w+): HTML/g)].map((match) => match[1]!));
  expect([...typedIds].sort()).toEqual([...asked].sort());
});
