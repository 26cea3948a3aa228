/**
 * The upload body through a real socket: under @hono/node-server the endpoint reads Node's
 * request itself (not the Web stream that `app.request` gives), so the limits and answers are
 * checked on that path too.
 */
import { serve, type ServerType } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
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
let server: ServerType;
let port: number;

beforeAll(async () => {
  ({ store, dispose } = tempSqliteStore());
  endpoint = await seededEndpoint(store);
  await new Promise<void>((ready) => {
    server = serve({ fetch: endpoint.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      port = (info as AddressInfo).port;
      ready();
    });
  });
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
