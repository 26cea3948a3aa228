// The part of a test's browser that is the same in every engine: queries by role and name,
// clicks with the engine's real pointer, waits. Built on an engine's small EngineCore.
import {
  queryPage,
  isControlled,
  type PointerTarget,
  type QueryAction,
  type WireQuery,
  type WireText,
} from './in-page.ts';
import {
  DEFAULT_TIMEOUT_MS,
  type EngineBrowser,
  type EngineCore,
  type PageFunction,
  type Query,
  type TextMatch,
  type WaitOptions,
} from './types.ts';

function wireText(text: TextMatch | undefined): WireText | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return { source: text.source, flags: text.flags };
}

/** The query as it crosses into the page (RegExps as source and flags). */
export function toWire(query: Query): WireQuery {
  return {
    role: query.role,
    name: wireText(query.name),
    label: wireText(query.label),
    text: wireText(query.text),
    exact: query.exact,
    within: query.within && toWire(query.within),
    has: query.has && toWire(query.has),
  };
}

/** A query in words, for failure messages. */
export function describeQuery(query: Query): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      typeof value === 'object' && !(value instanceof RegExp)
        ? `${key}: {${describeQuery(value as Query)}}`
        : `${key}: ${String(value)}`,
    );
  return parts.join(', ');
}

/** Any page function, whatever its argument and result. */
export type AnyPageFunction = ((arg: never) => unknown) | string;

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Serialises a page function for engines that take source text: it is called with one JSON
 * argument and may return a promise. `__name` is esbuild's keep-names helper, which the test
 * transform may put into a function's body; it does not exist in the page.
 */
export function pageFunctionSource(fn: AnyPageFunction): string {
  const source = typeof fn === 'string' ? fn : fn.toString();
  return `(arg) => { const __name = (f) => f; return (${source})(arg); }`;
}

/** Adds everything a test uses to an engine's core. */
export function browserFrom(core: EngineCore): EngineBrowser {
  const run = <R>(query: Query, action: QueryAction) =>
    core.evaluate(queryPage, { query: toWire(query), action }) as Promise<R>;

  async function waitForFunction<R, A = undefined>(
    fn: PageFunction<A, R> | string,
    arg?: A,
    options?: WaitOptions,
  ): Promise<R> {
    const deadline = Date.now() + (options?.timeout ?? DEFAULT_TIMEOUT_MS);
    let last: unknown;
    for (;;) {
      try {
        const value = await core.evaluate<R, A>(fn, arg);
        if (value) return value;
        last = value;
      } catch (error) {
        // A navigation in between destroys the context: try again in the new document.
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out after ${options?.timeout ?? DEFAULT_TIMEOUT_MS} ms waiting (last: ${String(last)})`,
        );
      }
      await pause(100);
    }
  }

  async function pointAt(query: Query, holdMs: number, options?: WaitOptions): Promise<void> {
    const timeout = options?.timeout ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeout;
    let target: PointerTarget | null = null;
    for (;;) {
      target = await run<PointerTarget | null>(query, { kind: 'target' }).catch(() => null);
      if (target?.ready) break;
      if (Date.now() > deadline) {
        throw new Error(
          `No clickable ${describeQuery(query)} within ${timeout} ms` +
            (target?.reason ? ` (${target.reason})` : ' (none visible)'),
        );
      }
      await pause(50);
    }
    await core.pointer(target.x, target.y, holdMs);
  }

  return {
    engine: core.engine,
    goto: (url) => core.goto(url),
    reload: () => core.reload(),
    url: () => core.url(),
    evaluate: (fn, arg) => core.evaluate(fn, arg),
    pointer: (x, y, holdMs) => core.pointer(x, y, holdMs),
    close: () => core.close(),
    kill: () => core.kill(),
    click: (query, options) => pointAt(query, 0, options),
    press: (query, holdMs, options) => pointAt(query, holdMs, options),
    async fill(query, value, options) {
      await waitForFunction(
        queryPage,
        { query: toWire(query), action: { kind: 'fill', value } },
        {
          timeout: options?.timeout,
        },
      ).catch((error: unknown) => {
        throw new Error(`Could not fill ${describeQuery(query)}: ${String(error)}`);
      });
    },
    async waitFor(query, options) {
      const hidden = options?.hidden === true;
      const timeout = options?.timeout ?? DEFAULT_TIMEOUT_MS;
      const deadline = Date.now() + timeout;
      for (;;) {
        // A navigation in between destroys the context: count again in the new document.
        const count = await run<number>(query, { kind: 'count' }).catch(() => undefined);
        if (count !== undefined && (hidden ? count === 0 : count > 0)) return;
        if (Date.now() > deadline) {
          throw new Error(
            `${describeQuery(query)} did not ${hidden ? 'go' : 'show'} within ${timeout} ms`,
          );
        }
        await pause(50);
      }
    },
    isVisible: async (query) => (await run<number>(query, { kind: 'count' })) > 0,
    count: (query) => run<number>(query, { kind: 'count' }),
    textOf: (query) => run<string | null>(query, { kind: 'text' }),
    waitForFunction,
    async waitForServiceWorker(options) {
      await waitForFunction(isControlled, undefined, options);
    },
  };
}
