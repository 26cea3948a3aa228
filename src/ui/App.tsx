/**
 * The app shell: one store in context, hash routes (the door, `#/staff/<screen>`) and the
 * gate in front of staff mode. A fresh tablet chooses its PINs before the door shows; staff
 * screens load only when opened, so the door's first paint carries none of them.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useObservable, type KioskStore, type SyncController } from '../state/index.ts';
import {
  createPinStore,
  readSetupHint,
  writeSetupHint,
  type PinStore,
  type StaffRole,
} from '../state/pins.ts';
import { mayOpen, STAFF_SCREENS, useIdleReturn, type StaffScreen } from '../state/staff-session.ts';
import { Door } from './screens/Door.tsx';
import { StoreContext, SyncContext } from './store-context.ts';

export type Route = { name: 'door' } | { name: 'staff'; screen?: StaffScreen };

export function routeOf(hash: string): Route {
  const match = /^#\/staff(?:\/([a-z-]+))?/.exec(hash);
  if (match === null) return { name: 'door' };
  const screen = STAFF_SCREENS.find((candidate) => candidate === match[1]);
  return screen ? { name: 'staff', screen } : { name: 'staff' };
}

function hashOf(route: Route): string {
  if (route.name === 'door') return '#/';
  return route.screen ? `#/staff/${route.screen}` : '#/staff';
}

type StaffModules = {
  PinPad: typeof import('./staff/PinPad.tsx').PinPad;
  PinSetup: typeof import('./staff/PinSetup.tsx').PinSetup;
  StaffShell: typeof import('./staff/StaffShell.tsx').StaffShell;
};
let staffModules: StaffModules | undefined;
let loadingStaff: Promise<StaffModules> | undefined;
function loadStaff(): Promise<StaffModules> {
  loadingStaff ??= Promise.all([
    import('./staff/PinPad.tsx'),
    import('./staff/PinSetup.tsx'),
    import('./staff/StaffShell.tsx'),
  ]).then(([pad, setup, shell]) => {
    staffModules = { PinPad: pad.PinPad, PinSetup: setup.PinSetup, StaffShell: shell.StaffShell };
    return staffModules;
  });
  return loadingStaff;
}

function useStaffModules(wanted: boolean): StaffModules | undefined {
  const [modules, setModules] = useState(staffModules);
  useEffect(() => {
    if (wanted && modules === undefined) void loadStaff().then(setModules);
  }, [wanted, modules]);
  return modules;
}

/** Whether this tablet has its PINs: 'checking' only until settings answer on a fresh start. */
type Setup = 'checking' | 'needed' | 'ready';

export interface AppProps {
  store: KioskStore;
  sync?: SyncController;
  onTap?(): void;
  /** The PIN store; the real one reads idb-keyval. */
  pins?: PinStore;
}

export function App({ store, sync, onTap, pins: givenPins }: AppProps) {
  const pins = useMemo(() => givenPins ?? createPinStore(), [givenPins]);
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const [setup, setSetup] = useState<Setup>(() => (readSetupHint() ? 'ready' : 'checking'));
  const [role, setRole] = useState<StaffRole | undefined>(undefined);
  const [resetting, setResetting] = useState(false);
  const config = useObservable(store.config);
  const staffRoot = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    pins.isSetUp().then(
      (ready) => {
        if (!current) return;
        writeSetupHint(ready);
        setSetup(ready ? 'ready' : 'needed');
      },
      // Settings that cannot be read must not keep the door from counting.
      () => current && setSetup('ready'),
    );
    return () => {
      current = false;
    };
  }, [pins]);

  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  // Leaving staff mode, by any way, ends the session: the next visit asks for a PIN again.
  useEffect(() => {
    if (route.name === 'door') {
      setRole(undefined);
      setResetting(false);
    }
  }, [route.name]);

  const go = (next: Route) => {
    location.hash = hashOf(next);
    setRoute(next);
  };
  const toDoor = () => go({ name: 'door' });

  const inStaff = route.name === 'staff' || setup === 'needed';
  const modules = useStaffModules(inStaff);
  // The PIN pad and staff screens return to the door when left alone; choosing PINs does not,
  // since the recovery code on screen must not vanish while it is written down.
  const idleWatched = route.name === 'staff' && !resetting && setup === 'ready';
  useIdleReturn(staffRoot, idleWatched ? config.idleTimeoutSeconds * 1000 : undefined, toDoor);

  let content;
  if (setup === 'checking') {
    content = <main class="door shell" aria-busy="true" />;
  } else if (setup === 'needed') {
    content = modules ? (
      <modules.PinSetup
        pins={pins}
        mode="first"
        onDone={() => {
          writeSetupHint(true);
          setSetup('ready');
          toDoor();
        }}
      />
    ) : (
      <main class="door shell" aria-busy="true" />
    );
  } else if (route.name === 'door') {
    content = <Door onStaff={() => go({ name: 'staff' })} {...(onTap ? { onTap } : {})} />;
  } else if (modules === undefined) {
    content = <main class="staff" aria-busy="true" />;
  } else if (resetting) {
    content = (
      <modules.PinSetup
        pins={pins}
        mode="reset"
        onDone={() => {
          setResetting(false);
          setRole('lead');
          go({ name: 'staff', screen: 'tally' });
        }}
      />
    );
  } else if (role === undefined) {
    content = (
      <modules.PinPad
        pins={pins}
        onSignIn={(signedIn) => {
          setRole(signedIn);
          const wanted = route.screen;
          go({ name: 'staff', screen: wanted && mayOpen(signedIn, wanted) ? wanted : 'tally' });
        }}
        onRecovered={() => setResetting(true)}
        onBack={toDoor}
      />
    );
  } else {
    content = (
      <modules.StaffShell
        role={role}
        screen={route.screen ?? 'tally'}
        onNavigate={(screen) => go({ name: 'staff', screen })}
        onLeave={toDoor}
      />
    );
  }

  return (
    <StoreContext.Provider value={store}>
      <SyncContext.Provider value={sync}>
        <div ref={staffRoot} class="app-root">
          {content}
        </div>
      </SyncContext.Provider>
    </StoreContext.Provider>
  );
}
