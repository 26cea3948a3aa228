/**
 * Staff mode's face of state: what the staff screens use, loaded with them and never part of
 * the door's first paint (the door's face is index.ts).
 */
export * from './closing.ts';
export * from './day-totals.ts';
export * from './door-answers.ts';
export * from './export.ts';
export * from './funder-report/index.ts';
export * from './occupancy.ts';
export * from './reports.ts';
export * from './session-timeouts.ts';
export * from './settings.ts';
export * from './staff-drafts.ts';
export * from './staff-session.ts';
export * from './tally.ts';
export * from './word-plan.ts';
