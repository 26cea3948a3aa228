/**
 * What the benchmark watches inside a page, installed by `addInitScript` before any script of
 * the page runs: Event Timing down to 16 ms, each click's timestamp, and when Velkommen shows.
 */

export interface EventEntry {
  name: string;
  duration: number;
  interactionId: number;
  startTime: number;
}

export interface BenchProbe {
  events: EventEntry[];
  /** `timeStamp` of every click that reached the page (the tap's hardware time). */
  clicks: number[];
  /** From a click to the task after the next animation frame: a sub-ms view of next paint. */
  afterFrame: number[];
  /** `performance.now()` whenever a Velkommen status appeared. */
  welcomes: number[];
  /** `performance.now()` when the Sjekk inn button first existed. */
  doorAt?: number;
}

declare global {
  interface Window {
    __bench: BenchProbe;
    /** Exposed by the benchmark when it wants to hear of Velkommen at once. */
    __benchWelcome?: (at: number) => void;
  }
}

/** The init script itself; it must not close over anything (it is serialized). */
export function installProbe(): void {
  const probe: BenchProbe = { events: [], clicks: [], afterFrame: [], welcomes: [] };
  window.__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { interactionId?: number }>)
      probe.events.push({
        name: entry.name,
        duration: entry.duration,
        interactionId: entry.interactionId ?? 0,
        startTime: entry.startTime,
      });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  addEventListener(
    'click',
    (event) => {
      const at = event.timeStamp;
      probe.clicks.push(at);
      requestAnimationFrame(() => setTimeout(() => probe.afterFrame.push(performance.now() - at)));
    },
    true,
  );
  let welcomeShown = false;
  new MutationObserver(() => {
    if (probe.doorAt === undefined) {
      for (const button of document.querySelectorAll('button')) {
        if (button.textContent?.trim() === 'Sjekk inn') probe.doorAt = performance.now();
      }
    }
    let shown = false;
    for (const status of document.querySelectorAll('[role="status"]')) {
      if (status.textContent?.includes('Velkommen')) shown = true;
    }
    if (shown && !welcomeShown) {
      const at = performance.now();
      probe.welcomes.push(at);
      window.__benchWelcome?.(at);
    }
    welcomeShown = shown;
  }).observe(document, { subtree: true, childList: true, characterData: true });
}
