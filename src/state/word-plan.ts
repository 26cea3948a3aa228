/**
 * The *Ord for dagen* plan: a CSV or JSON file of words by date, read line by line through the
 * schema. It owns the rule that a file with any bad line imports nothing.
 */
import type { WordOfDay } from '../shared/site-config.ts';
import type { KioskStore } from './kiosk-store.ts';
import { schemaRefusal, type Refusal } from './settings.ts';

/** One bad line of a plan file: its number (CSV line, or JSON entry) and what is wrong. */
export interface PlanError {
  line: number;
  refusal: Refusal;
}

export type PlanOutcome = { ok: true; words: WordOfDay[] } | { ok: false; errors: PlanError[] };

const PLAN_COLUMNS = ['date', 'title', 'text', 'reference', 'speaker'] as const;

/** The fields of one CSV line: "quoted" fields may hold the delimiter, "" is a quote. */
function splitCsvLine(line: string, delimiter: string): string[] {
  const field = new RegExp(
    `\\s*(?:"((?:[^"]|"")*)"|([^${delimiter}]*))\\s*(?:${delimiter}|$)`,
    'gy',
  );
  const fields: string[] = [];
  for (const match of line.matchAll(field)) {
    fields.push((match[1]?.replace(/""/g, '"') ?? match[2] ?? '').trim());
    if (match.index + match[0].length >= line.length) break;
  }
  return fields;
}

/** Entries of a plan file with the line (CSV) or position (JSON) each came from. */
function planEntries(text: string): { line: number; entry: unknown }[] | PlanError {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    try {
      const list = JSON.parse(body) as unknown;
      if (Array.isArray(list)) return list.map((entry, i) => ({ line: i + 1, entry }));
    } catch {
      // reported below, like any file that is neither
    }
    return { line: 1, refusal: { key: 'staff.backup.notJson' } };
  }
  const lines = body.split(/\r?\n/);
  const header = lines[0] ?? '';
  const delimiter = header.includes(';') ? ';' : ',';
  const columns = splitCsvLine(header, delimiter).map((name) => name.toLowerCase());
  if (columns[0] !== 'date' || columns[1] !== 'title') {
    return { line: 1, refusal: { key: 'staff.plan.header' } };
  }
  const entries: { line: number; entry: unknown }[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const values = splitCsvLine(line, delimiter);
    const entry: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const value = values[c];
      if ((PLAN_COLUMNS as readonly string[]).includes(column) && value) entry[column] = value;
    });
    if (values.length > columns.length) entry['(kolonner)'] = values.length;
    entries.push({ line: i + 1, entry });
  });
  return entries;
}

/** Reads a plan from CSV (`date;title;text;reference;speaker`, `;` or `,`) or a JSON array. */
export async function parseWordPlan(text: string): Promise<PlanOutcome> {
  const entries = planEntries(text);
  if (!Array.isArray(entries)) return { ok: false, errors: [entries] };
  const { wordOfDaySchema } = await import('../shared/site-config.ts');
  const words: WordOfDay[] = [];
  const errors: PlanError[] = [];
  for (const { line, entry } of entries) {
    const result = wordOfDaySchema.safeParse(entry, { reportInput: true });
    if (result.success) words.push(result.data);
    else errors.push({ line, refusal: schemaRefusal(result.error, 'staff.plan.lineError') });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, words };
}

/** Stores words of the plan (replacing those of the same dates). */
export async function storeWords(store: KioskStore, words: readonly WordOfDay[]): Promise<void> {
  const { putWords } = await import('../storage/index.ts');
  await store.write(({ db }) => putWords(db, words));
}

/** Imports a plan file: all of it, or — when any line is bad — none of it. */
export async function importWordPlan(store: KioskStore, text: string): Promise<PlanOutcome> {
  const outcome = await parseWordPlan(text);
  if (outcome.ok) await storeWords(store, outcome.words);
  return outcome;
}
