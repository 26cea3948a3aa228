/**
 * The one place that words zod issues: for the endpoint's 400 answer (PROTOCOL.md's `issues`,
 * a dotted path and one plain English sentence each), for the tablet's screens (a field and a
 * problem code the UI words in its own language) and for one-line log or status text.
 * zod/mini ships no messages ("Invalid input"), so they are written here.
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

/** One validation problem as the 400 answer lists it. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** What is wrong with one field, as a code the tablet's UI words; 'custom' carries its text. */
export type FieldProblem =
  | 'missing'
  | 'type'
  | 'format'
  | 'too-small'
  | 'too-big'
  | 'too-long'
  | 'unknown-field'
  | 'value'
  | 'custom';

/** An issue's path, dotted: `days.0.date` ('' for the whole value). */
export function issuePath(issue: Pick<Issue, 'path'>): string {
  return issue.path.map(String).join('.');
}

/** An issue in one plain English sentence (for the endpoint's answer and for logs). */
export function issueMessage(issue: Issue): string {
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
      return `must be at most ${String(issue.maximum)}${issue.origin === 'array' ? ' entries' : issue.origin === 'string' ? ' characters' : ''}`;
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
  return error.issues.map((issue) => ({ path: issuePath(issue), message: issueMessage(issue) }));
}

/** The first issue of a thrown or returned zod error; undefined for anything else. */
export function firstIssue(error: unknown): Issue | undefined {
  const issues = (error as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues[0] as Issue | undefined) : undefined;
}

/** The first issue as one line, `path: sentence`, for a status or a log; undefined if none. */
export function issueLine(error: unknown): string | undefined {
  const issue = firstIssue(error);
  return issue === undefined ? undefined : `${issuePath(issue)}: ${issueMessage(issue)}`;
}

/**
 * An issue as the tablet's screens name it: the field's dotted path (an unknown field's own
 * name appended), a problem code, a too long text's limit (`max`, in characters) and — for
 * our own refinements only — their text. Parse with
 * `reportInput: true`, so a missing field can be told from a wrong one.
 */
export function fieldProblemOf(issue: Issue): {
  field: string;
  fieldProblem: FieldProblem;
  max?: number;
  detail?: string;
} {
  const field = issuePath(issue);
  switch (issue.code) {
    case 'invalid_type':
      return { field, fieldProblem: issue.input === undefined ? 'missing' : 'type' };
    case 'unrecognized_keys':
      return {
        field: [field, issue.keys[0]].filter(Boolean).join('.'),
        fieldProblem: 'unknown-field',
      };
    case 'invalid_format':
      return { field, fieldProblem: 'format' };
    case 'too_small':
      return { field, fieldProblem: 'too-small' };
    case 'too_big':
      return issue.origin === 'string'
        ? { field, fieldProblem: 'too-long', max: Number(issue.maximum) }
        : { field, fieldProblem: 'too-big' };
    case 'invalid_value':
      return { field, fieldProblem: issue.input === undefined ? 'missing' : 'value' };
    default:
      // Our own refinements carry Norwegian messages.
      return { field, fieldProblem: 'custom', detail: issue.message };
  }
}
