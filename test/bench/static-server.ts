/** A tiny static server on 127.0.0.1 for the baseline pages, so they are served like the app. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  type: string;
  body: string | Buffer;
}

export interface StaticServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Serves a fixed map of paths; `port` lets a restarted server keep its origin. */
export function serveFiles(files: Record<string, StaticFile>, port = 0): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files[path];
    if (file === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response
      .writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' })
      .end(file.body);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const bound = (server.address() as AddressInfo).port;
      done({
        url: `http://127.0.0.1:${bound}`,
        port: bound,
        stop: () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}
