/** A staff screen whose code loads when it is first shown (the shell shows it busy meanwhile). */
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyScreen<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  let loaded: ComponentType<Props> | undefined;
  return function LazyScreen(props: Props) {
    const [screen, setScreen] = useState(() => loaded);
    useEffect(() => {
      if (screen !== undefined) return;
      let current = true;
      void load().then((component) => {
        loaded = component;
        if (current) setScreen(() => component);
      });
      return () => {
        current = false;
      };
    }, [screen]);
    return screen === undefined ? h('div', { 'aria-busy': 'true' }) : h(screen, props);
  };
}
