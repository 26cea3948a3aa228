/**
 * When and how this tablet's sync runs: the loop (made on the first trigger, with the triggers
 * of sync-triggers.ts) and one run of it, which counts the database's waiting days, hands the
 * sync its source, lets the configuration travel after an upload the endpoint took and turns
 * the result into the status. Separate from sync.ts, which owns the pairing, the provisioning
 * link and what the screens are handed: a run only reads the pairing it starts under.
 */
import type {
  HeldDay,
  SyncLoop,
  SyncResult,
  SyncRun,
  SyncSettings,
  SyncTrigger,
} from '../sync/index.ts';
import type { ConfigSync } from './config-sync.ts';
import type { KioskStore } from './kiosk-store.ts';
import type { Observable } from './observable.ts';
import { statusAfterRun, type SyncStatus } from './sync-status.ts';
import { listenForSyncTriggers } from './sync-triggers.ts';

export interface SyncRuns {
  /** Asks the loop for a run (the loop is made, and its triggers listen, on the first ask). */
  trigger(reason: SyncTrigger): Promise<void>;
  /** A pairing begins: a run already under way neither acknowledges days nor reports. */
  newPairing(): void;
  /** Forgets the days the endpoint held back: after a pairing every day is sent again. */
  forgetHeld(): void;
  /** Stops the loop and its triggers. */
  stop(): void;
}

/** What the runs take of the controller's own dependencies (sync.ts). */
export interface SyncRunsDeps {
  fetch: typeof fetch;
  app: string;
  /** Whether to listen to window events and run every five minutes. */
  autoTriggers: boolean;
}

/**
 * The runs of one controller: `status` is the one staff mode shows (a run marks itself running
 * and leaves its result there), `settings` reads the pairing, `config` takes the configuration's
 * step after an upload, `persist` keeps the status across a reload and `health` gathers the
 * self-test's facts when a pass sends something.
 */
export function createSyncRuns(
  store: KioskStore,
  status: Observable<SyncStatus>,
  settings: () => Promise<SyncSettings | undefined>,
  deps: SyncRunsDeps,
  config: Pick<ConfigSync, 'run'>,
  persist: () => void,
  health: SyncRun['health'],
): SyncRuns {
  const held = new Map<string, HeldDay>();
  let loop: SyncLoop | undefined;
  const cleanups: Array<() => void> = [];

  async function refreshWaiting(): Promise<void> {
    try {
      const { db } = await store.storage();
      const { countWaitingDays } = await import('../storage/index.ts');
      const waitingDays = await countWaitingDays(db);
      status.update((current) => ({ ...current, waitingDays }));
    } catch {
      // storage unavailable: the door says so
    }
  }

  // Bumped by every pairing: a run that started under an older pairing must neither
  // acknowledge days (the new endpoint has not seen them) nor report its 401 as current.
  let pairing = 0;

  async function run(): Promise<SyncResult | undefined> {
    const current = await settings();
    await refreshWaiting();
    if (!current || status.get().needsPairing) return undefined;
    const generation = pairing;
    const stillCurrent = () => generation === pairing;
    const [{ db, replica }, storage, sync] = await Promise.all([
      store.storage(),
      import('../storage/index.ts'),
      import('../sync/index.ts'),
    ]);
    status.update((s) => ({ ...s, running: true, lastAttemptAt: store.now() }));
    let result: SyncResult;
    try {
      result = await sync.syncOnce({
        source: {
          replica,
          waitingDays: () => storage.waitingDays(db),
          acknowledge: (day) =>
            stillCurrent()
              ? store.write(({ db: ready }) => storage.acknowledgeDay(ready, day))
              : Promise.resolve(),
          secret: (id) => store.write(({ db: ready }) => storage.replicaSecret(ready, id)),
        },
        settings: current,
        fetch: deps.fetch,
        now: store.now,
        app: deps.app,
        held,
        health,
        healthSentAt: status.get().healthSentAt,
        healthSent: (at) => status.update((s) => ({ ...s, healthSentAt: at })),
      });
    } finally {
      status.update((s) => ({ ...s, running: false }));
    }
    if (!stillCurrent()) return undefined; // paired again meanwhile: the next run counts
    // The configuration travels after the upload, only when the endpoint took it.
    if (result.kind === 'done') await config.run(current).catch(() => undefined);
    held.clear();
    if (result.kind === 'done') for (const day of result.held) held.set(sync.heldKey(day), day);
    status.update((s) => statusAfterRun(s, result, [...held.values()], store.now()));
    await refreshWaiting();
    persist();
    return result;
  }

  async function ensureLoop(): Promise<SyncLoop> {
    if (loop) return loop;
    const { createSyncLoop, SYNC_INTERVAL_MS } = await import('../sync/index.ts');
    loop = createSyncLoop({
      run,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    if (deps.autoTriggers) {
      const react = (reason: SyncTrigger) => void loop?.trigger(reason);
      cleanups.push(listenForSyncTriggers(react, store.stored, SYNC_INTERVAL_MS));
    }
    return loop;
  }

  return {
    trigger: async (reason) => (await ensureLoop()).trigger(reason),
    newPairing: () => {
      pairing += 1;
    },
    forgetHeld: () => held.clear(),
    stop() {
      loop?.stop();
      for (const cleanup of cleanups) cleanup();
    },
  };
}
