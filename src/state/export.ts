/**
 * Files the lead takes away: CSV of any range (wide or long layout, as Norwegian Excel opens
 * it), the JSON backup, and the import of a backup on a replacement tablet. Every file is
 * made on the tablet, so it works offline; nothing is stored when input is refused.
 */
import { daysBetween } from '../domain/business-day.ts';
import { csvDocument, longCsvRows, wideCsvRows } from '../domain/csv.ts';
import type { Backup } from '../shared/backup.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import { backupOf, importBackup, OwnBackupError } from '../storage/backup.ts';
import { markExported } from '../storage/days.ts';
import { readSetting, writeSetting } from '../storage/settings.ts';
import type { KioskStore } from './kiosk-store.ts';
import { rangeTotals, type EndpointTotalsReader } from './reports.ts';
import { saveConfig } from './site-config.ts';

/** A file ready to hand over. */
export interface ExportFile {
  name: string;
  type: string;
  content: string;
}

export type CsvLayout = 'wide' | 'long';

/** Why a date range was refused. */
export type RangeProblem = 'missing' | 'to-before-from' | 'too-long';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A CSV covers at most ten years; beyond that a typo is likelier than a wish. */
export const MAX_RANGE_DAYS = 3660;

/** Checks a from/to pair from date inputs; undefined when it is a usable range. */
export function checkRange(from: string, to: string): RangeProblem | undefined {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return 'missing';
  if (to < from) return 'to-before-from';
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return 'too-long';
  return undefined;
}

export type CsvOutcome =
  { ok: true; file: ExportFile; days: number } | { ok: false; problem: RangeProblem };

/**
 * The CSV of a range (every day with counts, the endpoint's totals where provided), and marks
 * this tablet's days in the range as exported. A refused range exports and marks nothing.
 */
export async function exportCsv(
  store: KioskStore,
  from: string,
  to: string,
  layout: CsvLayout,
  endpoint?: EndpointTotalsReader,
): Promise<CsvOutcome> {
  const problem = checkRange(from, to);
  if (problem !== undefined) return { ok: false, problem };
  const config = store.config.get();
  const { days } = await rangeTotals(store, from, to, endpoint);
  const rows = layout === 'wide' ? wideCsvRows(days, config.counters) : longCsvRows(days);
  await store.write(({ db, replica }) => markExported(db, replica, from, to, store.now()));
  await recordExport(store.now());
  return {
    ok: true,
    days: days.length,
    file: {
      name: `terskel-${config.site}-${from}-${to}-${layout === 'wide' ? 'per-dag' : 'lang'}.csv`,
      type: 'text/csv;charset=utf-8',
      content: csvDocument(rows),
    },
  };
}

/** Remembers when a file last left the tablet; a failure to remember never fails the export. */
async function recordExport(at: number): Promise<void> {
  await writeSetting('lastExport', at).catch(() => undefined);
}

/** When a CSV or a backup was last made on this tablet (undefined: never, or unreadable). */
export async function readLastExportAt(): Promise<number | undefined> {
  return readSetting('lastExport').catch(() => undefined);
}

/** The JSON backup: tally state, closings and configuration; never raw events or notes. */
export async function exportBackup(store: KioskStore): Promise<ExportFile> {
  const { db, replica } = await store.storage();
  const config = store.config.get();
  const now = store.now();
  const backup = await backupOf(db, replica, config, now);
  await recordExport(now);
  const stamp = new Date(now).toISOString().slice(0, 10);
  return {
    name: `terskel-sikkerhetskopi-${config.site}-${stamp}.json`,
    type: 'application/json',
    content: `${JSON.stringify(backup, null, 2)}\n`,
  };
}

/** What is wrong with one field of a refused backup. */
export type FieldProblem =
  'missing' | 'type' | 'format' | 'too-small' | 'too-big' | 'unknown-field' | 'value' | 'custom';

export type ImportOutcome =
  | { ok: true; replicas: number; tallyRows: number; closings: number; configApplied: boolean }
  | { ok: false; problem: 'not-json' }
  | { ok: false; problem: 'own-backup' }
  | { ok: false; problem: 'other-site'; site: string }
  | { ok: false; problem: 'schema'; field: string; fieldProblem: FieldProblem; detail?: string };

export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  keys?: string[];
}

/** A schema issue as the lead reads it; `name` spells the field's path (dotted by default). */
export function describeIssue(
  issue: ZodIssueLike,
  name: (path: string[]) => string = (path) => path.join('.') || '(hele filen)',
): Extract<ImportOutcome, { problem: 'schema' }> {
  const path = issue.path.map(String);
  const field = (extra?: string) => name([...path, ...(extra ? [extra] : [])]);
  switch (issue.code) {
    case 'invalid_type':
      return {
        ok: false,
        problem: 'schema',
        field: field(),
        fieldProblem: issue.input === undefined ? 'missing' : 'type',
      };
    case 'unrecognized_keys':
      return {
        ok: false,
        problem: 'schema',
        field: field(issue.keys?.[0]),
        fieldProblem: 'unknown-field',
      };
    case 'invalid_format':
      return { ok: false, problem: 'schema', field: field(), fieldProblem: 'format' };
    case 'too_small':
      return { ok: false, problem: 'schema', field: field(), fieldProblem: 'too-small' };
    case 'too_big':
      return { ok: false, problem: 'schema', field: field(), fieldProblem: 'too-big' };
    case 'invalid_value':
      return {
        ok: false,
        problem: 'schema',
        field: field(),
        fieldProblem: issue.input === undefined ? 'missing' : 'value',
      };
    default:
      // Our own refinements carry Norwegian messages.
      return {
        ok: false,
        problem: 'schema',
        field: field(),
        fieldProblem: 'custom',
        detail: issue.message,
      };
  }
}

/** Validates a backup file's text; nothing is stored here. */
export async function parseBackup(
  text: string,
): Promise<{ ok: true; backup: Backup } | Exclude<ImportOutcome, { ok: true }>> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const { backupSchema } = await import('../shared/backup.ts');
  const result = backupSchema.safeParse(json, { reportInput: true });
  if (result.success) return { ok: true, backup: result.data };
  const first = result.error.issues[0] as ZodIssueLike | undefined;
  return first === undefined
    ? { ok: false, problem: 'schema', field: '(hele filen)', fieldProblem: 'custom' }
    : describeIssue(first);
}

/**
 * Imports a backup as frozen replicas beside this tablet's own, and (when asked) takes over
 * its configuration. A file that is not JSON, fails the schema, is this tablet's own or is
 * from another site (without taking its configuration) changes nothing.
 */
export async function importBackupText(
  store: KioskStore,
  text: string,
  options: { applyConfig: boolean },
): Promise<ImportOutcome> {
  const parsed = await parseBackup(text);
  if (!parsed.ok) return parsed;
  const { backup } = parsed;
  const current: SiteConfig = store.config.get();
  if (!options.applyConfig && backup.config.site !== current.site) {
    return { ok: false, problem: 'other-site', site: backup.config.site };
  }
  try {
    const outcome = await store.write(({ db, replica }) =>
      importBackup(db, replica, backup, store.now()),
    );
    if (options.applyConfig) store.setConfig(await saveConfig(backup.config));
    return {
      ok: true,
      replicas: outcome.replicas.length,
      tallyRows: outcome.tallyRows,
      closings: outcome.closings,
      configApplied: options.applyConfig,
    };
  } catch (error) {
    if (error instanceof OwnBackupError) return { ok: false, problem: 'own-backup' };
    throw error;
  }
}

/** What the browser offers for handing a file over; injectable for tests. */
export interface FileHandOver {
  canShare?(data: { files: File[] }): boolean;
  share?(data: { files: File[]; title: string }): Promise<void>;
  download(blob: Blob, name: string): void;
}

/** Saves a blob through an object URL and an `<a download>`: works offline. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The browser's own share sheet (where it takes files) and download. */
export function browserHandOver(): FileHandOver {
  const nav = globalThis.navigator as Navigator | undefined;
  const handOver: FileHandOver = { download: downloadBlob };
  if (typeof nav?.canShare === 'function' && typeof nav.share === 'function') {
    handOver.canShare = (data) => nav.canShare(data);
    handOver.share = (data) => nav.share(data);
  }
  return handOver;
}

/**
 * Hands a file over: the share sheet where the tablet can share files, else a download.
 * A share the lead cancels is not followed by a download.
 */
export async function deliverFile(
  file: ExportFile,
  handOver: FileHandOver = browserHandOver(),
): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const blob = new Blob([file.content], { type: file.type });
  if (handOver.share !== undefined && typeof File === 'function') {
    const shared = new File([blob], file.name, { type: file.type });
    if (handOver.canShare?.({ files: [shared] })) {
      try {
        await handOver.share({ files: [shared], title: file.name });
        return 'shared';
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
        // A share that failed for another reason: the download still works.
      }
    }
  }
  handOver.download(blob, file.name);
  return 'downloaded';
}
