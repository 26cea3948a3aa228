/**
 * A sync run's talk with the endpoint about the site's configuration (config-sync.ts has the
 * rules that work offline): the lead's unpublished saves are published from the version the
 * tablet follows, else a newer version is fetched (`If-None-Match`: a 304 costs nothing) and
 * validated with the shared schema; one that fails it is never applied. Its own chunk, never
 * precached: it is only ever loaded online.
 */
import { withVolunteerCounters } from '../domain/volunteer-hours.ts';
import {
  MAX_PLAN_DAYS,
  publishedConfigSchema,
  type PublishedConfig,
} from '../shared/config-publication.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import { issueLine } from '../shared/validation-issues.ts';
import { getConfig, putConfig } from '../sync/config-client.ts';
import type { SyncSettings } from '../sync/index.ts';
import type { ConfigTravelContext } from './config-sync.ts';
import { saveConfig } from './site-config.ts';

/**
 * Fields of the site profile that are this tablet's own choice (its staff timeout and how long
 * it keeps single taps: the settings section "Nettbrettet"): a published version never changes
 * them here, and they are no difference to show the lead.
 */
export const TABLET_FIELDS = ['idleTimeoutSeconds', 'retentionDays'] as const;

/** The value as JSON with its keys sorted: a parse may reorder an object's keys. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );

/**
 * Whether two configurations differ in anything but this tablet's own fields (and the site's
 * slug, which the pairing decides: a preset's may differ from the endpoint's). The volunteer
 * counters every site implies count as there on both sides (a saved configuration has them, a
 * configuration published from a file may not).
 */
export function differsFromOwn(own: SiteConfig, theirs: SiteConfig): boolean {
  const shared = (config: SiteConfig) =>
    canonical({
      ...withVolunteerCounters(config),
      ...Object.fromEntries([...TABLET_FIELDS, 'site'].map((field) => [field, 0])),
    });
  return shared(own) !== shared(theirs);
}

async function publish(context: ConfigTravelContext, settings: SyncSettings): Promise<void> {
  const { store, update } = context;
  const { db } = await store.storage();
  const plan = (await db.words.orderBy('date').toArray()).slice(-MAX_PLAN_DAYS);
  const answer = await putConfig(context.fetch, settings, {
    baseVersion: context.state.get().following,
    // Published under the site the tablet is paired with, whatever its preset named.
    config: { ...context.ownConfig(), site: settings.site },
    plan,
  });
  const body = answer.body as
    | { version?: number; current?: unknown; issues?: { path: string; message: string }[] }
    | undefined;
  if (answer.status === 200 && typeof body?.version === 'number') {
    await update({ following: body.version, unpublished: undefined, issues: undefined });
  } else if (answer.status === 409) {
    const current = publishedConfigSchema.safeParse(body?.current);
    // Without a current version nothing is published after all: the next run publishes from 0.
    await update(
      current.success ? { review: { kind: 'conflict', current: current.data } } : { following: 0 },
    );
  } else if (answer.status === 400) {
    // Worded as the endpoint words each issue: `path: message`.
    await update({
      issues: (body?.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`),
    });
  }
  // Offline, 5xx, 401/403: still unpublished, and sent again on the next run.
}

/** The configuration step of one sync run. */
export async function exchange(
  context: ConfigTravelContext,
  settings: SyncSettings,
): Promise<void> {
  const { state, update } = context;
  const current = state.get();
  if (current.unpublished) {
    // A conflict waits for the lead's choice, a refused publish for the next save.
    if (!current.review && !current.issues) await publish(context, settings);
    return;
  }
  const known = current.pending?.version ?? current.review?.current.version ?? current.following;
  const answer = await getConfig(context.fetch, settings, known);
  if (answer.status !== 200) return; // 304: nothing new; 404: nothing published yet
  const parsed = publishedConfigSchema.safeParse(answer.body);
  if (!parsed.success) {
    await update({
      invalid: {
        version: Number((answer.body as { version?: unknown } | undefined)?.version) || 0,
        issue: issueLine(parsed.error) ?? '',
      },
    });
    return;
  }
  const published = parsed.data;
  if (published.version <= current.following) return;
  // The first version this tablet follows: if its own configuration differs, the lead decides.
  await update(
    current.following === 0 && differsFromOwn(context.ownConfig(), published.config)
      ? { review: { kind: 'first', current: published }, invalid: undefined }
      : { pending: published, invalid: undefined },
  );
}

/**
 * Applies a published version: the site profile through saveConfig (the tablet's own fields
 * kept) and the plan into the words table. A new time zone or cut-off hour waits for the next
 * business day: today is counted under the rules it started with.
 */
export async function apply(
  context: ConfigTravelContext,
  published: PublishedConfig,
): Promise<void> {
  const { store } = context;
  const own = store.config.get();
  const { timeZone, cutoffHour } = published.config;
  const config = await saveConfig({
    ...published.config,
    ...Object.fromEntries(TABLET_FIELDS.map((field) => [field, own[field]])),
    timeZone: own.timeZone,
    cutoffHour: own.cutoffHour,
  });
  store.setConfig(config);
  const { putWords } = await import('../storage/index.ts');
  await store.write(({ db }) => putWords(db, published.plan));
  await context.update({
    following: published.version,
    pending: undefined,
    review: undefined,
    deferred:
      timeZone !== own.timeZone || cutoffHour !== own.cutoffHour
        ? { day: store.dayOf(store.now()).day, timeZone, cutoffHour }
        : undefined,
  });
}

/** The lead's answer to a difference or a conflict. */
export async function choose(
  context: ConfigTravelContext,
  choice: 'theirs' | 'mine',
): Promise<void> {
  const { review } = context.state.get();
  if (!review) return;
  if (choice === 'theirs') {
    // The lead is here and chose: it applies now, with the staff screen open.
    await context.update({ unpublished: undefined, issues: undefined });
    return apply(context, review.current);
  }
  // Published from the version the endpoint has now, on a sync run started at once.
  await context.update({
    following: review.current.version,
    unpublished: true,
    review: undefined,
    issues: undefined,
  });
  context.trigger();
}
