/**
 * The dashboard's side of the endpoint's admin API: the admin token (typed once, kept in the
 * tab's sessionStorage, sent only as a Bearer header, never in a URL), who the token is, the
 * sites with their devices, a site's days, a site's sums over a period, a site's published
 * configuration, and the changes a
 * `manage` token may make (sites, devices, publishing a configuration). Every
 * failure is an `ApiError` with a reason the page words.
 */
import type { ConfigPublish, PublishedConfig } from '../shared/config-publication.ts';
import {
  siteSumsAnswerSchema,
  type Health,
  type SiteDay,
  type SiteSumsAnswer,
} from '../shared/protocol.ts';
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
  /** What the tablet last said of itself (protocol version 2): absent or null before. */
  health?: Health | null;
  /** When that health arrived, by the endpoint's clock. */
  healthAt?: string | null;
}

/** A site as GET /api/v1/admin/sites lists it. */
export interface AdminSite {
  slug: string;
  name: string;
  devices: AdminDevice[];
  /** The site's dates with counts in the endpoint's last eight weeks (to its tomorrow), ascending. */
  countedDates: IsoDate[];
}

/** What an admin token may do: `read` sees everything, `manage` also changes things. */
export type AdminRole = 'read' | 'manage';

/** The calling token, as GET /api/v1/admin/me answers. */
export interface AdminMe {
  label: string;
  role: AdminRole;
}

/** A pairing code and the provisioning link that carries it: shown once, never kept. */
export interface Pairing {
  code: string;
  link: string;
}

/** One thing the endpoint found wrong with a request, by field. */
export interface ApiIssue {
  path: string;
  message: string;
}

/**
 * Why a request failed: the token was refused, the endpoint turned the request down (a bad
 * field, an unknown site or device), the server failed, or it was not reached.
 */
export type ApiFailure =
  | { reason: 'refused' }
  | { reason: 'rejected'; status: number; issues: ApiIssue[] }
  | { reason: 'server'; status: number }
  | { reason: 'network' };

export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.reason);
  }
}

/** The endpoint answers at most this many days a request (PROTOCOL.md, Reading). */
export const MAX_DAYS_PER_REQUEST = 400;

export interface Api {
  me(): Promise<AdminMe>;
  sites(): Promise<AdminSite[]>;
  days(site: string, from: IsoDate, to: IsoDate): Promise<SiteDay[]>;
  /** The site's whole-day totals summed over `from`–`to` (at most MAX_SUM_DAYS): one request. */
  sums(site: string, from: IsoDate, to: IsoDate): Promise<SiteSumsAnswer>;
  addSite(slug: string, name: string): Promise<AdminSite>;
  /** A new device on `site`, with its pairing code and link. */
  addDevice(site: string, label: string | null): Promise<{ device: AdminDevice } & Pairing>;
  /** `null` removes the label. */
  labelDevice(id: string, label: string | null): Promise<void>;
  revokeDevice(id: string): Promise<void>;
  /** A new pairing code: the device's old token and codes stop working at once. */
  newCode(id: string): Promise<Pairing>;
  /** The site's published configuration; `null` while nothing is published. */
  config(site: string): Promise<PublishedConfig | null>;
  /**
   * Publishes a configuration based on `publish.baseVersion`: the new version, or (409) the
   * version published meanwhile, which the page shows instead of overwriting it.
   */
  publishConfig(site: string, publish: ConfigPublish): Promise<Published>;
}

/** What a publish came to: a new version, or a conflict with the version published meanwhile. */
export type Published = { ok: true; version: number } | { ok: false; current: PublishedConfig };

/** The endpoint's answers to a request it turned down: a bad body, an unknown id, too large. */
const REJECTED = new Set([400, 404, 409, 413, 415]);

async function issuesOf(response: Response): Promise<ApiIssue[]> {
  try {
    const body = (await response.json()) as { issues?: unknown };
    return Array.isArray(body.issues)
      ? body.issues.filter(
          (issue): issue is ApiIssue =>
            typeof issue === 'object' &&
            issue !== null &&
            typeof (issue as ApiIssue).path === 'string' &&
            typeof (issue as ApiIssue).message === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** The API over `fetch` with `token`; a refused token is forgotten at once. */
export function createApi(token: string, fetcher: typeof fetch = fetch): Api {
  /** A request; an answer of a status in `pass` is handed back for the caller to read. */
  async function send(
    path: string,
    method = 'GET',
    body?: unknown,
    pass: readonly number[] = [],
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetcher(path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        cache: 'no-store',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError({ reason: 'network' });
    }
    if (pass.includes(response.status)) return response;
    if (response.status === 401 || response.status === 403) {
      forgetToken();
      throw new ApiError({ reason: 'refused' });
    }
    if (REJECTED.has(response.status)) {
      throw new ApiError({
        reason: 'rejected',
        status: response.status,
        issues: await issuesOf(response),
      });
    }
    if (!response.ok) throw new ApiError({ reason: 'server', status: response.status });
    return response;
  }
  const device = (id: string) => `/api/v1/admin/devices/${encodeURIComponent(id)}`;
  const config = (site: string) => `/api/v1/sites/${encodeURIComponent(site)}/config`;

  return {
    async me() {
      const body = (await (await send('/api/v1/admin/me')).json()) as AdminMe;
      return { label: body.label, role: body.role };
    },
    async sites() {
      const body = (await (await send('/api/v1/admin/sites')).json()) as { sites: AdminSite[] };
      return body.sites;
    },
    async days(site, from, to) {
      // A year and more is asked for in pieces the endpoint takes.
      const days: SiteDay[] = [];
      for (let start = from; start <= to; start = addDays(start, MAX_DAYS_PER_REQUEST)) {
        const last = addDays(start, MAX_DAYS_PER_REQUEST - 1);
        const end = last < to ? last : to;
        // No page of the dashboard reads the hourly totals: without them a year is half the bytes.
        const query = `from=${start}&to=${end}&hours=false`;
        const path = `/api/v1/sites/${encodeURIComponent(site)}/days?${query}`;
        const body = (await (await send(path)).json()) as { days: SiteDay[] };
        days.push(...body.days);
      }
      return days;
    },
    async sums(site, from, to) {
      const path = `/api/v1/sites/${encodeURIComponent(site)}/sums?from=${from}&to=${to}`;
      const body: unknown = await (await send(path)).json().catch(() => undefined);
      const parsed = siteSumsAnswerSchema.safeParse(body);
      // An answer of an unknown shape is the server's failure, as the tablet's sync reads one.
      if (!parsed.success) throw new ApiError({ reason: 'server', status: 502 });
      return parsed.data;
    },
    async addSite(slug, name) {
      const answer = await send('/api/v1/admin/sites', 'POST', { slug, name });
      const body = (await answer.json()) as { site: Omit<AdminSite, 'devices' | 'countedDates'> };
      // A new site has no tablet and no counted day yet.
      return { ...body.site, devices: [], countedDates: [] };
    },
    async addDevice(site, label) {
      const path = `/api/v1/admin/sites/${encodeURIComponent(site)}/devices`;
      const answer = await send(path, 'POST', label === null ? {} : { label });
      const body = (await answer.json()) as {
        device: AdminDevice & { site?: string };
        code: string;
        link: string;
      };
      const { site: _site, ...added } = body.device;
      return { device: added, code: body.code, link: body.link };
    },
    async labelDevice(id, label) {
      await send(device(id), 'PATCH', { label });
    },
    async revokeDevice(id) {
      await send(`${device(id)}/revoke`, 'POST');
    },
    async newCode(id) {
      const body = (await (await send(`${device(id)}/code`, 'POST')).json()) as Pairing;
      return { code: body.code, link: body.link };
    },
    async config(site) {
      const answer = await send(config(site), 'GET', undefined, [404]);
      if (answer.status === 404) return null;
      const { ok: _ok, ...published } = (await answer.json()) as PublishedConfig & { ok: true };
      return published;
    },
    async publishConfig(site, publish) {
      const answer = await send(config(site), 'PUT', publish, [409]);
      if (answer.status === 409) {
        const body = (await answer.json()) as { current?: PublishedConfig };
        // A conflict without a current version (nothing published) is a plain refusal here:
        // the page only publishes from a version it has read.
        if (!body.current) throw new ApiError({ reason: 'rejected', status: 409, issues: [] });
        return { ok: false, current: body.current };
      }
      const body = (await answer.json()) as { version: number };
      return { ok: true, version: body.version };
    },
  };
}
