/**
 * The funder report's entry in the staff screens: its code loads when the lead opens it, so
 * neither the door nor the other staff screens carry it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FunderReportProps } from './FunderReport.tsx';

type Screen = typeof import('./FunderReport.tsx').FunderReport;
let loading: Promise<Screen> | undefined;

export function LazyFunderReport(props: FunderReportProps) {
  const [Screen, setScreen] = useState<{ component: Screen } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    loading ??= import('./FunderReport.tsx').then((module) => module.FunderReport);
    void loading.then((component) => current && setScreen({ component }));
    return () => {
      current = false;
    };
  }, []);
  return Screen ? <Screen.component {...props} /> : <p role="status" aria-busy="true" />;
}
