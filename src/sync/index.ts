/** The tablet's side of PROTOCOL.md: HTTP client, one sync run, and when runs happen. */
export * from './client.ts';
export * from './engine.ts';
export * from './loop.ts';
export * from './pairing.ts';
