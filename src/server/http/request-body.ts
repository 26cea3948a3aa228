/**
 * Reads a request's body with a byte cap enforced as the bytes arrive (a declared length may be
 * absent or false). It never keeps more than the cap and never logs what it reads.
 */
import type { Context } from 'hono';
import { Readable } from 'node:stream';

/** The body's bytes, or `too-large` as soon as more than `limit` bytes have arrived. */
export type BodyBytes = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' };

const TOO_LARGE: BodyBytes = { ok: false, reason: 'too-large' };

/**
 * Under @hono/node-server the body is read straight from Node's request: touching
 * `c.req.raw.body` there builds a full Fetch Request and a Web stream around the socket, which
 * cost more than the rest of an upload. Elsewhere (`app.request` in tests, other runtimes) the
 * Web stream is all there is.
 */
export function readBody(c: Context, limit: number): Promise<BodyBytes> {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (incoming instanceof Readable && !incoming.readableDidRead) {
    return readNodeBody(incoming, limit);
  }
  return readWebBody(c.req.raw.body, limit);
}

function readNodeBody(incoming: Readable, limit: number): Promise<BodyBytes> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (finish: () => void) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
      finish();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        // Stop reading; @hono/node-server drains or closes what is left after the answer.
        incoming.pause();
        settle(() => resolve(TOO_LARGE));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () =>
      settle(() =>
        resolve({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }),
      );
    const onError = (error: unknown) => settle(() => reject(error));
    const onClose = () =>
      settle(() => reject(new Error('the connection closed before the body was complete')));
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

async function readWebBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<BodyBytes> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return TOO_LARGE;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
