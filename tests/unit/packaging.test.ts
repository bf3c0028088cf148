// The packaging decisions of issue 17 (findings 2, 7, 8, 10), read from the files electron-builder
// reads. The glibc floor is measured from the better-sqlite3 prebuild that ships, so a newer
// prebuild with a higher floor fails here instead of on an organiser's older laptop.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';

const root = path.resolve(import.meta.dirname, '..', '..');
// js-yaml comes with electron-builder, which parses electron-builder.yml with it.
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (s: string) => unknown };

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  linux: { target: { target: string }[]; maintainer?: string };
  deb: { depends: string[] };
}
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** The highest symbol version of `prefix` (GLIBC, GLIBCXX) a shared object asks for, e.g. [2, 34]. */
function highestVersion(file: string, prefix: string): number[] {
  const text = fs.readFileSync(file).toString('latin1');
  const versions = [...text.matchAll(new RegExp(`\\b${prefix}_(\\d+(?:\\.\\d+)+)\\b`, 'g'))].map((m) => m[1]!.split('.').map(Number));
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  return versions.sort(cmp).at(-1) ?? [];
}

describe('package metadata electron-builder needs for the deb', () => {
  it('has a homepage and an author with an e-mail (else: "Please specify project homepage")', () => {
    expect(pkg.homepage).toMatch(/^https:\/\/\S+$/);
    expect(pkg.author.name).toBeTruthy();
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
  });
});

describe('electron-builder.yml', () => {
  it('leaves cookie encryption off (it would tie a cookie-less kiosk to the OS keyring)', () => {
    expect(config.electronFuses.enableCookieEncryption).toBe(false);
  });

  it('builds no AppImage for Linux (it cannot start its sandbox on Ubuntu 24.04+)', () => {
    expect(config.linux.target.map((t) => t.target)).toEqual(['deb']);
  });

  it('declares the glibc and libstdc++ floors the shipped better-sqlite3 prebuild needs', () => {
    const prebuild = path.join(root, 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node');
    const glibc = highestVersion(prebuild, 'GLIBC');
    const glibcxx = highestVersion(prebuild, 'GLIBCXX');
    // Measured 2.34 and 3.4.29 (GCC 11) on better-sqlite3 13.2: Ubuntu 22.04+, Debian 12+.
    expect(config.deb.depends).toContain(`libc6 (>= ${glibc.join('.')})`);
    // GLIBCXX_3.4.29 is GCC 11's libstdc++; a higher one needs this mapping extended.
    expect(glibcxx).toEqual([3, 4, 29]);
    expect(config.deb.depends).toContain('libstdc++6 (>= 11)');
  });

  it('keeps electron-builder’s own deb dependencies, which a `depends` list replaces', () => {
    const defaults = ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'];
    expect(config.deb.depends).toEqual(expect.arrayContaining(defaults));
  });
});
