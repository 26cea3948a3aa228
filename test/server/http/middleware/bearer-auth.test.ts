import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bearerAuth, bearerToken } from '../../../../src/server/http/middleware/bearer-auth.ts';

/** A tiny app whose one route answers with who bearerAuth says is calling. */
function authApp(verifyToken: (token: string) => string | undefined | Promise<string | undefined>) {
  const presented: string[] = [];
  const app = new Hono<{ Variables: { auth: string | undefined } }>();
  app.use(
    '*',
    bearerAuth({
      verifyToken: (token) => {
        presented.push(token);
        return verifyToken(token);
      },
    }),
  );
  app.get('/', (c) => c.json({ auth: c.get('auth') ?? null }));
  app.onError((error, c) => c.json({ auth: `failed: ${error.message}` }, 503));
  const call = async (authorization?: string) => {
    const response = await app.request(
      '/',
      authorization === undefined ? {} : { headers: { Authorization: authorization } },
    );
    return { status: response.status, body: (await response.json()) as { auth: string | null } };
  };
  return { call, presented };
}

const known = (token: string) => (token === 'open-sesame' ? 'ali-baba' : undefined);

describe('bearerAuth', () => {
  it('puts the identity a valid token opens in c.var.auth', async () => {
    const { call, presented } = authApp(known);
    expect(await call('Bearer open-sesame')).toEqual({ status: 200, body: { auth: 'ali-baba' } });
    expect(presented).toEqual(['open-sesame']);
  });

  it('waits for an asynchronous verifier', async () => {
    const { call } = authApp(async (token) => known(token));
    expect((await call('Bearer open-sesame')).body.auth).toBe('ali-baba');
  });

  it('leaves auth undefined for an unknown token and lets the route decide (no 401 of its own)', async () => {
    const { call, presented } = authApp(known);
    expect(await call('Bearer open-barley')).toEqual({ status: 200, body: { auth: null } });
    expect(presented).toEqual(['open-barley']);
  });

  it('asks nothing when there is no Authorization header, or one that is not a bearer token', async () => {
    const { call, presented } = authApp(known);
    for (const header of [undefined, '', 'Basic b3Blbi1zZXNhbWU=', 'Bearer', 'Bearer a b']) {
      expect(await call(header)).toEqual({ status: 200, body: { auth: null } });
    }
    expect(presented).toEqual([]);
  });

  it('reads the scheme in any case and around spaces', async () => {
    const { call } = authApp(known);
    expect((await call('bearer open-sesame')).body.auth).toBe('ali-baba');
    expect((await call('BEARER   open-sesame  ')).body.auth).toBe('ali-baba');
  });

  it("lets a failing verifier fail the request, for the app's error handler to answer", async () => {
    const { call } = authApp(() => {
      throw new Error('the database is down');
    });
    expect(await call('Bearer open-sesame')).toEqual({
      status: 503,
      body: { auth: 'failed: the database is down' },
    });
  });
});

describe('bearerToken', () => {
  it('is the one token of a Bearer header, or undefined', () => {
    expect(bearerToken('Bearer abc.DEF_-~+/=')).toBe('abc.DEF_-~+/=');
    expect(bearerToken(' Bearer abc')).toBeUndefined();
    expect(bearerToken('Bearerabc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
