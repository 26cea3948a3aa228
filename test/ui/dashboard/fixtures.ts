// Sites and days as the endpoint's admin API answers them, for the dashboard's component tests.
import type {
  AdminDevice,
  AdminRole,
  AdminSite,
  Api,
  Published,
} from '../../../src/dashboard/api.ts';
import { hjerteromAlta } from '../../../src/domain/presets/index.ts';
import type { ConfigPublish, PublishedConfig } from '../../../src/shared/config-publication.ts';
import type { SiteSums } from '../../../src/dashboard/Overview.tsx';
import type { SiteData } from '../../../src/dashboard/site-days.ts';
import type { SiteDay, SiteSumsAnswer } from '../../../src/shared/protocol.ts';
import { sumTotals } from '../../../src/domain/periods.ts';

export const ALTA: AdminSite = {
  slug: 'hjerterom-alta',
  name: 'Blå Kors Hjerterom Alta',
  devices: [
    {
      id: '11111111-1111-4111-8111-111111111111',
      label: 'Døra',
      createdAt: '2026-11-01T10:00:00.000Z',
      lastSeenAt: '2026-12-05T09:00:00.000Z',
      appVersion: 'terskel/0.1.0',
      revokedAt: null,
      // A tablet of version 2: its health, sent with its last upload, 7 minutes fast.
      health: {
        appVersion: '0.2.0',
        installed: true,
        persisted: true,
        usageBytes: 1_843_200,
        quotaBytes: 2_147_483_648,
        unsavedTaps: 0,
        lastError: null,
        clock: '2026-12-05T09:07:00.000Z',
      },
      healthAt: '2026-12-05T09:00:00.000Z',
    },
    {
      id: '22222222-2222-4222-8222-222222222222',
      label: 'Kjøkkenet',
      createdAt: '2026-11-01T10:00:00.000Z',
      lastSeenAt: '2026-12-01T09:00:00.000Z',
      appVersion: 'terskel/0.0.9',
      revokedAt: null,
    },
    {
      id: '33333333-3333-4333-8333-333333333333',
      label: null,
      createdAt: '2026-10-01T10:00:00.000Z',
      lastSeenAt: '2026-10-02T09:00:00.000Z',
      appVersion: null,
      revokedAt: '2026-10-03T09:00:00.000Z',
    },
  ],
  // The endpoint's last eight weeks: Alta counts on Mondays, Tuesdays and Wednesdays.
  countedDates: ['2026-11-30', '2026-12-01', '2026-12-02'],
};

export const STEG: AdminSite = {
  slug: 'steg-for-steg',
  name: 'Steg for steg',
  devices: [],
  countedDates: ['2026-12-02'],
};

/** A day with visits, a dinner count, a conversation and volunteer minutes. */
export const day = (date: string, visits: number, extra: SiteDay['totals'] = []): SiteDay => ({
  date,
  replicas: 1,
  closed: true,
  totals: [{ counter: 'visit', net: visits }, ...extra],
});

export const ALTA_DAYS: SiteDay[] = [
  day('2026-12-01', 12, [
    { counter: 'middag', net: 10 },
    { counter: 'samtale-enerom', net: 2 },
    { counter: 'frivillig-minutter', net: 270 },
  ]),
  day('2026-12-02', 20, [{ counter: 'middag', net: 15 }]),
];
export const ALTA_LAST_YEAR: SiteDay[] = [day('2025-12-01', 9, [{ counter: 'middag', net: 7 }])];
export const STEG_DAYS: SiteDay[] = [day('2026-12-02', 5)];

export const DATA: SiteData[] = [
  { site: ALTA, days: ALTA_DAYS, lastYearDays: ALTA_LAST_YEAR },
  { site: STEG, days: STEG_DAYS, lastYearDays: [] },
];

/** What the endpoint's sums answer for `days` (a site's) over `from`–`to`: whole-day rows summed. */
export function sumsOf(site: string, from: string, to: string, days: readonly SiteDay[]) {
  const shown = days.filter((d) => d.date >= from && d.date <= to);
  const wholeDays = shown.map((d) => ({
    ...d,
    totals: d.totals.filter((t) => t.hour === undefined),
  }));
  const totals = sumTotals(wholeDays).map(({ hour: _hour, ...total }) => total);
  return { site, from, to, days: shown.length, totals } satisfies SiteSumsAnswer;
}

export const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };

/** The sites' sums over December and last December, as the endpoint answers them. */
export const SUMS: SiteSums[] = DATA.map(({ site, days, lastYearDays }) => ({
  site,
  totals: sumsOf(site.slug, DECEMBER.from, DECEMBER.to, days).totals,
  lastYearTotals: sumsOf(site.slug, '2025-12-01', '2025-12-31', lastYearDays).totals,
}));

/** The answer a fake endpoint gives: a pairing code and its link. */
export const PAIRING = {
  code: 'ABCDE-23456',
  link: 'https://terskel.example.no/#/provision?c=eyJ9',
};

/** A device the fake endpoint adds: new, never synced. */
export const addedDevice = (label: string | null): AdminDevice => ({
  id: '44444444-4444-4444-8444-444444444444',
  label,
  createdAt: '2026-12-05T11:00:00.000Z',
  lastSeenAt: null,
  appVersion: null,
  revokedAt: null,
  health: null,
  healthAt: null,
});

/** Alta's configuration as its tablets published it: version 3, with two days of the plan. */
export const ALTA_CONFIG: PublishedConfig = {
  version: 3,
  config: { ...hjerteromAlta, site: ALTA.slug },
  plan: [
    { date: '2026-12-07', title: 'Håp', text: 'Vi bærer hverandres byrder.', speaker: 'Per' },
    { date: '2026-12-08', title: 'Fellesskap', reference: 'Gal 6,2' },
  ],
  updatedAt: '2026-12-04T15:05:00.000Z',
  updatedBy: 'Døra',
};

/** Every day the fake endpoint holds of a site, this year's and last year's. */
const daysOf = (site: string) =>
  site === ALTA.slug ? [...ALTA_DAYS, ...ALTA_LAST_YEAR] : site === STEG.slug ? STEG_DAYS : [];

/**
 * An API that answers from the data above with a token of `role`, and remembers what it was
 * asked; its changes fail with `fail` when given (the token and the reading still work). A
 * site's configuration is `configs`' (none published by default); a publish is handed to
 * `publish` (accepted as the next version by default) and kept in `published`.
 */
export function fakeApi(
  asked: string[] = [],
  {
    role = 'read',
    fail,
    configs = {},
    publish,
    published = [],
    sites = [ALTA, STEG],
  }: {
    role?: AdminRole;
    fail?: Error;
    configs?: Record<string, PublishedConfig>;
    publish?: (site: string, body: ConfigPublish) => Promise<Published>;
    published?: ConfigPublish[];
    /** The sites the endpoint lists; Alta and Steg for steg by default. */
    sites?: AdminSite[];
  } = {},
): Api {
  const change = async <T>(what: string, answer: T): Promise<T> => {
    asked.push(what);
    if (fail) throw fail;
    return answer;
  };
  return {
    async me() {
      return { label: role === 'manage' ? 'Kontoret' : 'Styret', role };
    },
    async sites() {
      asked.push('sites');
      return sites;
    },
    async days(site, from, to) {
      asked.push(`days ${site} ${from} ${to}`);
      return daysOf(site).filter((d) => d.date >= from && d.date <= to);
    },
    async sums(site, from, to) {
      asked.push(`sums ${site} ${from} ${to}`);
      return sumsOf(site, from, to, daysOf(site));
    },
    addSite: (slug, name) =>
      change(`add site ${slug} ${name}`, {
        slug,
        name,
        createdAt: '2026-12-05T11:00:00.000Z',
        devices: [],
        countedDates: [],
      }),
    addDevice: (site, label) =>
      change(`add device ${site} ${label}`, { device: addedDevice(label), ...PAIRING }),
    labelDevice: (id, label) => change(`label ${id} ${label}`, undefined),
    revokeDevice: (id) => change(`revoke ${id}`, undefined),
    newCode: (id) => change(`code ${id}`, { code: 'FGHJK-78923', link: `${PAIRING.link}x` }),
    async config(site) {
      return configs[site] ?? null;
    },
    async publishConfig(site, body) {
      asked.push(`publish ${site} ${body.baseVersion}`);
      published.push(structuredClone(body));
      if (publish) return publish(site, body);
      return { ok: true, version: body.baseVersion + 1 };
    },
  };
}
