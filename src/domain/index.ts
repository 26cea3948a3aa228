/** The domain's public face: pure rules for days, holidays, schedules, tallies, reports and CSV. */
export * from './business-day';
export * from './holidays';
export * from './schedule';
export * from './tally';
export * from './presets';
export * from './reports';
export * from './csv';
export * from './periods';
