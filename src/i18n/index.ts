/** Messages (bokmål first) and Intl formatting. */
export * from './nb.ts';
export * from './translate.ts';
export { loadCatalogue } from './catalogues.ts';
