/** Stores and hooks: the UI's only way to state and storage. */
export * from './kiosk-store.ts';
export { takeOverShell } from './cold-start/index.ts';
export type { EventInput } from '../storage/index.ts';
export * from './observable.ts';
export * from './use-observable.ts';
export * from './language.ts';
export { loadDefaultPreset, paintCopyConfig, saveConfig } from './site-config.ts';
export * from './today.ts';
