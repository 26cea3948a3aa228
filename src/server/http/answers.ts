/**
 * The endpoint's error answers as PROTOCOL.md shapes them (`{ ok: false, error, message,
 * issues? }`), and the 405 that names a path's allowed methods. Every route answers errors here.
 */
import type { Context, Env, Hono } from 'hono';
import type { ErrorCode } from '../../shared/protocol.ts';
import type { ValidationIssue } from './validation-issues.ts';

/** The statuses an error answer may have. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 503;

/** An error answer as PROTOCOL.md shapes it. */
export function errorBody(error: ErrorCode, message: string, issues?: ValidationIssue[]) {
  return { ok: false as const, error, message, ...(issues ? { issues } : {}) };
}

/** Answers with an error. */
export function fail(
  c: Context,
  status: ErrorStatus,
  error: ErrorCode,
  message: string,
  issues?: ValidationIssue[],
): Response {
  return c.json(errorBody(error, message, issues), status);
}

/** 400: the request is not what the protocol asks for. */
export const invalid = (c: Context, message: string, issues?: ValidationIssue[]) =>
  fail(c, 400, 'invalid', message, issues);
/** 401: no token, or one that opens nothing. */
export const unauthorized = (c: Context) =>
  fail(c, 401, 'unauthorized', 'A valid token is needed: pair this tablet again.');
/** 403: a valid token, but not for this site or device. */
export const forbidden = (c: Context) =>
  fail(c, 403, 'forbidden', 'This token is not for this site or device.');

/** A path's allowed methods: anything else on it is a 405, not a 404. Register it last. */
export function allowOnly<E extends Env>(routes: Hono<E>, path: string, methods: string[]): void {
  routes.all(path, (c) => {
    c.header('Allow', methods.join(', '));
    return fail(c, 405, 'method-not-allowed', `Use ${methods.join(' or ')} on this path.`);
  });
}
