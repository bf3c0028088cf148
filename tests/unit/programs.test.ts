// The programs npm test needs beside Node: a missing one is named with its package (README).
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { hasProgram, PACKAGES, skipReason } from '../helpers/programs';

afterEach(() => {
  delete process.env.HADIR_TEST_HIDE_PROGRAMS;
});

describe('programs the tests need', () => {
  it('are found on PATH, and a hidden one counts as missing', () => {
    expect(hasProgram('pdftotext')).toBe(true);
    process.env.HADIR_TEST_HIDE_PROGRAMS = 'pdftotext';
    expect(hasProgram('pdftotext')).toBe(false);
    expect(hasProgram('definitely-not-a-program-hadir')).toBe(false);
  });

  it('name the package to install', () => {
    expect(skipReason('zbarimg')).toBe('skipped: needs `zbarimg` (Debian/Ubuntu: apt-get install zbar-tools); see README.md');
    expect(Object.keys(PACKAGES)).toEqual(expect.arrayContaining(['pdftoppm', 'pdftotext', 'zbarimg', 'ffmpeg', 'convert']));
  });

  // The setup file (tests/helpers/vitest-setup.ts) skips this test: it must never reach the expect.
  it('skip the test that runs a missing one (this test is reported as skipped)', () => {
    process.env.HADIR_TEST_HIDE_PROGRAMS = 'pdftotext';
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    expect.unreachable('a missing program must skip the test');
  });
});
