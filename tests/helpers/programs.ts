// The programs the tests run beside Node (README: "npm test also needs these programs"). A test
// that needs one that is missing is skipped with a printed reason naming the program and its
// package; it must never pass silently, nor fail with a bare ENOENT a newcomer cannot read.
import child from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

/** Program → the Debian/Ubuntu package that has it. */
export const PACKAGES: Record<string, string> = {
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  zbarimg: 'zbar-tools',
  ffmpeg: 'ffmpeg',
  convert: 'imagemagick',
  magick: 'imagemagick',
};

/** Names in HADIR_TEST_HIDE_PROGRAMS (comma-separated) count as missing: how the skip itself is tested. */
const hidden = () => new Set((process.env.HADIR_TEST_HIDE_PROGRAMS ?? '').split(',').filter(Boolean));

const found = new Map<string, boolean>();
/** Whether `name` is on PATH (and not hidden). */
export function hasProgram(name: string): boolean {
  if (hidden().has(name)) return false;
  if (!found.has(name)) {
    const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
    const exts = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
    found.set(
      name,
      dirs.some((d) => exts.some((e) => fs.existsSync(path.join(d, name + e)))),
    );
  }
  return found.get(name)!;
}

export function skipReason(name: string): string {
  return `skipped: needs \`${name}\` (Debian/Ubuntu: apt-get install ${PACKAGES[name] ?? name}); see README.md`;
}

/**
 * Makes child_process.execFileSync / spawnSync / execFile skip the running test (through `skip`)
 * when asked to run one of PACKAGES' programs that is missing. Installed once per test process by
 * the runners' setup (vitest setupFiles, Playwright fixtures); syncBuiltinESMExports makes named
 * ESM imports (`import { execFileSync } from 'node:child_process'`) see the wrapper too.
 */
export function guardPrograms(skip: (reason: string) => never): void {
  const c = child as unknown as Record<string, unknown> & { __hadirGuard?: boolean };
  if (c.__hadirGuard) return;
  c.__hadirGuard = true;
  const check = (file: unknown) => {
    const name = typeof file === 'string' ? path.basename(file) : '';
    if (name in PACKAGES && !hasProgram(name)) {
      const reason = skipReason(name);
      console.warn(`[hadir tests] ${reason}`);
      skip(reason);
    }
  };
  for (const fn of ['execFileSync', 'spawnSync', 'execFile', 'spawn'] as const) {
    const orig = c[fn] as (...a: unknown[]) => unknown;
    const wrapped = (...args: unknown[]) => (check(args[0]), orig(...args));
    // Keep what hangs on the original (execFile's util.promisify.custom, which resolves to
    // { stdout, stderr }): a bare wrapper would change what promisify(execFile) returns.
    for (const key of Reflect.ownKeys(orig)) {
      if (key !== 'length' && key !== 'name' && key !== 'prototype') {
        Object.defineProperty(wrapped, key, Object.getOwnPropertyDescriptor(orig, key)!);
      }
    }
    c[fn] = wrapped;
  }
  syncBuiltinESMExports();
}
