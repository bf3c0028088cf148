// PDFs waiting for the hidden print window to fetch them from app://hadir/print-jobs/<token>.
// Pure (node:crypto only), so tests/unit/print-jobs.test.ts can check the rules: a token is 128
// random bits, a job is handed out once, and a job nobody fetched is dropped after a while.
import crypto from 'node:crypto';
import { APP_HOST, APP_SCHEME } from '../host/app-origin';

export const PRINT_JOB_PATH = '/print-jobs/';
const TTL_MS = 5 * 60_000;

export class PrintJobs {
  private jobs = new Map<string, { bytes: Uint8Array; at: number }>();
  constructor(private now: () => number = Date.now) {}

  add(bytes: Uint8Array): string {
    this.sweep();
    const token = crypto.randomBytes(16).toString('hex');
    this.jobs.set(token, { bytes, at: this.now() });
    return token;
  }

  /** The job's bytes, once: a second fetch (or another page guessing) gets nothing. */
  take(token: string): Uint8Array | null {
    this.sweep();
    const job = this.jobs.get(token);
    this.jobs.delete(token);
    return job?.bytes ?? null;
  }

  drop(token: string): void {
    this.jobs.delete(token);
  }

  get size(): number {
    return this.jobs.size;
  }

  private sweep() {
    const old = this.now() - TTL_MS;
    for (const [t, j] of this.jobs) if (j.at < old) this.jobs.delete(t);
  }
}

/** The token of an app://hadir/print-jobs/<32 hex> URL, or null for any other URL. */
export function printJobToken(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || !u.pathname.startsWith(PRINT_JOB_PATH)) return null;
  const token = u.pathname.slice(PRINT_JOB_PATH.length);
  return /^[0-9a-f]{32}$/.test(token) ? token : null;
}
