import type { OpError } from '../shared/result';
import { HadirError } from '../shared/errors';

/** Folds any failure into the error a desk sees. */
export function toOpError(e: unknown): OpError {
  if (e instanceof HadirError) return e.toJSON();
  // Unexpected: keep the detail for the log, give the user a stable code.
  console.error('[hadir] internal error', e);
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
