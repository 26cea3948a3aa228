/**
 * Files the lead takes away: CSV of any range (wide or long layout, as Norwegian Excel opens
 * it), the JSON backup, and the import of a backup on a replacement tablet. Every file is
 * made on the tablet, so it works offline; nothing is stored when input is refused.
 */
import { csvDocument, namedLongCsvRows, wideCsvRows, type CsvWords } from '../domain/csv.ts';
import { nbStaff } from '../i18n/nb-staff.ts';
import { createTranslator, type Translator } from '../i18n/translate.ts';
import { namedDoorQuestions } from './door-answers.ts';
import { checkRange, type RangeProblem } from '../domain/periods.ts';
import type { Backup } from '../shared/backup.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import { fieldProblemOf, firstIssue, type FieldProblem } from '../shared/validation-issues.ts';
import { backupOf, importBackup, markExported, OwnBackupError } from '../storage/index.ts';
import { readSetting, writeSetting } from '../storage/settings.ts';
import type { ExportFile } from './file-hand-over.ts';
import type { KioskStore } from './kiosk-store.ts';
import { rangeTotals, type EndpointTotalsReader } from './reports.ts';
import { saveConfig } from './site-config.ts';

export type CsvLayout = 'wide' | 'long';

export type CsvOutcome =
  { ok: true; file: ExportFile; days: number } | { ok: false; problem: RangeProblem };

/** The CSV's words in the translator's language. */
export function csvWords({ t }: Translator): CsvWords {
  return {
    date: t('staff.csv.date'),
    row: t('staff.csv.row'),
    total: t('staff.csv.total'),
    perAnswer: t('staff.csv.perAnswer'),
    perHour: t('staff.csv.perHour'),
    closing: t('staff.csv.closing'),
    counter: t('staff.csv.counter'),
    answer: t('staff.csv.answer'),
    hour: t('staff.csv.hour'),
    count: t('staff.csv.count'),
    kroner: t('staff.csv.kroner'),
    counterKroner: t('staff.csv.counterKroner'),
    closed: t('staff.csv.closed'),
    cashCounted: t('staff.csv.cashCounted'),
    yes: t('staff.csv.yes'),
    no: t('staff.csv.no'),
    questionAnswer: t('staff.csv.questionAnswer'),
    volunteerHours: t('staff.volunteers.hoursName'),
  };
}

/**
 * The CSV of a range (every day with counts, the endpoint's totals where provided), headed
 * in the lead's language (bokmål unless a translator says otherwise), and marks this tablet's
 * days in the range as exported. A refused range exports and marks nothing.
 */
export async function exportCsv(
  store: KioskStore,
  from: string,
  to: string,
  layout: CsvLayout,
  endpoint?: EndpointTotalsReader,
  translator: Translator = createTranslator('nb', nbStaff),
): Promise<CsvOutcome> {
  const problem = checkRange(from, to);
  if (problem !== undefined) return { ok: false, problem };
  const config = store.config.get();
  const { days } = await rangeTotals(store, from, to, endpoint);
  const named = layout === 'wide' ? wideCsvRows : namedLongCsvRows;
  const answered = new Set(days.flatMap((day) => day.totals.map((total) => total.counter)));
  const questions = namedDoorQuestions(config, translator, answered);
  const rows = named(days, config.counters, csvWords(translator), translator.language, questions);
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

export type ImportOutcome =
  | { ok: true; replicas: number; tallyRows: number; closings: number; configApplied: boolean }
  | { ok: false; problem: 'not-json' }
  | { ok: false; problem: 'own-backup' }
  | { ok: false; problem: 'other-site'; site: string }
  | {
      ok: false;
      problem: 'schema';
      field: string;
      fieldProblem: FieldProblem;
      max?: number;
      detail?: string;
    };

export { checkRange, MAX_RANGE_DAYS, type RangeProblem } from '../domain/periods.ts';
export {
  browserHandOver,
  deliverFile,
  downloadBlob,
  type ExportFile,
  type FileHandOver,
} from './file-hand-over.ts';
export type { FieldProblem } from '../shared/validation-issues.ts';

/** A field that is the whole file (an issue at the root) is named so for the lead. */
const WHOLE_FILE = '(hele filen)';

/** A failed parse's first issue as a refused import names it; the wording is shared's. */
export function schemaProblem(error: unknown): Extract<ImportOutcome, { problem: 'schema' }> {
  const issue = firstIssue(error);
  if (issue === undefined) {
    return { ok: false, problem: 'schema', field: WHOLE_FILE, fieldProblem: 'custom' };
  }
  const described = fieldProblemOf(issue);
  return { ok: false, problem: 'schema', ...described, field: described.field || WHOLE_FILE };
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
  return result.success ? { ok: true, backup: result.data } : schemaProblem(result.error);
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
