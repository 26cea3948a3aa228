/** The app shell: one store in context and hash routes (door, staff). */
import { useEffect, useState } from 'preact/hooks';
import type { KioskStore, SyncController } from '../state/index.ts';
import { Door } from './screens/Door.tsx';
import { StaffPlaceholder } from './screens/StaffPlaceholder.tsx';
import { StoreContext, SyncContext } from './store-context.ts';

export type Route = 'door' | 'staff';

function routeOf(hash: string): Route {
  return hash.startsWith('#/staff') ? 'staff' : 'door';
}

export function App({
  store,
  sync,
  onTap,
}: {
  store: KioskStore;
  sync?: SyncController;
  onTap?(): void;
}) {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const go = (next: Route) => {
    location.hash = next === 'door' ? '#/' : '#/staff';
    setRoute(next);
  };
  return (
    <StoreContext.Provider value={store}>
      <SyncContext.Provider value={sync}>
        {route === 'door' ? (
          <Door onStaff={() => go('staff')} {...(onTap ? { onTap } : {})} />
        ) : (
          <StaffPlaceholder onBack={() => go('door')} />
        )}
      </SyncContext.Provider>
    </StoreContext.Provider>
  );
}
