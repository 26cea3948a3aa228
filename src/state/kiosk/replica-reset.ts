/**
 * Noticing a reset database: one that is new while the pairing survived (the local data was
 * lost; the endpoint's totals are intact). It remembers the replica id beside the pairing and
 * raises the notice staff mode shows until dismissed; it never touches the database itself.
 */
import { readSetting, writeReplicaCopy, writeSetting } from '../../storage/settings.ts';
import { observable, type Observable } from '../observable.ts';

export interface ReplicaResetStore {
  /** Whether this database is new while the pairing survived; stays until dismissed. */
  databaseReset: Observable<boolean>;
  /** Remembers the replica id of the database just opened, and notices a reset. */
  notice(replica: string): Promise<void>;
  /** Clears the notice, and remembers the (awaited) replica id without its reset. */
  dismiss(replica: Promise<string>): Promise<void>;
}

export function createReplicaResetStore(options: { now(): number }): ReplicaResetStore {
  const databaseReset = observable(false);
  return {
    databaseReset,
    async notice(replica) {
      writeReplicaCopy(replica);
      const [remembered, device] = await Promise.all([
        readSetting('replica'),
        readSetting('device'),
      ]);
      const known = remembered as { id?: unknown; resetAt?: unknown } | undefined;
      if (known?.id === replica) {
        databaseReset.set(typeof known.resetAt === 'number');
        return;
      }
      const reset = typeof known?.id === 'string' && device !== undefined;
      await writeSetting(
        'replica',
        reset ? { id: replica, resetAt: options.now() } : { id: replica },
      );
      databaseReset.set(reset);
    },
    async dismiss(replica) {
      databaseReset.set(false);
      await writeSetting('replica', { id: await replica });
    },
  };
}
