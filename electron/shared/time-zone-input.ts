import { z } from 'zod';
import { TIME_ZONES } from './time-zone';

/**
 * An event's time zone as the contract validates it. Apart from time-zone.ts so that what reads
 * dates only (the check-in's day, `hadir doctor`'s clock check) does not load zod for it.
 */
export const timeZoneInput = z.enum(TIME_ZONES);
