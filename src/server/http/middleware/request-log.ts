/**
 * One structured log line a request, as a middleware factory: method, path (never the query
 * string), status and time taken. No header and no body is ever logged, so no token can be.
 */
import type { MiddlewareHandler } from 'hono';

/** One structured log line (a request, or a failure), never with a token or a body. */
export type LogEntry = Record<string, unknown>;

/** The default logger: each entry as one JSON line on stdout. */
export function logJsonLine(entry: LogEntry): void {
  // Straight to the stream: console.log's formatting machinery cost as much as the write.
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}

/** Logs every request after it is answered. */
export function requestLog(options: {
  clock: () => Date;
  log: (entry: LogEntry) => void;
}): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: no query string, no headers, no body, so no token can reach a log.
    options.log({
      time: options.clock().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
