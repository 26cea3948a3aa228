/** Loads the door's after-paint chunk (after-paint.ts) once it is wanted; undefined until then. */
import { useEffect, useState } from 'preact/hooks';

export type AfterPaint = typeof import('./after-paint.ts');
let loading: Promise<AfterPaint> | undefined;

export function useAfterPaint(wanted: boolean): AfterPaint | undefined {
  const [loaded, setLoaded] = useState<AfterPaint>();
  useEffect(() => {
    if (wanted) void (loading ??= import('./after-paint.ts')).then(setLoaded);
  }, [wanted]);
  return loaded;
}
