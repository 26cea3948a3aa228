/** The fixed ASCII id of a site, counter or option: never a display name. */
import * as z from 'zod/mini';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A slug as PROTOCOL.md defines it. */
export const slugSchema = z
  .string()
  .check(z.regex(SLUG_PATTERN, 'må være små bokstaver a–z, tall og bindestrek'));

/** A calendar date `YYYY-MM-DD` that really exists. */
export const isoDateSchema = z.iso.date();

/** A local wall-clock time `HH:MM`. */
export const clockTimeSchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'må være TT:MM'));
