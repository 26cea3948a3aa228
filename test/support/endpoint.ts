// A real endpoint in-process (Hono app on an in-memory SQLite store) for tablet-side tests.
import { createApp } from '../../src/server/http/index.ts';
import { provisionDevice } from '../../src/server/cli/index.ts';
import { openSqliteStore } from '../../src/server/store/index.ts';
import type { SyncSettings } from '../../src/sync/index.ts';

export interface TestEndpoint {
  fetch: typeof fetch;
  settings: SyncSettings;
  code: string;
  /** Another device for the same site. */
  addDevice(): Promise<{ settings: SyncSettings; code: string }>;
  siteTotals(
    date: string,
  ): Promise<
    Array<{ counter: string; option?: string; hour?: number; net: number; amountNok?: number }>
  >;
  revoke(device: string): Promise<void>;
}

export const ENDPOINT = 'http://endpoint.test';

/** What a test may change of the endpoint: its clock and how many replicas a site may have. */
export interface TestEndpointOptions {
  clock?: () => Date;
  maxReplicasPerSite?: number;
}

export async function testEndpoint(
  site = 'hjerterom-alta',
  options: TestEndpointOptions = {},
): Promise<TestEndpoint> {
  const store = openSqliteStore({ file: ':memory:' });
  await store.addSite({ slug: site, name: 'Test' }, new Date());
  const app = createApp({
    store,
    limits: {
      tokenPerMinute: 100_000,
      addressPerMinute: 100_000,
      ...(options.maxReplicasPerSite ? { maxReplicasPerSite: options.maxReplicasPerSite } : {}),
    },
    ...(options.clock ? { clock: options.clock } : {}),
    logger: () => undefined,
  });
  const fetcher = ((input: RequestInfo | URL, init?: RequestInit) =>
    app.fetch(new Request(input, init))) as typeof fetch;
  async function addDevice() {
    const made = await provisionDevice(store, { site, publicUrl: ENDPOINT }, new Date());
    return {
      settings: { endpoint: ENDPOINT, site, device: made.device.id, token: made.token },
      code: made.code,
    };
  }
  const first = await addDevice();
  return {
    fetch: fetcher,
    settings: first.settings,
    code: first.code,
    addDevice,
    async siteTotals(date) {
      const answer = await fetcher(
        `${ENDPOINT}/api/v1/sites/${site}/days?from=${date}&to=${date}`,
        {
          headers: { Authorization: `Bearer ${first.settings.token}` },
        },
      );
      const body = (await answer.json()) as { days: Array<{ totals: [] }> };
      return body.days[0]?.totals ?? [];
    },
    revoke: (device) => store.revokeDevice(device, new Date()).then(() => undefined),
  };
}
