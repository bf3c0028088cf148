import type { z } from 'zod';

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined || (Array.isArray(v) && v.every(isEmpty));

/**
 * First message per top-level field ("days.1" counts as "days"), for showing under inputs.
 * An empty required field says just that ("Wajib diisi") rather than zod's length wording.
 */
export function fieldErrors(
  err: z.ZodError,
  draft: Record<string, unknown>,
  tz: (m: string) => string,
  required: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) {
    const key = String(i.path[0] ?? '');
    out[key] ??= i.code === 'too_small' && isEmpty(draft[key]) ? required : tz(i.message);
  }
  return out;
}
