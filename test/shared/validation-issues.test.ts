import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  fieldProblemOf,
  firstIssue,
  issueLine,
  validationIssues,
} from '../../src/shared/validation-issues.ts';

const schema = z.strictObject({
  site: z.string().check(z.regex(/^[a-z]+$/, 'must be a lowercase slug')),
  days: z
    .array(z.strictObject({ date: z.iso.date(), net: z.int().check(z.gte(0)) }))
    .check(z.maxLength(2)),
  kind: z.optional(z.enum(['visit', 'meal'])),
});

function issuesOf(value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failed parse');
  return result.error;
}

describe("the endpoint's issues", () => {
  it('give each problem a dotted path and one plain sentence', () => {
    const error = issuesOf({
      site: 'Alta!',
      days: [{ date: '2026-13-01', net: -1, extra: 1 }],
      kind: 'sale',
    });
    expect(validationIssues(error)).toEqual([
      { path: 'site', message: 'must be a lowercase slug' },
      { path: 'days.0.date', message: 'expected a valid date' },
      { path: 'days.0.net', message: 'must be at least 0' },
      { path: 'days.0', message: 'unknown field: extra' },
      { path: 'kind', message: 'expected one of "visit", "meal"' },
    ]);
  });

  it("count an array's entries and name a missing field's type", () => {
    const day = { date: '2026-11-26', net: 1 };
    expect(validationIssues(issuesOf({ days: [day, day, day] }))).toEqual([
      { path: 'site', message: 'expected string' },
      { path: 'days', message: 'must be at most 2 entries' },
    ]);
  });
});

describe("the tablet's field problems", () => {
  it.each([
    [{ days: [] }, { field: 'site', fieldProblem: 'missing' }],
    [
      { site: 3, days: [] },
      { field: 'site', fieldProblem: 'type' },
    ],
    [
      { site: 'a', days: [{ date: 'x', net: 1 }] },
      { field: 'days.0.date', fieldProblem: 'format' },
    ],
    [
      { site: 'a', days: [{ date: '2026-11-26', net: -1 }] },
      { field: 'days.0.net', fieldProblem: 'too-small' },
    ],
    [
      { site: 'a', days: [], kind: 'sale' },
      { field: 'kind', fieldProblem: 'value' },
    ],
    [
      { site: 'a', days: [], note: 'x' },
      { field: 'note', fieldProblem: 'unknown-field' },
    ],
    [
      { site: 'A', days: [] },
      { field: 'site', fieldProblem: 'format' },
    ],
  ])('%j: %j', (value, expected) => {
    expect(fieldProblemOf(firstIssue(issuesOf(value))!)).toEqual(expected);
  });

  it('our own refinement keeps its text as the detail', () => {
    const refined = z
      .string()
      .check(z.refine((text) => text.length > 3, { message: 'er for kort' }));
    const result = refined.safeParse('ab');
    expect(result.success).toBe(false);
    expect(fieldProblemOf(firstIssue(result.error)!)).toEqual({
      field: '',
      fieldProblem: 'custom',
      detail: 'er for kort',
    });
  });
});

describe('one line for a status or a log', () => {
  it("names the first issue's path and problem", () => {
    expect(issueLine(issuesOf({ site: 'a', days: [{ date: 'x', net: 1 }] }))).toBe(
      'days.0.date: expected a valid date',
    );
  });

  it('is undefined for an error that is not a failed parse', () => {
    expect(issueLine(new Error('disk full'))).toBeUndefined();
    expect(issueLine(undefined)).toBeUndefined();
    expect(firstIssue({ issues: [] })).toBeUndefined();
  });
});
