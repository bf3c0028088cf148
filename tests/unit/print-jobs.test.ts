import { describe, expect, it } from 'vitest';
import { PrintJobs, printJobToken } from '../../electron/main/print-jobs';

describe('print jobs waiting for the print page', () => {
  it('hands each job out once, under a 128-bit random token', () => {
    const jobs = new PrintJobs();
    const a = jobs.add(new Uint8Array([1]));
    const b = jobs.add(new Uint8Array([2]));
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(jobs.take(a)).toEqual(new Uint8Array([1]));
    expect(jobs.take(a)).toBeNull();
    jobs.drop(b);
    expect(jobs.size).toBe(0);
  });

  it('drops a job nobody fetched after five minutes', () => {
    let now = 0;
    const jobs = new PrintJobs(() => now);
    const t = jobs.add(new Uint8Array([1]));
    now = 5 * 60_000 + 1;
    expect(jobs.take(t)).toBeNull();
  });

  it('reads the token only from app://hadir/print-jobs/<32 hex>', () => {
    const t = 'a'.repeat(32);
    expect(printJobToken(`app://hadir/print-jobs/${t}`)).toBe(t);
    for (const url of [
      `app://other/print-jobs/${t}`,
      `http://hadir/print-jobs/${t}`,
      `app://hadir/print-jobs/${t}/x`,
      `app://hadir/print-jobs/../${t}`,
      `app://hadir/print-jobs/${'A'.repeat(32)}`,
      'app://hadir/print-jobs/',
      'not a url',
    ]) {
      expect(printJobToken(url), url).toBeNull();
    }
  });
});
