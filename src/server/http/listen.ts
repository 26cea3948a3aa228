/**
 * The app on a Node HTTP server: timeouts that free a stalled connection, and Node's own answers
 * to a request it cannot hand to the app (a timeout, a malformed request) in the protocol's
 * JSON instead of Node's bare text. It knows nothing of routes.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Hono } from 'hono';
import { errorBody } from './answers.ts';
import type { HttpEnv } from './context.ts';

/** Where and how to listen. */
export interface ListenOptions {
  port: number;
  /** The interface to listen on; all interfaces when absent. */
  host?: string;
  /** A whole request must arrive within this (default 30 s), its headers within headersTimeoutMs. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** How often Node looks for timed-out requests (default 5 s). */
  checkIntervalMs?: number;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** Node's answer to a request it could not parse or that timed out, as the protocol's JSON. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A response already under way (the app is answering) or a gone client: only close.
  const started = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
    ?.headersSent;
  if (!socket.writable || started || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, body] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, errorBody('request-timeout', 'The request did not arrive in time: send it again.')]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, errorBody('too-large', 'The request headers are too large.')]
        : [400, errorBody('invalid', 'The request is not valid HTTP/1.1.')];
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(text)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      text,
  );
}

/** Serves `app`; resolves once listening, rejects with the listen error (a port in use, say). */
export function listen(app: Hono<HttpEnv>, options: ListenOptions): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      port: options.port,
      ...(options.host ? { hostname: options.host } : {}),
      serverOptions: {
        requestTimeout: options.requestTimeoutMs ?? 30_000,
        headersTimeout: options.headersTimeoutMs ?? 15_000,
        connectionsCheckingInterval: options.checkIntervalMs ?? 5_000,
      },
    }) as Server;
    // A slow or stalled client must not hold a connection open for ever.
    server.keepAliveTimeout = 5_000;
    server.on('clientError', answerClientError);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
