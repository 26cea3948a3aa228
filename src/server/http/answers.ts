/**
 * The endpoint's error answers as PROTOCOL.md shapes them (`{ ok: false, error, message,
 * issues? }`), and the 405 that names a path's allowed methods. Every route answers errors here.
 */
import type { Context, Env, Hono } from 'hono';
import type { ErrorCode, LimitKind } from '../../shared/protocol.ts';
import { MAX_ISSUES, type ValidationIssue } from './validation-issues.ts';

/** The statuses an error answer may have. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 500 | 503;

/** An error answer is never larger than this, however many and long its issues. */
export const MAX_ERROR_ANSWER_BYTES = 8 * 1024 - 256;

/**
 * An error answer as PROTOCOL.md shapes it, with at most MAX_ISSUES issues and under
 * MAX_ERROR_ANSWER_BYTES in all: issues are dropped from the end until it fits.
 */
export function errorBody(
  error: ErrorCode,
  message: string,
  issues?: ValidationIssue[],
  limit?: LimitKind,
) {
  const kept = issues?.slice(0, MAX_ISSUES);
  const body = () => ({
    ok: false as const,
    error,
    message,
    ...(limit ? { limit } : {}),
    ...(kept ? { issues: kept } : {}),
  });
  while (
    kept &&
    kept.length > 1 &&
    Buffer.byteLength(JSON.stringify(body())) > MAX_ERROR_ANSWER_BYTES
  ) {
    kept.pop();
  }
  return body();
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
/** 403: the upload is for a replica whose secret it does not carry (protocol version 2). */
export const replicaForbidden = (c: Context, message: string) => fail(c, 403, 'forbidden', message);
/** 409 `limit`: the request is well-formed but past one of the site's growth limits. */
export const pastLimit = (
  c: Context,
  limit: LimitKind,
  message: string,
  issues?: ValidationIssue[],
) => c.json(errorBody('limit', message, issues, limit), 409);

/** A path's allowed methods: anything else on it is a 405, not a 404. Register it last. */
export function allowOnly<E extends Env>(routes: Hono<E>, path: string, methods: string[]): void {
  routes.all(path, (c) => {
    c.header('Allow', methods.join(', '));
    return fail(c, 405, 'method-not-allowed', `Use ${methods.join(' or ')} on this path.`);
  });
}
