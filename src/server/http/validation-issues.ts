/**
 * Turns zod issues into PROTOCOL.md's `issues` list: a dotted path and one plain English
 * sentence each. zod/mini ships no messages ("Invalid input"), so they are written here.
 */
import type * as z from 'zod/mini';

/** One validation problem as the 400 answer lists it. */
export interface ValidationIssue {
  path: string;
  message: string;
}

function describe(issue: z.core.$ZodIssue): string {
  // A message written into a schema (the slug's, say) says more than a generic one.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_format':
      return `expected a valid ${issue.format}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'array' ? ' entries' : ''}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'array' ? ' entries' : ''}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return 'is not valid here';
  }
}

/** The issues of a failed parse, each with a path like `days.0.date`. */
export function validationIssues(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: describe(issue),
  }));
}
