/**
 * The HTTP room's face: the Hono app of PROTOCOL.md's surface, the dashboard and the PWA's
 * files. Other rooms import the HTTP room only from here.
 */
export { createApp, type AppOptions } from './app.ts';
export { errorBody } from './answers.ts';
export {
  DEFAULT_LIMITS,
  proxiedAddress,
  socketAddress,
  trustedProxy,
  type Limits,
} from './context.ts';
export { listen, type ListenOptions } from './listen.ts';
export { logJsonLine, type LogEntry } from './middleware/request-log.ts';
