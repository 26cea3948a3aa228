/**
 * What the admin-roles migration must keep, for either store: a database written before admin
 * tokens had a label and a role, whose admin token keeps working as a `manage` token labelled
 * `admin`. admin-migration.test.ts runs it on SQLite, postgres-store.test.ts on PostgreSQL.
 */
import { expect } from 'vitest';
import { createApp } from '../../../src/server/http/index.ts';
import type { Store } from '../../../src/server/store/index.ts';
import { hashToken } from '../../../src/server/tokens.ts';

const CREATED = '2026-01-05T10:00:00.000Z';

/** What an old admin token can do through the app once its store has migrated. */
export async function expectMigratedAdmin(store: Store, token: string): Promise<void> {
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
}

/** The rows an endpoint of before the migration had: a site, a device and an admin token. */
export const OLD_ROWS = (token: string) => [
  {
    sql: 'INSERT INTO sites (slug, name, created_at) VALUES ($1, $2, $3)',
    params: ['hjerterom-alta', 'Hjerterom Alta', CREATED],
  },
  {
    sql: 'INSERT INTO admin_tokens (token_hash, created_at) VALUES ($1, $2)',
    params: [hashToken(token), CREATED],
  },
];
