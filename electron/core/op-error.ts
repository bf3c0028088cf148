import type { OpError } from '../shared/result';
import { HadirError } from '../shared/errors';
import { errorRef, type Logger } from './log/logger';

/**
 * Folds any failure into the error a desk sees. An expected failure (HadirError) is shown as it
 * is. Anything else is a fault of Hadir's: its message and stack go to the log under a fresh
 * reference, and the desk gets the reference only: internal messages (SQL, file paths) and stack
 * traces never reach a screen or an HTTP response.
 */
export function toOpError(e: unknown, log?: Logger, where?: string): OpError {
  if (e instanceof HadirError) return e.toJSON();
  const ref = errorRef();
  if (log) log.error({ ref, where, err: e }, 'internal error');
  else console.error(`[hadir] internal error ${ref}${where ? ` in ${where}` : ''}`, e);
  return {
    code: 'internal',
    message: `Something went wrong inside Hadir. Reference ${ref}: the details are in the kiosk's log file.`,
    params: { ref },
  };
}
