/**
 * The message of each kind of field problem (shared/validation-issues.ts's FieldProblem) in a
 * file or form the lead or the coordinator corrects: one table for staff mode and the dashboard.
 */
import type { FieldProblem } from '../shared/validation-issues.ts';
import type { MessageKey } from './nb.ts';

export const PROBLEM_KEYS: Record<Exclude<FieldProblem, 'custom'>, MessageKey> = {
  missing: 'staff.backup.issue.missing',
  type: 'staff.backup.issue.type',
  format: 'staff.backup.issue.format',
  'too-small': 'staff.backup.issue.tooSmall',
  'too-big': 'staff.backup.issue.tooBig',
  'too-long': 'staff.backup.issue.tooLong',
  'unknown-field': 'staff.backup.issue.unknownField',
  value: 'staff.backup.issue.value',
};
