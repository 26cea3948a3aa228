/**
 * What the admin-roles, protocol-version-2 and replicas' first upload migrations must keep, for
 * either store: a database written before admin tokens had a label and a role, whose admin token
 * keeps working as a `manage` token labelled `admin`, whose per-replica closings become site-day
 * registers, and whose replicas' first upload is their last one. admin-migration.test.ts runs it on SQLite, postgres-store.test.ts on PostgreSQL.
 */
import { expect } from 'vitest';
import { createApp } from '../../../src/server/http/index.ts';
import type { Store } from '../../../src/server/store/index.ts';
import { hashToken } from '../../../src/server/tokens.ts';

const CREATED = '2026-01-05T10:00:00.000Z';

/**
 * What an old admin token can do through the app once its store has migrated. With `counts`
 * (OLD_ROWS made with them), the site-day's totals, rolled up by the site-day totals' migration.
 */
export async function expectMigratedAdmin(
  store: Store,
  token: string,
  { counts = false } = {},
): Promise<void> {
  const [admin, ...others] = await store.listAdminTokens();
  expect(others).toEqual([]);
  expect(admin).toEqual({
    id: expect.stringMatching(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    ),
    label: 'admin',
    role: 'manage',
    createdAt: CREATED,
    revokedAt: null,
  });
  const app = createApp({ store, logger: () => {} });
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const sites = await app.request('/api/v1/admin/sites', { headers });
  expect(sites.status).toBe(200);
  expect(await sites.json()).toMatchObject({ sites: [{ slug: 'hjerterom-alta' }] });
  // It may still change things: it was all-powerful before roles existed.
  const added = await app.request('/api/v1/admin/sites', {
    method: 'POST',
    headers,
    body: JSON.stringify({ slug: 'ny-plass', name: 'Ny plass' }),
  });
  expect(added.status).toBe(201);
  expect(await store.listAudit(5)).toEqual([
    { at: expect.any(String), actor: 'admin', action: 'site.add', target: 'ny-plass' },
  ]);
  // Protocol version 2's migration folds each replica's closing into the site-day's register:
  // the latest closing closes it, the latest that counted cash gives the cash, once.
  const { closings } = await store.readSiteDays('hjerterom-alta', '2026-01-05', '2026-01-05');
  expect(closings).toEqual([
    {
      date: '2026-01-05',
      closed: true,
      at: '2026-01-05T21:10:00.000Z',
      replica: OLD_REPLICAS[1],
      cashCountedNok: 1200,
    },
  ]);
  // Every site-day with counts starts marked, so its first reading rolls them up.
  const days = await app.request(
    '/api/v1/sites/hjerterom-alta/days?from=2026-01-01&to=2026-01-31',
    { headers },
  );
  expect(await days.json()).toMatchObject({
    days: [
      {
        date: '2026-01-05',
        replicas: counts ? 1 : 0,
        closed: true,
        cashCountedNok: 1200,
        totals: counts
          ? [
              { counter: 'middag', net: 3 },
              { counter: 'visit', net: 4 },
              { counter: 'visit', hour: 13, net: 4 },
            ]
          : [],
      },
    ],
  });
  // The endpoint did not keep a replica's first upload: its last one stands in for it.
  expect(await store.listReplicas('hjerterom-alta')).toEqual([
    {
      replica: OLD_REPLICAS[0],
      device: { id: OLD_DEVICE, label: 'Døra', revokedAt: null },
      firstSentAt: '2026-01-05T21:01:00.000Z',
      lastSentAt: '2026-01-05T21:01:00.000Z',
      days: 0,
      firstDate: null,
      lastDate: null,
      totals: [],
    },
  ]);
}

const OLD_DEVICE = '33333333-3333-4333-8333-333333333333';

const OLD_REPLICAS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
];
const OLD_CLOSING_SQL = `INSERT INTO closings (site, replica, date, at, at_ms, cash_counted_nok)
  VALUES ($1, $2, $3, $4, $5, $6)`;

/**
 * The rows an endpoint of before the migrations had: a site, an admin token, a device with a
 * replica it sent, and two tablets' closings; with `counts`, the second tablet's counts of that
 * day in version 1's per-key `counts` table.
 */
export const OLD_ROWS = (token: string, { counts = false } = {}) => [
  {
    sql: 'INSERT INTO sites (slug, name, created_at) VALUES ($1, $2, $3)',
    params: ['hjerterom-alta', 'Hjerterom Alta', CREATED],
  },
  {
    sql: 'INSERT INTO admin_tokens (token_hash, created_at) VALUES ($1, $2)',
    params: [hashToken(token), CREATED],
  },
  {
    sql: 'INSERT INTO devices (id, site, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
    params: [OLD_DEVICE, 'hjerterom-alta', 'Døra', 'ab'.repeat(32), CREATED],
  },
  {
    sql: 'INSERT INTO replicas (site, replica, device_id, last_sent_at) VALUES ($1, $2, $3, $4)',
    params: ['hjerterom-alta', OLD_REPLICAS[0], OLD_DEVICE, '2026-01-05T21:01:00.000Z'],
  },
  // Two tablets closed the same day: the first counted the cash box, the second did not.
  ...[
    [OLD_REPLICAS[0], '2026-01-05T21:00:00.000Z', 1200],
    [OLD_REPLICAS[1], '2026-01-05T21:10:00.000Z', null],
  ].map(([replica, at, cash]) => ({
    sql: OLD_CLOSING_SQL,
    params: ['hjerterom-alta', replica, '2026-01-05', at, Date.parse(at as string), cash],
  })),
  ...(counts
    ? [
        ['visit', 13, 5, 1],
        ['middag', -1, 3, 0],
      ].map(([counter, hour, inc, dec]) => ({
        sql: `INSERT INTO counts (site, replica, date, counter, option_id, hour, increments,
                decrements, inc_nok, dec_nok, has_nok) VALUES ($1, $2, $3, $4, '', $5, $6, $7, 0, 0, 0)`,
        params: ['hjerterom-alta', OLD_REPLICAS[1], '2026-01-05', counter, hour, inc, dec],
      }))
    : []),
];
