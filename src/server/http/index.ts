/**
 * The HTTP room's face: the Hono app of PROTOCOL.md's surface, the dashboard and the PWA's
 * files. Other rooms import the HTTP room only from here.
 */
export {
  createApp,
  DEFAULT_LIMITS,
  errorBody,
  logJsonLine,
  type AppOptions,
  type Limits,
  type LogEntry,
} from './app.ts';
