/**
 * The dashboard's all-sites view of a year at an organisation's scale. A store is seeded with
 * 50 sites × 3 tablets (replicas) × the 365 days of last year, then served by the real endpoint
 * in its own process and asked exactly what the dashboard asks when "last year" is chosen
 * (Dashboard.tsx, through the dashboard's own `createApi` and `loadPeriod`): the token's role and
 * the sites, then for every site at once its sums over the period and over the same dates a year
 * earlier, then the first site's days for the site view, over at most six keep-alive
 * connections, as a browser keeps to one host over HTTP/1.1. The baseline, in the same run: one
 * site's days of the year (the site view's reading alone).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { provisionAdminToken, provisionDevice } from '../../src/server/cli/index.ts';
import type { Store, StoreUpload } from '../../src/server/store/index.ts';
import { hashToken } from '../../src/server/tokens.ts';
import { addDays, type IsoDate } from '../../src/domain/business-day.ts';
import { createApi, type Api } from '../../src/dashboard/api.ts';
import { loadPeriod } from '../../src/dashboard/site-days.ts';
import { presetRange, type DateRange } from '../../src/dashboard/figures.ts';
import type { Count } from '../../src/shared/protocol.ts';
import { newBenchStore, startServers, type StoreKind } from './endpoint-bench.ts';
import { summarize, type Summary } from './stats.ts';

export const SITES = Number(process.env.BENCH_DASHBOARD_SITES ?? 50);
export const TABLETS = 3;
/** A browser's connections to one host over HTTP/1.1. */
const BROWSER_CONNECTIONS = 6;

/** A small deterministic generator, so every run seeds the same counts. */
function generator(seed: number) {
  let state = seed >>> 0 || 1;
  return (below: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return Math.floor(((state >>> 8) / 2 ** 24) * below);
  };
}

/**
 * One tablet's counts of one day, as a tablet of a meeting place keeps them: check-ins by hour
 * over the opening hours, the door question's answers, meals and coffee, an activity on
 * Thursdays and bingo (with kroner, cash or Vipps) on Wednesdays. Sites differ in size and
 * opening hours, and weekends are quieter.
 */
function dayCounts(site: number, tablet: number, date: IsoDate, random: (below: number) => number) {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const size = (0.5 + (site % 7) * 0.25) * (weekday === 0 ? 0.4 : weekday === 6 ? 0.7 : 1);
  const some = (mean: number) => random(Math.max(1, Math.round(2 * mean * size)) + 1);
  const counts: Count[] = [];
  let visits = 0;
  for (let hour = 10; hour < 18 + (site % 4); hour++) {
    const inc = some(8);
    visits += inc;
    counts.push({ counter: 'visit', hour, inc, dec: random(4) === 0 ? 1 : 0 });
  }
  const firstTime = random(Math.max(1, visits >> 3) + 1);
  counts.push({ counter: 'forste-gang', option: 'forste-i-ar', inc: firstTime, dec: 0 });
  counts.push({ counter: 'forste-gang', option: 'har-vart-her', inc: visits >> 1, dec: 0 });
  counts.push({ counter: 'middag', inc: some(20), dec: random(3) === 0 ? 1 : 0 });
  counts.push({ counter: 'kaffe', inc: some(30), dec: 0 });
  counts.push({ counter: 'brodmat', inc: some(10), dec: 0 });
  if (weekday === 4) counts.push({ counter: 'hobbykveld', inc: some(6), dec: 0 });
  if (weekday === 3) {
    const cash = some(5);
    const vipps = some(10);
    counts.push({
      counter: 'bingo',
      option: 'cash',
      inc: cash,
      dec: 0,
      incNok: 20 * cash,
      decNok: 0,
    });
    counts.push({
      counter: 'bingo',
      option: 'vipps',
      inc: vipps,
      dec: 0,
      incNok: 20 * vipps,
      decNok: 0,
    });
  }
  if (tablet === 0) counts.push({ counter: 'frivillige', inc: 2 + random(4), dec: 0 });
  return { counts, cashNok: weekday === 3 ? 20 * (1 + random(5)) : undefined };
}

/** Every day of `range`, in order. */
function datesOf(range: DateRange): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** What a seeded store holds besides its counts: the admin token and the slugs. */
interface Seeded {
  adminToken: string;
  slugs: string[];
  dayRows: number;
  keys: number;
  seedMs: number;
}

/**
 * SITES sites of TABLETS paired tablets each, every tablet's whole year merged as one upload
 * (the store takes a year at once; over the wire a tablet sends at most 62 days a request), the
 * first tablet closing each day at 20:00 UTC. Merges run four at a time.
 */
export async function seed(store: Store, range: DateRange): Promise<Seeded> {
  const started = performance.now();
  const now = new Date();
  const dates = datesOf(range);
  const uploads: Array<{ upload: StoreUpload; deviceId: string }> = [];
  const slugs: string[] = [];
  let keys = 0;
  for (let site = 0; site < SITES; site++) {
    const slug = `site-${String(site + 1).padStart(2, '0')}`;
    slugs.push(slug);
    await store.addSite({ slug, name: `Møteplass ${site + 1}` }, now);
    for (let tablet = 0; tablet < TABLETS; tablet++) {
      const made = await provisionDevice(
        store,
        { site: slug, label: `Nettbrett ${tablet + 1}`, publicUrl: 'http://127.0.0.1' },
        now,
      );
      const random = generator(site * 1_000 + tablet + 1);
      const days = dates.map((date) => {
        const { counts, cashNok } = dayCounts(site, tablet, date, random);
        keys += counts.length;
        if (tablet !== 0) return { date, counts };
        const at = `${date}T20:00:00.000Z`;
        const closing =
          cashNok === undefined
            ? { closed: true, at }
            : { closed: true, at, cashCountedNok: cashNok };
        return { date, counts, closing };
      });
      uploads.push({
        deviceId: made.device.id,
        upload: {
          site: slug,
          device: made.device.id,
          replica: randomUUID(),
          secretHash: hashToken(randomBytes(32).toString('base64url')),
          sentAt: now.toISOString(),
          app: 'terskel/0.2.0',
          days,
        },
      });
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < uploads.length) {
        const { upload, deviceId } = uploads[next++]!;
        await store.mergeUpload(upload, deviceId, now);
      }
    }),
  );
  const { token } = await provisionAdminToken(store, { label: 'bench', role: 'read' }, now);
  return {
    adminToken: token,
    slugs,
    dayRows: uploads.length * dates.length,
    keys,
    seedMs: Math.round(performance.now() - started),
  };
}

/** `fetch` for the dashboard's API over Node's HTTP client, as a browser: six connections. */
function browserFetch(port: number, agent: Agent, received: { bytes: number }): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((done, fail) => {
      const outgoing = request(
        {
          agent,
          host: '127.0.0.1',
          port,
          method: init?.method ?? 'GET',
          path: String(input),
          headers: Object.fromEntries(new Headers(init?.headers).entries()),
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.once('end', () => {
            const body = Buffer.concat(chunks);
            received.bytes += body.length;
            done(new Response(body, { status: incoming.statusCode ?? 0 }));
          });
          incoming.once('error', fail);
        },
      );
      outgoing.setTimeout(60_000, () => outgoing.destroy(new Error('request timed out')));
      outgoing.once('error', fail);
      outgoing.end();
    })) as typeof fetch;
}

/**
 * What Dashboard.tsx loads when `range` is chosen (`loadPeriod`: who the token is, the sites,
 * every site's sums over the period and the same dates last year, all at once), then what its
 * site view loads next: the first site's days of the period.
 */
async function allSitesView(api: Api, range: DateRange) {
  const figures = await loadPeriod(api, range);
  await oneSiteView(api, figures.sites[0]!.slug, range);
  return figures;
}

/** One site's days of the period, as the site view reads them (also the view's last step). */
async function oneSiteView(api: Api, slug: string, range: DateRange) {
  return api.days(slug, range.from, range.to);
}

export interface DashboardTiming {
  store: StoreKind;
  sites: number;
  tablets: number;
  range: DateRange;
  requests: number;
  dayRows: number;
  keys: number;
  seedMs: number;
  /** The first all-sites view after seeding, which rolls up every seeded site-day once. */
  firstViewMs: number;
  /** Days with data answered for the whole view (every site's period), and how many were seeded. */
  daysAnswered: number;
  daysSeeded: number;
  bytes: number;
  allSitesMs: Summary;
  oneSiteMs: Summary;
  allSitesSamples: number[];
  oneSiteSamples: number[];
}

/**
 * Seeds a fresh store of `kind`, serves it, and times the all-sites view `runs` times beside one
 * site's (alternately, after a warm-up of each).
 */
export async function measureDashboard(
  kind: StoreKind,
  runs: number,
  log: (message: string) => void,
): Promise<DashboardTiming> {
  const range = presetRange('lastYear', new Date().toISOString().slice(0, 10));
  const store = await newBenchStore(kind);
  try {
    const seeding = await store.open();
    let seeded: Seeded;
    try {
      seeded = await seed(seeding, range);
    } finally {
      await seeding.close();
    }
    log(
      `dashboard (${kind}): seeded ${seeded.dayRows} tablet-days, ${seeded.keys} keys in ${(seeded.seedMs / 1000).toFixed(1)} s`,
    );
    const servers = await startServers(store.spec, 1);
    const agent = new Agent({ keepAlive: true, maxSockets: BROWSER_CONNECTIONS });
    try {
      const received = { bytes: 0 };
      const api = createApi(seeded.adminToken, browserFetch(servers.ports[0]!, agent, received));
      const first = seeded.slugs[0]!;
      // The first view rolls up every seeded site-day (the store keeps the roll-ups from then
      // on, and rolls up again only the days a later upload changes): timed on its own.
      let started = performance.now();
      const view = await allSitesView(api, range);
      const firstViewMs = performance.now() - started;
      await oneSiteView(api, first, range);
      const allSites: number[] = [];
      const oneSite: number[] = [];
      let bytes = 0;
      for (let run = 0; run < runs; run++) {
        received.bytes = 0;
        started = performance.now();
        await allSitesView(api, range);
        allSites.push(performance.now() - started);
        bytes = received.bytes;
        started = performance.now();
        await oneSiteView(api, first, range);
        oneSite.push(performance.now() - started);
      }
      const perSite = Math.ceil(datesOf(range).length / 400);
      return {
        store: kind,
        sites: SITES,
        tablets: TABLETS,
        range,
        requests: 2 + 2 * seeded.slugs.length + perSite,
        dayRows: seeded.dayRows,
        keys: seeded.keys,
        seedMs: seeded.seedMs,
        firstViewMs,
        daysAnswered: [...view.sums.values()].reduce((sum, site) => sum + site.now.days, 0),
        daysSeeded: seeded.slugs.length * datesOf(range).length,
        bytes,
        allSitesMs: summarize(allSites),
        oneSiteMs: summarize(oneSite),
        allSitesSamples: allSites,
        oneSiteSamples: oneSite,
      };
    } finally {
      agent.destroy();
      await servers.stop();
    }
  } finally {
    await store.remove();
  }
}
