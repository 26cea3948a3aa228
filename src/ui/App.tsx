/**
 * The app shell: one store in context, hash routes (the door, `#/staff/<screen>`) and the
 * gate in front of staff mode. A fresh tablet is set up (place, PINs, pairing) before the door
 * shows; staff screens load only when opened, so the door's first paint carries none of them.
 */
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type KioskStore } from '../state/index.ts';
import type { SyncController } from '../state/sync.ts';
import type { PinStore, StaffRole } from '../state/pins.ts';
import { readSetupHint, writeSetupHint } from '../state/setup-hint.ts';
import { mayOpen, STAFF_SCREENS, type StaffScreen } from '../state/staff-screens.ts';
import type { GuardState } from './door/DoorFallback.tsx';
import { nb } from '../i18n/nb.ts';
import { StaffCorner } from './door/StaffCorner.tsx';
import { Door } from './screens/Door.tsx';
import { EndpointTotalsContext, StoreContext, SyncContext } from './store-context.ts';

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

type StaffModules = typeof import('./staff/index.ts');
let staffModules: StaffModules | undefined;
let loadingStaff: Promise<StaffModules> | undefined;
function loadStaff(): Promise<StaffModules> {
  loadingStaff ??= import('./staff/index.ts').then((modules) => (staffModules = modules));
  return loadingStaff;
}

function useStaffModules(wanted: boolean): StaffModules | undefined {
  const [modules, setModules] = useState(staffModules);
  useEffect(() => {
    if (wanted && modules === undefined) void loadStaff().then(setModules);
  }, [wanted, modules]);
  return modules;
}

// Hashing and the settings behind the PINs load after the first paint, like the staff screens.
let defaultPins: Promise<PinStore> | undefined;
function loadDefaultPins(): Promise<PinStore> {
  defaultPins ??= import('../state/pins.ts').then((module) => module.createPinStore());
  return defaultPins;
}

interface DoorGuardProps {
  store: KioskStore;
  onStaff(): void;
  children: ComponentChildren;
}

/**
 * Keeps the door from going blank: a render that throws falls back to the next configuration,
 * or a bare door (ui/door/DoorFallback.tsx). Only the catch lives here, in the first paint.
 */
class DoorGuard extends Component<DoorGuardProps, GuardState> {
  componentDidCatch(failed: unknown) {
    this.setState({ failed });
    void import('./door/after-paint.ts').then((door) => door.fallBack(this, failed));
  }
  render({ onStaff, children }: DoorGuardProps, { failed, Bare }: GuardState) {
    if (failed) return <main class="door shell" aria-busy="true" />;
    return Bare ? <Bare onStaff={onStaff} Corner={StaffCorner} texts={nb} /> : children;
  }
}

/** Whether this tablet has its PINs: 'checking' only until settings answer on a fresh start. */
type Setup = 'checking' | 'needed' | 'ready';

export interface AppProps {
  store: KioskStore;
  sync?: SyncController;
  onTap?(): void;
  /** The PIN store; the real one reads idb-keyval. */
  pins?: PinStore;
  /** When the door is known to be set up, the PINs load once this resolves (door first). */
  startAfter?: Promise<unknown>;
}

export function App({ store, sync, onTap, pins: givenPins, startAfter }: AppProps) {
  const [pins, setPins] = useState<PinStore | undefined>(givenPins);
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const [setup, setSetup] = useState<Setup>(() => (readSetupHint() ? 'ready' : 'checking'));
  const [role, setRole] = useState<StaffRole | undefined>(undefined);
  // The lead signed in with a PIN shorter than a new one may be: staff mode asks to change it.
  const [shortPin, setShortPin] = useState(false);
  // The PIN being chosen again after the recovery code.
  const [resetting, setResetting] = useState<StaffRole | undefined>(undefined);
  // Half-typed staff fields outlive a session that closed by itself (state/staff-drafts.ts).
  const drafts = useRef(new Map<string, string>()).current;

  useEffect(() => {
    let current = true;
    const waited = setup === 'ready' && startAfter ? startAfter : Promise.resolve();
    (givenPins ? Promise.resolve(givenPins) : waited.then(loadDefaultPins))
      .then(async (loaded) => {
        if (current) setPins(loaded);
        const ready = await loaded.isSetUp();
        if (!current) return;
        writeSetupHint(ready);
        setSetup(ready ? 'ready' : 'needed');
      })
      // Settings that cannot be read must not keep the door from counting.
      .catch(() => current && setSetup('ready'));
    return () => {
      current = false;
    };
  }, [givenPins]);

  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  // Leaving staff mode, by any way, ends the session: the next visit asks for a PIN again.
  useEffect(() => {
    if (route.name === 'door') {
      setRole(undefined);
      setResetting(undefined);
    }
  }, [route.name]);

  const go = (next: Route) => {
    location.hash = hashOf(next);
    setRoute(next);
  };
  const toDoor = () => go({ name: 'door' });

  const inStaff = route.name === 'staff' || setup === 'needed';
  const modules = useStaffModules(inStaff);

  let content;
  if (setup === 'checking') {
    content = <main class="door shell" aria-busy="true" />;
  } else if (setup === 'needed') {
    content =
      modules && pins ? (
        <modules.FirstRun
          pins={pins}
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
    const onStaff = () => go({ name: 'staff' });
    content = (
      <DoorGuard store={store} onStaff={onStaff}>
        <Door onStaff={onStaff} {...(onTap ? { onTap } : {})} />
      </DoorGuard>
    );
  } else if (modules === undefined || pins === undefined) {
    content = <main class="staff" aria-busy="true" />;
  } else if (resetting !== undefined) {
    content = (
      <modules.PinSetup
        pins={pins}
        mode={{ forgotten: resetting }}
        onDone={() => {
          setResetting(undefined);
          setShortPin(false);
          setRole('lead');
          go({ name: 'staff', screen: 'tally' });
        }}
      />
    );
  } else if (role === undefined) {
    content = (
      <modules.PinPad
        pins={pins}
        onSignIn={(signedIn, short) => {
          setRole(signedIn);
          setShortPin(short);
          const wanted = route.screen;
          go({ name: 'staff', screen: wanted && mayOpen(signedIn, wanted) ? wanted : 'tally' });
        }}
        onRecovered={setResetting}
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
        drafts={drafts}
        {...(shortPin ? { onChangePin: () => setResetting('lead') } : {})}
      />
    );
  }

  return (
    <StoreContext.Provider value={store}>
      <SyncContext.Provider value={sync}>
        <EndpointTotalsContext.Provider value={sync?.readEndpointTotals}>
          {content}
        </EndpointTotalsContext.Provider>
      </SyncContext.Provider>
    </StoreContext.Provider>
  );
}
