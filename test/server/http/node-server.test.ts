/**
 * The upload body through a real socket: under @hono/node-server the endpoint reads Node's
 * request itself (not the Web stream that `app.request` gives), so the limits and answers are
 * checked on that path too.
 */
import { randomUUID } from 'node:crypto';
import { request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { listen } from '../../../src/server/http/index.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/server/store/index.ts';
import {
  getDays,
  PROTOCOL_EXAMPLE_DAY,
  seededEndpoint,
  SITE,
  tempSqliteStore,
  uploadBody,
} from '../harness.ts';

let store: Store;
let dispose: () => Promise<void>;
let endpoint: Awaited<ReturnType<typeof seededEndpoint>>;
let server: Server;
let port: number;

beforeAll(async () => {
  ({ store, dispose } = tempSqliteStore());
  endpoint = await seededEndpoint(store);
  // Short timeouts, so a stalled request is answered within the test.
  server = await listen(endpoint.app, {
    port: 0,
    host: '127.0.0.1',
    requestTimeoutMs: 1_500,
    headersTimeoutMs: 1_000,
    checkIntervalMs: 100,
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await dispose();
});

/** POSTs `chunks` to /api/v1/counts, chunked when `length` is not given; status and JSON back. */
function post(chunks: Array<string | Uint8Array>, length?: number) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((done, fail) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/counts',
        headers: {
          Authorization: `Bearer ${endpoint.tablet.token}`,
          'Content-Type': 'application/json',
          ...(length === undefined ? {} : { 'Content-Length': length }),
        },
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () =>
          done({ status: incoming.statusCode ?? 0, body: JSON.parse(text) as never }),
        );
        incoming.on('error', fail);
      },
    );
    // The endpoint may answer 413 and stop reading before every chunk is written.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') fail(error);
    });
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

const validUpload = () => uploadBody(endpoint.tablet.device, randomUUID(), [PROTOCOL_EXAMPLE_DAY]);

it('merges an upload sent in several chunks, with or without its length', async () => {
  const thirds = (text: string) => [text.slice(0, 40), text.slice(40, 90), text.slice(90)];
  const first = JSON.stringify(validUpload());
  const withLength = await post(thirds(first), Buffer.byteLength(first));
  expect(withLength).toMatchObject({ status: 200, body: { ok: true, days: [{ counts: 4 }] } });
  const chunked = await post(thirds(JSON.stringify(validUpload())));
  expect(chunked).toMatchObject({ status: 200, body: { ok: true } });
  const days = await getDays(endpoint.app, endpoint.tablet.token, SITE, '2026-11-23', '2026-11-23');
  expect(await days.json()).toMatchObject({ days: [{ replicas: 2 }] });
});

it('answers 413 for a chunked body over 256 KiB, and the next upload still works', async () => {
  const big = JSON.stringify({ ...validUpload(), app: 'x'.repeat(300_000) });
  const chunks = [];
  for (let i = 0; i < big.length; i += 16_384) chunks.push(big.slice(i, i + 16_384));
  const answer = await post(chunks);
  expect(answer).toMatchObject({ status: 413, body: { ok: false, error: 'too-large' } });
  expect((await post([JSON.stringify(validUpload())])).status).toBe(200);
});

it('accepts a body of exactly 256 KiB and refuses one byte more', async () => {
  const body = JSON.stringify(validUpload());
  const padded = body + ' '.repeat(256 * 1024 - Buffer.byteLength(body));
  expect((await post([padded])).status).toBe(200);
  const over = await post([`${padded} `]);
  expect(over).toMatchObject({ status: 413, body: { error: 'too-large' } });
});

it('answers 400 for a body that is not UTF-8 or not JSON', async () => {
  const latin1 = await post([new Uint8Array([0x7b, 0x22, 0xe6, 0x22, 0x3a, 0x31, 0x7d])]);
  expect(latin1).toMatchObject({ status: 400, body: { error: 'invalid' } });
  const cut = await post(['{"protocol": 1,']);
  expect(cut).toMatchObject({ status: 400, body: { error: 'invalid' } });
});

/** Writes `text` on a raw connection, then waits for the endpoint to close it; what came back. */
function raw(text: string, options: { destroyAfterWrite?: boolean } = {}) {
  return new Promise<string>((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text);
      if (options.destroyAfterWrite) {
        socket.destroy();
        done('');
      }
    });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => done(received));
    socket.on('error', fail);
  });
}

it("answers a request whose headers stall with a 408 in the protocol's JSON, not Node's bare text", async () => {
  const answer = await raw('POST /api/v1/counts HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  const [head, body] = answer.split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.1 408 /);
  expect(head).toMatch(/\r\nContent-Type: application\/json/i);
  expect(JSON.parse(body!)).toMatchObject({ ok: false, error: 'request-timeout' });
});

it('answers an upload whose body stalls with the 408 JSON too, and logs no error', async () => {
  const before = endpoint.logs.length;
  const answer = await raw(
    'POST /api/v1/counts HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      `Authorization: Bearer ${endpoint.tablet.token}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"protocol":1,',
  );
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toMatchObject({ error: 'request-timeout' });
  await new Promise((wait) => setTimeout(wait, 100));
  expect(endpoint.logs.slice(before).filter((entry) => entry.level === 'error')).toEqual([]);
});

it("answers a malformed request in the protocol's JSON too", async () => {
  const answer = await raw('NOT HTTP AT ALL\r\n\r\n');
  const [head, body] = answer.split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.1 400 /);
  expect(JSON.parse(body!)).toMatchObject({ ok: false, error: 'invalid' });
});

it('logs an upload whose client goes away mid-body as a 400, with no error and no stack', async () => {
  const before = endpoint.logs.length;
  await raw(
    'POST /api/v1/counts HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      `Authorization: Bearer ${endpoint.tablet.token}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"protocol":1,"days":[',
    { destroyAfterWrite: true },
  );
  const deadline = Date.now() + 5_000;
  while (!endpoint.logs.slice(before).some((entry) => entry.path === '/api/v1/counts')) {
    if (Date.now() > deadline) throw new Error('the aborted upload was never logged');
    await new Promise((wait) => setTimeout(wait, 20));
  }
  const entries = endpoint.logs.slice(before);
  expect(entries.find((entry) => entry.path === '/api/v1/counts')).toMatchObject({ status: 400 });
  expect(entries.filter((entry) => entry.level === 'error')).toEqual([]);
});
