/**
 * The door's first taps need not wait for Dexie to load and open: a plain IndexedDB connection
 * to the existing database (the one the shell began opening) records them until Dexie is open,
 * then it is closed. It never creates the database, and never holds a tap: a write it cannot
 * make goes the full way.
 */
import type { EventInput } from '../../storage/index.ts';
import {
  DATABASE_NAME,
  existingFrom,
  isAlreadyStored,
  openPlain,
  recordInto,
} from '../../storage/record.ts';
import { readReplicaCopy } from '../../storage/settings.ts';
import { SHELL_TAP_HOLD_MS, takeShellOpening } from './hand-over.ts';

/**
 * How long a write waits for the early connection before it takes the full path: an open that
 * never settles (WebKit has had such a bug) must not hold a tap forever. As long as the shell
 * holds the door for a tap's write (one value, hand-over.ts).
 */
export const EARLY_OPEN_MS = SHELL_TAP_HOLD_MS;

/** A plain connection that can record before Dexie has loaded (the door's first taps). */
export interface EarlyWriter {
  record(inputs: readonly EventInput[]): Promise<unknown>;
  close(): void;
}

/** The database as it is, in plain IndexedDB: part of the first-paint code, no Dexie. */
export async function openBrowserEarlyWriter(
  name = DATABASE_NAME,
): Promise<EarlyWriter | undefined> {
  // The shell (index.html) began opening the database before any module loaded.
  const opening = name === DATABASE_NAME ? takeShellOpening() : undefined;
  const plain = await (opening ?? openPlain(name));
  const existing = plain && (await existingFrom(plain, readReplicaCopy()));
  if (existing === undefined) return undefined;
  const { idb, replica } = existing;
  return {
    record: (inputs) => recordInto(idb, replica, inputs),
    close: () => idb.close(),
  };
}

export interface EarlyWrites {
  /** Whether the early connection may still take a write (until Dexie is open). */
  open(): boolean;
  /** True once recorded early; false when there is no early connection or it failed. */
  record(inputs: readonly EventInput[]): Promise<boolean>;
  /** Closes the early connection: Dexie is open, one path from here on. */
  close(): void;
}

export function createEarlyWrites(options: {
  openEarlyWriter(): Promise<EarlyWriter | undefined>;
  /** Whether Dexie is open: then a write takes its path, not this one. */
  dexieOpen(): boolean;
}): EarlyWrites {
  let early: Promise<EarlyWriter | undefined> | undefined = options
    .openEarlyWriter()
    .catch(() => undefined);
  function close(): void {
    void early?.then((writer) => writer?.close());
    early = undefined;
  }
  return {
    open: () => early !== undefined,
    async record(inputs) {
      const pending = early;
      if (pending === undefined) return false;
      let expire: () => void = () => undefined;
      const expired = new Promise<undefined>((resolve) => (expire = () => resolve(undefined)));
      const timer = setTimeout(expire, EARLY_OPEN_MS);
      const writer = await Promise.race([pending, expired]);
      clearTimeout(timer);
      if (writer === undefined) {
        // Never arrived (or there is no database yet): Dexie from here on; a late one is closed.
        if (early === pending) close();
        return false;
      }
      if (options.dexieOpen()) return false;
      try {
        await writer.record(inputs);
      } catch (error) {
        if (!isAlreadyStored(error)) return false;
      }
      return true;
    },
    close,
  };
}
