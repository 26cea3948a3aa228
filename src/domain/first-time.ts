/**
 * The ids of the first-time question and its answers, and of the one-question shape they
 * replaced: plain constants with no imports, so the configuration's migration (loaded lazily
 * with the settings schemas) can use them without pulling in the estimator's date rules.
 */
/** The counter of the first-time question; its answers are its options, never by hour. */
export const FIRST_TIME_COUNTER = 'forste-gang';
/** "Ja, første gang noensinne". */
export const FIRST_EVER = 'noensinne';
/** "Første gang i år" (been here in an earlier year). */
export const FIRST_THIS_YEAR = 'forste-i-ar';
/** "Nei, har vært her før i år". */
export const EARLIER_THIS_YEAR = 'tidligere-i-ar';
/** A skip or a time-out: asked, not answered. Every door question has this option. */
export const NO_ANSWER = 'no-answer';

/** The visit counter and its retired first-time options (the one-question shape). */
export const VISIT_COUNTER = 'visit';
export const LEGACY_FIRST_TIME = 'first-time';
export const LEGACY_RETURNING = 'returning';
