/**
 * The endpoint's 400 answers word zod issues the one way the whole project does:
 * `src/shared/validation-issues.ts` (PROTOCOL.md's `issues`, a dotted path and a sentence each).
 */
export { validationIssues, type ValidationIssue } from '../../shared/validation-issues.ts';

/** An answer names at most this many issues: enough to fix a body, never a flood. */
export const MAX_ISSUES = 20;
