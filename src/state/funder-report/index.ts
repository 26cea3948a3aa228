/** The funder report's state: its days, what it shows, and the figures. */
export * from './load.ts';
export * from './plan.ts';
export * from './programme.ts';
export * from './report.ts';
