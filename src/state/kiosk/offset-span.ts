/**
 * The zone offset a cold start's first tap is placed by (no Intl on that path): the span the
 * last run checked ahead is known at once; once started it is checked ahead again, and every
 * 12 hours while the kiosk runs. It owns the localStorage copy of the span, nothing else.
 */
import { knowOffsetSpan, offsetSpanFrom } from '../../domain/business-day.ts';
import { readOffsetSpanCopy, writeOffsetSpanCopy } from '../../storage/settings.ts';

/** How often a running kiosk checks its zone's offset ahead again for the next cold start. */
export const OFFSET_SPAN_EVERY_MS = 12 * 60 * 60 * 1000;

export interface OffsetSpanStore {
  /** Checks the offset ahead now and every 12 hours after (once; never after dispose). */
  start(): void;
  dispose(): void;
}

export function createOffsetSpanStore(options: {
  now(): number;
  timeZone(): string;
}): OffsetSpanStore {
  knowOffsetSpan(readOffsetSpanCopy());
  let timer: ReturnType<typeof setInterval> | undefined;
  let disposed = false;
  function remember(): void {
    let span;
    try {
      span = offsetSpanFrom(options.now(), options.timeZone());
    } catch {
      // A zone Intl refuses (a configuration not yet replaced by its fallback) keeps the span.
      return;
    }
    knowOffsetSpan(span);
    writeOffsetSpanCopy(span);
  }
  return {
    start() {
      if (disposed || timer !== undefined) return;
      remember();
      timer = setInterval(remember, OFFSET_SPAN_EVERY_MS);
    },
    dispose() {
      disposed = true;
      clearInterval(timer);
    },
  };
}
