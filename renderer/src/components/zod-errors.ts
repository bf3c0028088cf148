import type { z } from 'zod';

/** First message per top-level field path ("days.1" counts as "days"), for showing under inputs. */
export function fieldErrors(err: z.ZodError, tz: (m: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) {
    const key = String(i.path[0] ?? '');
    out[key] ??= tz(i.message);
  }
  return out;
}
