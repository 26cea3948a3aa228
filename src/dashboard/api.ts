/**
 * The dashboard's side of the endpoint's read API: the admin token (typed once, kept in the tab's
 * sessionStorage, sent only as a Bearer header, never in a URL), the sites with their devices,
 * and a site's days. Every failure is an `ApiError` with a reason the page words.
 */
import type { SiteDay } from '../shared/protocol.ts';
import { addDays, type IsoDate } from '../domain/business-day.ts';

const TOKEN_KEY = 'terskel-admin-token';

export const readToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(TOKEN_KEY);

/** A tablet as GET /api/v1/admin/sites lists it. */
export interface AdminDevice {
  id: string;
  label: string | null;
  createdAt?: string;
  lastSeenAt: string | null;
  appVersion: string | null;
  revokedAt: string | null;
}

/** A site as GET /api/v1/admin/sites lists it. */
export interface AdminSite {
  slug: string;
  name: string;
  devices: AdminDevice[];
}

/** Why a request failed: the token was refused, the server failed, or it was not reached. */
export type ApiFailure =
  { reason: 'refused' } | { reason: 'server'; status: number } | { reason: 'network' };

export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.reason);
  }
}

/** The endpoint answers at most this many days a request (PROTOCOL.md, Reading). */
export const MAX_DAYS_PER_REQUEST = 400;

export interface Api {
  sites(): Promise<AdminSite[]>;
  days(site: string, from: IsoDate, to: IsoDate): Promise<SiteDay[]>;
}

/** The API over `fetch` with `token`; a refused token is forgotten at once. */
export function createApi(token: string, fetcher: typeof fetch = fetch): Api {
  async function get(path: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetcher(path, {
        headers: { Authorization: `Bearer ${token}` },
        cache: 'no-store',
      });
    } catch {
      throw new ApiError({ reason: 'network' });
    }
    if (response.status === 401 || response.status === 403) {
      forgetToken();
      throw new ApiError({ reason: 'refused' });
    }
    if (!response.ok) throw new ApiError({ reason: 'server', status: response.status });
    return response;
  }

  return {
    async sites() {
      const body = (await (await get('/api/v1/admin/sites')).json()) as { sites: AdminSite[] };
      return body.sites;
    },
    async days(site, from, to) {
      // A year and more is asked for in pieces the endpoint takes.
      const days: SiteDay[] = [];
      for (let start = from; start <= to; start = addDays(start, MAX_DAYS_PER_REQUEST)) {
        const last = addDays(start, MAX_DAYS_PER_REQUEST - 1);
        const end = last < to ? last : to;
        const query = `from=${start}&to=${end}`;
        const path = `/api/v1/sites/${encodeURIComponent(site)}/days?${query}`;
        const body = (await (await get(path)).json()) as { days: SiteDay[] };
        days.push(...body.days);
      }
      return days;
    },
  };
}
