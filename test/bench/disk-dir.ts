/** Fresh folders for the endpoint benchmark's files, on a real disk so every flush is paid. */
import { mkdtempSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// statfs magic numbers of file systems in memory, where an fsync costs nothing.
const MEMORY_FILE_SYSTEMS = new Set([0x01021994 /* tmpfs */, 0x858458f6 /* ramfs */]);

/** A new folder under TMPDIR; refuses a TMPDIR in memory, where the figures would mean nothing. */
export function diskTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (MEMORY_FILE_SYSTEMS.has(statfsSync(dir).type)) {
    throw new Error(`${dir} is in memory (tmpfs): set TMPDIR to a folder on a disk`);
  }
  return dir;
}
