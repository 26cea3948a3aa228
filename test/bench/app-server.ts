/** The real endpoint (`src/server/main.ts`) in a child process, as the e2e tests start it. */
import { startServer } from '../e2e/support/server.ts';

export { freePort } from '../e2e/support/server.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the endpoint on a free port with a temp DATA_DIR and waits for /api/v1/health. */
export async function startAppServer(): Promise<AppServer> {
  const server = await startServer();
  return { url: server.url.replace('localhost', '127.0.0.1'), stop: () => server.stop() };
}
