// A minimal W3C WebDriver (classic) client over fetch: the few commands the engine drivers use.
// It knows nothing of a particular browser; starting the driver process is the engine's job.

/** The key under which WebDriver hands an element reference across (W3C "web element identifier"). */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export interface ElementReference {
  [ELEMENT_KEY]: string;
}

export class WebDriverError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
  ) {
    super(`WebDriver ${command}: ${error}: ${message}`);
  }
}

type Method = 'GET' | 'POST' | 'DELETE';

async function send(base: string, method: Method, path: string, body?: unknown): Promise<unknown> {
  const answer = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const read = (await answer.json().catch(() => ({}))) as {
    value?: { error?: string; message?: string } | unknown;
  };
  const value = read.value as { error?: unknown; message?: unknown } | null | undefined;
  if (!answer.ok || (value !== null && typeof value === 'object' && 'error' in value)) {
    throw new WebDriverError(
      `${method} ${path}`,
      String(value?.error ?? answer.status),
      String(value?.message ?? answer.statusText),
    );
  }
  return read.value;
}

/** Polls the driver's /status until it answers; the driver process takes a moment to listen. */
export async function waitForDriver(base: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await send(base, 'GET', '/status');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`No WebDriver at ${base}: ${String(error)}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

/** One session: navigate, run scripts, find and click elements, end. */
export class WebDriverSession {
  private constructor(
    private readonly base: string,
    readonly id: string,
  ) {}

  static async start(
    base: string,
    capabilities: Record<string, unknown>,
  ): Promise<WebDriverSession> {
    const created = (await send(base, 'POST', '/session', {
      capabilities: { alwaysMatch: capabilities },
    })) as { sessionId: string };
    return new WebDriverSession(base, created.sessionId);
  }

  private command(method: Method, path: string, body?: unknown): Promise<unknown> {
    return send(this.base, method, `/session/${this.id}${path}`, body);
  }

  async setScriptTimeout(ms: number): Promise<void> {
    await this.command('POST', '/timeouts', { script: ms });
  }

  async navigate(url: string): Promise<void> {
    await this.command('POST', '/url', { url });
  }

  async refresh(): Promise<void> {
    await this.command('POST', '/refresh', {});
  }

  async url(): Promise<string> {
    return (await this.command('GET', '/url')) as string;
  }

  /** Runs a function body in the page; `arguments` holds args. Returns what it returns. */
  async execute<T>(body: string, args: unknown[] = []): Promise<T> {
    return (await this.command('POST', '/execute/sync', { script: body, args })) as T;
  }

  /** Runs a function body whose last argument is the callback that ends it. */
  async executeAsync<T>(body: string, args: unknown[] = []): Promise<T> {
    return (await this.command('POST', '/execute/async', { script: body, args })) as T;
  }

  async findElement(using: 'css selector' | 'xpath', value: string): Promise<ElementReference> {
    return (await this.command('POST', '/element', { using, value })) as ElementReference;
  }

  /** The element click: scrolls it into view and clicks its centre as a pointer would. */
  async click(element: ElementReference): Promise<void> {
    await this.command('POST', `/element/${element[ELEMENT_KEY]}/click`, {});
  }

  /**
   * A mouse press at viewport CSS pixels through the input actions: move, down, held for
   * `holdMs`, up; the engine's own input path, as a finger's tap reaches the page.
   */
  async pointer(x: number, y: number, holdMs = 0): Promise<void> {
    await this.command('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            {
              type: 'pointerMove',
              duration: 0,
              origin: 'viewport',
              x: Math.round(x),
              y: Math.round(y),
            },
            { type: 'pointerDown', button: 0 },
            { type: 'pause', duration: holdMs },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  async end(): Promise<void> {
    await this.command('DELETE', '');
  }
}
