/**
 * The preset a fresh tablet (or a garbled configuration) starts from, as every site is read:
 * with the volunteer counters it implies. One module, so the state loads it in one step.
 */
import { withVolunteerCounters } from '../volunteer-hours';
import { hjerteromAlta } from './hjerterom-alta';

export const defaultPreset = withVolunteerCounters(hjerteromAlta);
