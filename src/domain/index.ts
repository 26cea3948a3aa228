/**
 * The domain's public face: pure rules for days, holidays, schedules, tallies and their events,
 * the tally screen's targets, closing, configuration preparation, reports, CSV, opening days,
 * the people estimate, small-cell suppression, volunteer hours and the funder report.
 */
export * from './business-day';
export * from './holidays';
export * from './schedule';
export * from './tally';
export * from './tally-merge';
export * from './door-events';
export * from './tally-events';
export * from './tally-targets';
export * from './closing';
export * from './configuration';
export * from './presets';
export * from './reports';
export * from './csv';
export * from './periods';
export * from './people-estimate';
export * from './suppression';
export * from './opening';
export * from './funder-report';
export * from './volunteer-hours';
