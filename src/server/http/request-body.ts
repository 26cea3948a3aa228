/**
 * Reads a request's body with a byte cap enforced as the bytes arrive (a declared length may be
 * absent or false), and as JSON for the API. It never keeps more than the cap and never logs
 * what it reads.
 */
import type { Context } from 'hono';
import { Readable } from 'node:stream';
import { fail, invalid } from './answers.ts';

/**
 * The body's bytes; `too-large` as soon as more than `limit` bytes have arrived; `aborted` when
 * the client went away or the stream failed before the end (the client's doing, not a 500).
 */
export type BodyBytes =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'aborted' };

const TOO_LARGE: BodyBytes = { ok: false, reason: 'too-large' };
const ABORTED: BodyBytes = { ok: false, reason: 'aborted' };

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
  return new Promise((resolve) => {
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
    const onError = () => settle(() => resolve(ABORTED));
    const onClose = () => settle(() => resolve(ABORTED));
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
      const read = await reader.read().catch(() => undefined);
      if (read === undefined) return ABORTED;
      const { done, value } = read;
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

function isJson(c: Context): boolean {
  const type = c.req.header('content-type');
  return type !== undefined && type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** A JSON body, or the error answer (415, 413, 400) to give instead. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

// One fatal decoder for every body: invalid UTF-8 is a 400, never replaced silently.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads at most `limit` bytes (the declared length is checked before reading) as JSON.
 * `tooLargeMessage` words the 413 for bodies that are not uploads.
 */
export async function readJson(
  c: Context,
  limit: number,
  tooLargeMessage = `The body is over ${limit} bytes: send fewer days.`,
): Promise<JsonBody> {
  if (!isJson(c)) {
    return {
      ok: false,
      response: fail(c, 415, 'unsupported-media-type', 'Send the body as application/json.'),
    };
  }
  const tooLarge = () => ({
    ok: false as const,
    response: fail(c, 413, 'too-large', tooLargeMessage),
  });
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > limit) return tooLarge();
  const body = await readBody(c, limit);
  if (!body.ok && body.reason === 'aborted') {
    // Nobody may be listening any more; the answer (and its log line) says what happened.
    return { ok: false, response: invalid(c, 'The body did not arrive complete.') };
  }
  if (!body.ok) return tooLarge();
  try {
    return { ok: true, value: JSON.parse(utf8.decode(body.bytes)) };
  } catch {
    return { ok: false, response: invalid(c, 'The body is not valid UTF-8 JSON.') };
  }
}
