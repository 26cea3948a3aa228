/** Marks the page while a printable screen is shown, so its print stylesheet prints it alone. */
import { useEffect } from 'preact/hooks';

/** Puts `className` on <html> while the calling screen is mounted. */
export function usePrintOnly(className: string): void {
  useEffect(() => {
    document.documentElement.classList.add(className);
    return () => document.documentElement.classList.remove(className);
  }, [className]);
}
