/** The one context through which components reach the kiosk store (fresh per test). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { KioskStore } from '../state/index.ts';
import type { EndpointTotalsReader } from '../state/staff.ts';
import type { SyncController } from '../state/sync.ts';

export const StoreContext = createContext<KioskStore | undefined>(undefined);

export function useKioskStore(): KioskStore {
  const store = useContext(StoreContext);
  if (store === undefined) throw new Error('useKioskStore outside <StoreContext.Provider>');
  return store;
}

/** The sync controller, absent in tests that do not sync. */
export const SyncContext = createContext<SyncController | undefined>(undefined);

export function useSyncController(): SyncController | undefined {
  return useContext(SyncContext);
}

/**
 * The endpoint's totals of all tablets for the lead's screens: the sync controller's reader
 * where the app has one, absent on a tablet without sync (the screens show its own totals).
 */
export const EndpointTotalsContext = createContext<EndpointTotalsReader | undefined>(undefined);

export function useEndpointTotals(): EndpointTotalsReader | undefined {
  return useContext(EndpointTotalsContext);
}
